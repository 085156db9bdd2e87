package org.stracels.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/**
 * One value in the arguments of a syscall line, made by {@link ArgParser}. Immutable. Offsets are absolute
 * char offsets into the text that was parsed, which the node keeps a reference to (it must not change).
 * The span {@code [start, end)} is exact; children lie inside it, in text order, without overlapping.
 * How each form is represented is described on {@link ArgKind}.
 */
public final class ArgNode {
    static final int TRUNCATED = 1;
    static final int ABSTRACT = 2;
    static final int DELETED = 4;
    static final int COMPLEMENTED = 8;

    /** Value of {@code AT_FDCWD}, reported by {@link #fdNumber()}. */
    public static final long AT_FDCWD = -100;

    private final ArgKind kind;
    private final CharSequence text;
    private final int start;
    private final int end;
    private final List<ArgNode> children;
    /** A kind-specific inner span: string content, decoration, comment text, name, operator; -1 if none. */
    private final int auxStart;
    private final int auxEnd;
    private final int flags;

    ArgNode(ArgKind kind, CharSequence text, int start, int end, List<ArgNode> children, int auxStart, int auxEnd,
            int flags) {
        this.kind = kind;
        this.text = text;
        this.start = start;
        this.end = end;
        this.children = children.isEmpty() ? List.of() : List.copyOf(children);
        this.auxStart = auxStart;
        this.auxEnd = auxEnd;
        this.flags = flags;
    }

    public ArgKind kind() {
        return kind;
    }

    /** Offset of the first char. */
    public int start() {
        return start;
    }

    /** Offset just past the last char. */
    public int end() {
        return end;
    }

    public Span span() {
        return new Span(start, end);
    }

    /** The text the node covers. */
    public String text() {
        return text.subSequence(start, end).toString();
    }

    public List<ArgNode> children() {
        return children;
    }

    public ArgNode child(int i) {
        return i >= 0 && i < children.size() ? children.get(i) : null;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** The innermost node, this one or a descendant, whose span contains {@code offset}; null if none. */
    public ArgNode deepestAt(int offset) {
        if (!contains(offset)) {
            return null;
        }
        ArgNode node = this;
        while (true) {
            ArgNode next = childAt(node.children, offset);
            if (next == null) {
                return node;
            }
            node = next;
        }
    }

    /** The node of {@code nodes} (sorted, not overlapping) that contains {@code offset}, or null. */
    static ArgNode childAt(List<ArgNode> nodes, int offset) {
        int lo = 0;
        int hi = nodes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            ArgNode n = nodes.get(mid);
            if (offset < n.start) {
                hi = mid - 1;
            } else if (offset >= n.end) {
                lo = mid + 1;
            } else {
                return n;
            }
        }
        return null;
    }

    // ---- names and values --------------------------------------------------------------------------

    /**
     * The name of a FIELD ({@code st_mode}), CALL ({@code makedev}) or RESUMING node ({@code clock_nanosleep}),
     * the text of a SYMBOL; null for other kinds.
     */
    public String name() {
        return switch (kind) {
            case FIELD, CALL, RESUMING -> aux();
            case SYMBOL -> text();
            default -> null;
        };
    }

    /** Where {@link #name()} is, or {@link Span#NONE}. */
    public Span nameSpan() {
        return switch (kind) {
            case FIELD, CALL, RESUMING -> auxSpan();
            case SYMBOL -> span();
            default -> Span.NONE;
        };
    }

    /**
     * The value a wrapper carries: the value of a FIELD or INDEXED element (null if missing), the commented
     * value of COMMENTED, the NUMBER or SYMBOL of an FD. Any other node is its own value.
     */
    public ArgNode value() {
        return switch (kind) {
            case FIELD -> child(0);
            case INDEXED -> child(1);
            case COMMENTED, FD -> child(0);
            default -> this;
        };
    }

    /** This node without FIELD, INDEXED and COMMENTED wrappers: the bare value (null if a FIELD has none). */
    public ArgNode stripped() {
        ArgNode node = this;
        while (node != null && (node.kind == ArgKind.FIELD || node.kind == ArgKind.INDEXED
                || node.kind == ArgKind.COMMENTED)) {
            node = node.value();
        }
        return node;
    }

    /** The COMMENT of a COMMENTED node, else null. */
    public ArgNode comment() {
        return kind == ArgKind.COMMENTED ? child(1) : null;
    }

    /** The index of an INDEXED element: the node inside the brackets. */
    public ArgNode index() {
        return kind == ArgKind.INDEXED ? child(0) : null;
    }

    /** The entry value of IN_OUT; null when it was printed on the unfinished half of the line. */
    public ArgNode before() {
        return kind == ArgKind.IN_OUT && children.size() == 2 ? children.get(0) : null;
    }

    /** The exit value of IN_OUT. */
    public ArgNode after() {
        return kind == ArgKind.IN_OUT && !children.isEmpty() ? children.get(children.size() - 1) : null;
    }

    /** The operator of an EXPRESSION ({@code <<}, {@code &&}, unary {@code &}) or {@code |} for FLAGS; else null. */
    public String operator() {
        return switch (kind) {
            case EXPRESSION -> aux();
            case FLAGS -> "|";
            default -> null;
        };
    }

    /**
     * The inner text: between the quotes of a STRING, inside {@code /* *}{@code /} of a COMMENT (trimmed),
     * inside the angle brackets of an FD; {@link Span#NONE} for other kinds.
     */
    public Span contentSpan() {
        return switch (kind) {
            case STRING, COMMENT, FD -> auxSpan();
            default -> Span.NONE;
        };
    }

    /** The text of {@link #contentSpan()}: a comment's text, a string's raw (escaped) content. */
    public String content() {
        Span span = contentSpan();
        return span.text(text);
    }

    /**
     * The value of a NUMBER: decimal (also negative), hex {@code 0x…} or octal {@code 0…}, as a 64-bit
     * pattern (so {@code 18446744073709551615} and {@code 0xffffffffffffffff} are -1); empty if it needs more
     * than 64 bits. For FD, COMMENTED: the value of the number inside. Empty for other kinds.
     */
    public OptionalLong numericValue() {
        return switch (kind) {
            case NUMBER -> Literals.parseNumber(text, start, end);
            case FD, COMMENTED -> value().numericValue();
            default -> OptionalLong.empty();
        };
    }

    // ---- fds ---------------------------------------------------------------------------------------

    /** The fd of an FD node ({@link #AT_FDCWD} for {@code AT_FDCWD}), else empty. */
    public OptionalLong fdNumber() {
        if (kind != ArgKind.FD) {
            return OptionalLong.empty();
        }
        ArgNode v = value();
        if (v != null && v.kind == ArgKind.SYMBOL) {
            return "AT_FDCWD".contentEquals(text.subSequence(v.start, v.end)) ? OptionalLong.of(AT_FDCWD) : OptionalLong.empty();
        }
        return v == null ? OptionalLong.empty() : v.numericValue();
    }

    /** Inside the angle brackets of an FD: {@code /dev/null<char 1:3>}, {@code TCP:[1.2.3.4:5->6.7.8.9:10]}. */
    public Span decorationSpan() {
        return kind == ArgKind.FD ? auxSpan() : Span.NONE;
    }

    /** FD: {@code (deleted)} follows the decoration. */
    public boolean deleted() {
        return (flags & DELETED) != 0;
    }

    // ---- strings and sets --------------------------------------------------------------------------

    /** STRING: {@code ...} follows the closing quote (the data was longer than -s). */
    public boolean truncated() {
        return (flags & TRUNCATED) != 0;
    }

    /** STRING: an abstract unix socket name, {@code @"name"}. */
    public boolean abstractSocket() {
        return (flags & ABSTRACT) != 0;
    }

    /** BITSET: {@code ~[…]}, all but the listed members. */
    public boolean complemented() {
        return (flags & COMPLEMENTED) != 0;
    }

    /**
     * STRING: the bytes with escapes resolved ({@code \n \t \r \f \v \" \\}, octal {@code \0}…{@code \377},
     * {@code \xNN}; other chars as UTF-8). FD: the same for the decoration's path, without a device suffix
     * such as {@code <char 1:3>}. Empty for other kinds.
     */
    public byte[] decodedBytes() {
        return switch (kind) {
            case STRING -> Literals.decode(text, auxStart, auxEnd);
            case FD -> Literals.decode(text, auxStart, pathEnd());
            default -> new byte[0];
        };
    }

    /** {@link #decodedBytes()} as UTF-8 text ({@code \303\251} is "é"); null for kinds without text. */
    public String decoded() {
        if (kind != ArgKind.STRING && kind != ArgKind.FD) {
            return null;
        }
        return new String(decodedBytes(), StandardCharsets.UTF_8);
    }

    /** End of the path of an FD decoration: before a nested {@code <char 1:3>}; the whole decoration otherwise. */
    private int pathEnd() {
        if (auxEnd <= auxStart || text.charAt(auxEnd - 1) != '>') {
            return auxEnd;
        }
        for (int i = auxStart; i < auxEnd; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' || c == '"') {
                return auxEnd; // socket details are not paths
            } else if (c == '<') {
                return i;
            }
        }
        return auxEnd;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private String aux() {
        return auxStart < 0 ? null : text.subSequence(auxStart, auxEnd).toString();
    }

    private Span auxSpan() {
        return auxStart < 0 ? Span.NONE : new Span(auxStart, auxEnd);
    }

    /** {@code KIND[start,end)}, for debugging. */
    @Override
    public String toString() {
        return kind + "[" + start + "," + end + ")";
    }
}
