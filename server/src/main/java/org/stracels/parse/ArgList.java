package org.stracels.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level arguments of one argument span, as read by {@link ArgParser}, with the problems met.
 * Immutable. The i-th node is the i-th argument printed in this span; in a resumed line that is not the
 * i-th argument of the syscall (the first ones are on the unfinished line; see {@link #leadingSeparator()}).
 */
public final class ArgList {
    /** Something in the text that does not fit the argument grammar, at an absolute offset. */
    public record Problem(int offset, String message) {
    }

    private final CharSequence text;
    private final int start;
    private final int end;
    private final List<ArgNode> nodes;
    private final List<Problem> problems;
    private final boolean leadingSeparator;
    private final boolean trailingSeparator;

    ArgList(CharSequence text, int start, int end, List<ArgNode> nodes, List<Problem> problems,
            boolean leadingSeparator, boolean trailingSeparator) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.nodes = List.copyOf(nodes);
        this.problems = List.copyOf(problems);
        this.leadingSeparator = leadingSeparator;
        this.trailingSeparator = trailingSeparator;
    }

    /** The text the offsets refer to. */
    public CharSequence text() {
        return text;
    }

    /** Start of the parsed span, or -1 when there was none. */
    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /** The top-level arguments, in order. */
    public List<ArgNode> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The i-th top-level argument (0-based), or null. */
    public ArgNode get(int i) {
        return i >= 0 && i < nodes.size() ? nodes.get(i) : null;
    }

    /** Problems in text order of discovery; empty when the text fits the grammar. */
    public List<Problem> problems() {
        return problems;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * The span began with {@code ", "}: the text continues an argument list whose first arguments are
     * elsewhere ({@code <... clone resumed>, child_tidptr=…}).
     */
    public boolean leadingSeparator() {
        return leadingSeparator;
    }

    /** The span ended with {@code ","}: more arguments follow elsewhere ({@code wait4(-1,  <unfinished ...>}). */
    public boolean trailingSeparator() {
        return trailingSeparator;
    }

    /** Index of the top-level argument containing {@code offset}, or -1. */
    public int indexAt(int offset) {
        ArgNode n = ArgNode.childAt(nodes, offset);
        return n == null ? -1 : nodes.indexOf(n);
    }

    /** The innermost node containing {@code offset}, or null (between arguments, outside the span). */
    public ArgNode nodeAt(int offset) {
        return ArgParser.nodeAt(nodes, offset);
    }

    /** The nodes containing {@code offset}, outermost first; empty if none. Hover uses it to find the enclosing field. */
    public List<ArgNode> pathAt(int offset) {
        List<ArgNode> path = new ArrayList<>();
        ArgNode n = ArgNode.childAt(nodes, offset);
        while (n != null) {
            path.add(n);
            n = ArgNode.childAt(n.children(), offset);
        }
        return path;
    }

    @Override
    public String toString() {
        return "ArgList[" + start + "," + end + ") " + nodes + (problems.isEmpty() ? "" : " " + problems);
    }
}
