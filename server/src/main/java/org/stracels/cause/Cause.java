package org.stracels.cause;

import java.util.List;

/**
 * A likely cause of a reported error or of a failing exit: a failed call (or a child process that failed),
 * its score, and the reasons that make up the score, in words.
 *
 * @param line      the line to show: the failed call's result, or the child's exit line
 * @param entryLine the line where the call starts (differs from {@code line} for a cut call)
 * @param title     short, for a code lens: {@code link() ESERVERFAULT}, {@code pid 12 exited with 1}
 * @param call      the call as the trace shows it, long arguments cut: {@code link("/a", "/b") = -1 ESERVERFAULT}
 * @param shortCall {@code link(…) = -1 ESERVERFAULT}
 * @param repeats   every line where the same call failed the same way (retries), in order; ends with {@code line}
 * @param via       for a child process that failed: its own top cause (which may have a via of its own), so
 *                  that every failure explained ends at a call; null otherwise
 */
public record Cause(int line, int entryLine, String title, String call, String shortCall, int score,
        List<Reason> reasons, int[] repeats, Cause via) {

    /** The same cause without a via. */
    public Cause(int line, int entryLine, String title, String call, String shortCall, int score,
            List<Reason> reasons, int[] repeats) {
        this(line, entryLine, title, call, shortCall, score, reasons, repeats, null);
    }

    /** The end of the via chain: the call (or event) the failure comes down to; this cause when it has no via. */
    public Cause root() {
        Cause c = this;
        for (int hops = 0; c.via != null && hops < 64; hops++) {
            c = c.via;
        }
        return c;
    }

    /**
     * The chain in one line: {@code pid 4323 (/usr/bin/cat) exited with 1 ← read(…) = -1 EISDIR, line 99};
     * just the short call and its line without a via.
     */
    public String chain() {
        return chain(l -> l + 1);
    }

    /** {@link #chain()} with line numbers as {@code number} gives them ({@code Trace::lineNumber} for windows). */
    public String chain(java.util.function.IntUnaryOperator number) {
        StringBuilder b = new StringBuilder();
        Cause c = this;
        for (int hops = 0; c != null && hops < 64; hops++, c = c.via) {
            if (b.length() > 0) {
                b.append(" ← ");
            }
            b.append(c.via != null ? c.call : c.shortCall + ", line " + number.applyAsInt(c.line));
        }
        return b.toString();
    }

    /** One reason a cause ranks where it does: its weight (added to the score) and what it means. */
    public record Reason(int weight, String text) {
        /** {@code +4 the last failure before the message}; reasons that only inform have no sign. */
        @Override
        public String toString() {
            return (weight > 0 ? "+" + weight + " " : weight < 0 ? weight + " " : "") + text;
        }
    }

    /**
     * The reasons that raised the score and the notes (what the message claims instead, which call made the fd,
     * an injected failure), joined for a sentence; all of them when there are none such.
     */
    public String why() {
        StringBuilder b = new StringBuilder();
        for (Reason r : reasons) {
            if (r.weight() >= 0) {
                b.append(b.length() > 0 ? "; " : "").append(r.text());
            }
        }
        if (b.length() == 0) {
            for (Reason r : reasons) {
                b.append(b.length() > 0 ? "; " : "").append(r.text());
            }
        }
        return b.toString();
    }

    /**
     * {@code likely cause: link() ESERVERFAULT — line 27} (1-based); through a child,
     * {@code likely cause: read() EISDIR in pid 99 — line 120}, the line of the end of the chain.
     */
    public String lensTitle() {
        Cause root = root();
        if (root == this) {
            return "likely cause: " + title + " — line " + (line + 1);
        }
        return "likely cause: " + root.title + " via " + title + " — line " + (root.line + 1);
    }
}
