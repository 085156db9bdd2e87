package org.stracels.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the structure of a syscall's arguments on demand, for one line at a time (the trace index never
 * builds argument trees). Grammar: strace-format.md §7; how each form becomes an {@link ArgNode} is on
 * {@link ArgKind}.
 *
 * <p>Total and linear: every input gives an {@link ArgList}; text that does not fit the grammar becomes an
 * {@link ArgKind#OTHER} node (or a shorter node) plus a problem, and parsing goes on at the next separator.
 * Containers nested deeper than {@link #MAX_DEPTH} become one OTHER node with a problem, so deep input
 * cannot exhaust the stack. Tolerates what the line parser hands over for cut lines: a leading
 * {@code ", "} or {@code " => "} (resumed half) and a trailing {@code ","} (unfinished half).
 */
public final class ArgParser {
    /** Containers ({@code [ { (}) nested deeper than this are not read. */
    public static final int MAX_DEPTH = 200;

    private ArgParser() {
    }

    /** Parses the arguments in {@code [start, end)} of {@code text}; offsets are clamped to the text. */
    public static ArgList parse(CharSequence text, int start, int end) {
        if (text == null) {
            text = "";
        }
        int len = text.length();
        int from = Math.max(0, Math.min(start, len));
        int to = Math.max(from, Math.min(end, len));
        return new Parser(text, from, to).parseTop();
    }

    /** Parses the arguments in {@code span} (such as {@link ParsedLine#argsSpan()}); an absent span gives an empty list. */
    public static ArgList parse(CharSequence text, Span span) {
        if (span == null || !span.isPresent()) {
            return new ArgList(text == null ? "" : text, -1, -1, List.of(), List.of(), false, false);
        }
        return parse(text, span.start(), span.end());
    }

    /**
     * The first string argument of an argument text, escapes resolved (the path of most file calls, the
     * program of execve), looking inside {@code name=value} arguments too; null when there is none.
     */
    public static String firstString(CharSequence text, Span args) {
        for (ArgNode node : parse(text, args).nodes()) {
            ArgNode value = node.kind() == ArgKind.FIELD && node.value() != null ? node.value() : node;
            if (value.kind() == ArgKind.STRING) {
                return value.decoded();
            }
        }
        return null;
    }

    /** The innermost node of {@code nodes} (and their descendants) containing {@code offset}, or null. */
    public static ArgNode nodeAt(List<ArgNode> nodes, int offset) {
        ArgNode top = ArgNode.childAt(nodes, offset);
        return top == null ? null : top.deepestAt(offset);
    }

    /** Binary operators, loosest first. */
    private enum Op {
        AND(" && ", 1), EQ(" == ", 2), NE(" != ", 2), OR("|", 3), SHL("<<", 4), SHR(">>", 4), PLUS("+", 5), MINUS("-", 5), MUL("*", 6);

        final String token;
        final int level;

        Op(String token, int level) {
            this.token = token;
            this.level = level;
        }
    }

    private static final class Parser {
        private final CharSequence s;
        private final int start;
        private final int end;
        private final List<ArgList.Problem> problems = new ArrayList<>();
        private int p;
        private int depth;
        /** The position where a leading "=> value" (the exit half of an in/out argument) is allowed. */
        private int resumedInOutAt = -1;
        private boolean leading;
        private boolean trailing;

        Parser(CharSequence s, int start, int end) {
            this.s = s;
            this.start = start;
            this.end = end;
            this.p = start;
        }

        ArgList parseTop() {
            List<ArgNode> nodes = new ArrayList<>();
            p = skipBlanks(p);
            resumedInOutAt = p;
            parseItems((char) 0, nodes);
            return new ArgList(s, start, end, nodes, problems, leading, trailing);
        }

        // ---- lists -------------------------------------------------------------------------------

        private static final int COMMAS = 1;
        private static final int SPACES = 2;

        /**
         * Reads items up to {@code closer} (not consumed; 0 at the top level, which reads to the end).
         * Returns which separators were seen. Stops early at a closer of another kind inside a container.
         */
        private int parseItems(char closer, List<ArgNode> out) {
            boolean top = closer == 0;
            int seps = 0;
            boolean afterItem = false;
            boolean afterComma = false;
            while (true) {
                if (p >= end) {
                    if (afterComma) {
                        if (top) {
                            trailing = true;
                        } else {
                            problem(p, "expected a value after ','");
                        }
                    }
                    return seps;
                }
                char c = s.charAt(p);
                if (c == closer && !top) {
                    if (afterComma) {
                        problem(p, "expected a value after ','");
                    }
                    return seps;
                }
                if (isCloser(c)) {
                    if (!top) {
                        return seps; // the container reports the mismatch
                    }
                    problem(p, "unmatched '" + c + "'");
                    out.add(node(ArgKind.OTHER, p, p + 1, List.of()));
                    p++;
                    afterItem = true;
                    afterComma = false;
                    continue;
                }
                if (c == ',') {
                    if (!afterItem) {
                        if (top && out.isEmpty() && !leading) {
                            leading = true;
                        } else {
                            problem(p, "expected a value before ','");
                        }
                    }
                    seps |= COMMAS;
                    p = skipBlanks(p + 1);
                    afterItem = false;
                    afterComma = true;
                    continue;
                }
                if (isBlank(c)) {
                    int q = skipBlanks(p);
                    if (afterItem && q < end && s.charAt(q) != ',' && !isCloser(s.charAt(q))) {
                        // a space separated list: a bitset, or a struct such as termios' {B38400 opost ...}
                        if (top) {
                            problem(p, "expected ',' between arguments");
                        }
                        seps |= SPACES;
                        afterItem = false;
                    }
                    p = q;
                    continue;
                }
                if (afterItem) {
                    problem(p, "expected ',' before '" + c + "'");
                }
                ArgNode item = parseItem();
                out.add(item);
                afterItem = true;
                afterComma = false;
            }
        }

        /** A list element: {@code name=value}, {@code [index]=value} or a value. Consumes at least one char. */
        private ArgNode parseItem() {
            int st = p;
            int eq = fieldNameEnd(p);
            if (eq > 0) {
                p = eq + 1;
                ArgNode value = parseExpr();
                if (value == null) {
                    problem(p, "expected a value after '='");
                    return new ArgNode(ArgKind.FIELD, s, st, p, List.of(), st, eq, 0);
                }
                return new ArgNode(ArgKind.FIELD, s, st, value.end(), List.of(value), st, eq, 0);
            }
            ArgNode value = parseExpr();
            if (value == null) {
                // cannot happen at a non-separator char; keep progress anyway
                return junk("unexpected");
            }
            if (value.kind() == ArgKind.ARRAY && value.start() == st && p < end && s.charAt(p) == '='
                    && !(p + 1 < end && (s.charAt(p + 1) == '=' || s.charAt(p + 1) == '>'))) {
                p++;
                ArgNode index = value.children().size() == 1 ? value.child(0) : value;
                ArgNode element = parseExpr();
                if (element == null) {
                    problem(p, "expected a value after ']='");
                    return node(ArgKind.INDEXED, st, p, List.of(index));
                }
                return node(ArgKind.INDEXED, st, element.end(), List.of(index, element));
            }
            return value;
        }

        /**
         * If a field name starts at {@code i} ({@code name}, {@code c_cc[VMIN]}, {@code a.b}) and is followed by
         * {@code =} (not {@code ==} or {@code =>}), the offset of that {@code =}; else -1.
         */
        private int fieldNameEnd(int i) {
            if (i >= end || !Scan.isIdentStart(s.charAt(i))) {
                return -1;
            }
            int q = Scan.skipIdent(s, i, end);
            while (q < end) {
                char c = s.charAt(q);
                if (c == '[') {
                    int r = Scan.skipIdent(s, q + 1, end);
                    if (r == q + 1 || r >= end || s.charAt(r) != ']') {
                        return -1;
                    }
                    q = r + 1;
                } else if (c == '.' && q + 1 < end && Scan.isIdentStart(s.charAt(q + 1))) {
                    q = Scan.skipIdent(s, q + 1, end);
                } else {
                    break;
                }
            }
            if (q < end && s.charAt(q) == '=' && !(q + 1 < end && (s.charAt(q + 1) == '=' || s.charAt(q + 1) == '>'))) {
                return q;
            }
            return -1;
        }

        // ---- expressions ---------------------------------------------------------------------------

        /** {@code a or b}; null if no value starts here. */
        private ArgNode parseExpr() {
            ArgNode first = parseInOut();
            if (first == null || !at(" or ")) {
                return first;
            }
            List<ArgNode> alternatives = new ArrayList<>();
            alternatives.add(first);
            int last = first.end();
            while (at(" or ")) {
                p += 4;
                ArgNode next = parseInOut();
                if (next == null) {
                    problem(p, "expected a value after 'or'");
                    last = p - 1;
                    break;
                }
                alternatives.add(next);
                last = next.end();
            }
            return node(ArgKind.ALTERNATIVE, first.start(), last, alternatives);
        }

        /** {@code before => after}, or {@code => after} at the start of a resumed line. */
        private ArgNode parseInOut() {
            int st = p;
            ArgNode left;
            if (at("=>")) {
                if (st != resumedInOutAt) {
                    problem(st, "'=>' without a value before it");
                }
                p = skipBlanks(p + 2);
                left = inOut(st, null, parseCommented());
            } else {
                left = parseCommented();
                if (left == null) {
                    return null;
                }
            }
            while (at(" => ")) {
                p += 4;
                left = inOut(left.start(), left, parseCommented());
            }
            return left;
        }

        private ArgNode inOut(int st, ArgNode before, ArgNode after) {
            List<ArgNode> children = new ArrayList<>(2);
            if (before != null) {
                children.add(before);
            }
            int e;
            if (after != null) {
                children.add(after);
                e = after.end();
            } else {
                problem(p, "expected a value after '=>'");
                e = Scan.trimEnd(s, st, p);
            }
            return node(ArgKind.IN_OUT, st, e, children);
        }

        /** A value with the comments that follow it. */
        private ArgNode parseCommented() {
            ArgNode value = parseBinary(1);
            if (value == null) {
                return null;
            }
            while (p + 2 < end && s.charAt(p) == ' ' && s.charAt(p + 1) == '/' && s.charAt(p + 2) == '*') {
                p++;
                ArgNode comment = parseComment();
                value = node(ArgKind.COMMENTED, value.start(), comment.end(), List.of(value, comment));
            }
            return value;
        }

        /** Precedence climbing over {@link Op}; the recursion is bounded by the number of levels. */
        private ArgNode parseBinary(int minLevel) {
            ArgNode left = parseUnary();
            if (left == null) {
                return null;
            }
            while (true) {
                Op op = peekOp();
                if (op == null || op.level < minLevel) {
                    return left;
                }
                List<ArgNode> operands = new ArrayList<>();
                operands.add(left);
                int opStart = p;
                int last = left.end();
                while (peekOp() == op) {
                    p += op.token.length();
                    ArgNode right = parseBinary(op.level + 1);
                    if (right == null) {
                        problem(p, "expected a value after '" + op.token.trim() + "'");
                        last = Scan.trimEnd(s, last, p);
                        break;
                    }
                    operands.add(right);
                    last = right.end();
                }
                if (op == Op.OR) {
                    left = node(ArgKind.FLAGS, left.start(), last, operands);
                } else {
                    int opTextStart = opStart + (op.token.charAt(0) == ' ' ? 1 : 0);
                    int opTextEnd = opTextStart + op.token.trim().length();
                    left = new ArgNode(ArgKind.EXPRESSION, s, left.start(), last, operands, opTextStart, opTextEnd, 0);
                }
            }
        }

        private Op peekOp() {
            if (p >= end) {
                return null;
            }
            char c = s.charAt(p);
            switch (c) {
                case '|':
                    return at("||") ? null : Op.OR;
                case '<':
                    return at("<<") ? Op.SHL : null;
                case '>':
                    return at(">>") ? Op.SHR : null;
                case '+':
                    return Op.PLUS;
                case '-':
                    // [IPV4_DEVCONF_FORWARDING-1]: an index strace prints as a name minus one
                    return p > start && Scan.isIdentPart(s.charAt(p - 1)) && p + 1 < end && Scan.isDigit(s.charAt(p + 1))
                            ? Op.MINUS : null;
                case '*':
                    return at("*/") ? null : Op.MUL;
                case ' ':
                    if (at(" && ")) {
                        return Op.AND;
                    }
                    if (at(" == ")) {
                        return Op.EQ;
                    }
                    return at(" != ") ? Op.NE : null;
                default:
                    return null;
            }
        }

        /** Prefix {@code &name}, {@code -name}, {@code ~value}; the operand is a primary, so no recursion. */
        private ArgNode parseUnary() {
            if (p + 1 < end) {
                char c = s.charAt(p);
                char next = s.charAt(p + 1);
                // "|0x900": strace -X raw prints a flag set whose named part is empty with a leading '|'
                if ((c == '&' || c == '-') && Scan.isIdentStart(next) || c == '~' && next != '['
                        || c == '|' && (Scan.isDigit(next) || Scan.isIdentStart(next))) {
                    int st = p;
                    p++;
                    ArgNode operand = parsePrimary();
                    if (operand == null) {
                        problem(p, "expected a value after '" + c + "'");
                        return new ArgNode(ArgKind.EXPRESSION, s, st, p, List.of(), st, st + 1, 0);
                    }
                    return new ArgNode(ArgKind.EXPRESSION, s, st, operand.end(), List.of(operand), st, st + 1, 0);
                }
            }
            return parsePrimary();
        }

        /** One value; null (nothing consumed) at the end, a separator or a closer. */
        private ArgNode parsePrimary() {
            if (p >= end) {
                return null;
            }
            char c = s.charAt(p);
            switch (c) {
                case '"':
                    return parseString(false);
                case '[':
                    return parseContainer(ArgKind.ARRAY, ']', 0);
                case '{':
                    return parseContainer(ArgKind.STRUCT, '}', 0);
                case ',', ' ', '\t', ')', ']', '}':
                    return null;
                default:
                    break;
            }
            if (c == '@' && at("@\"")) {
                return parseString(true);
            }
            if (c == '~' && at("~[")) {
                return parseContainer(ArgKind.BITSET, ']', 1);
            }
            if (c == '.' && at("...")) {
                p += 3;
                return node(ArgKind.ELLIPSIS, p - 3, p, List.of());
            }
            if (c == '?' && at("???")) {
                p += 3;
                return node(ArgKind.UNAVAILABLE, p - 3, p, List.of());
            }
            if (c == '<' && at("<... ")) {
                return parseResuming();
            }
            if (c == '/' && at("/*")) {
                return parseComment();
            }
            int mac = macAddressEnd(p);
            if (mac > p) {
                int st = p;
                p = mac;
                return node(ArgKind.OTHER, st, mac, List.of()); // a hardware address: 00:00:00:00:00:00
            }
            if (Scan.isDigit(c) || c == '-' && p + 1 < end && Scan.isDigit(s.charAt(p + 1))) {
                return parseNumber();
            }
            if (Scan.isIdentStart(c)) {
                return parseName();
            }
            return junk("unexpected");
        }

        /** The end of a hardware address strace prints bare ({@code 00:1a:2b:3c:4d:5e}, netlink attributes), or -1. */
        private int macAddressEnd(int i) {
            int q = i;
            int groups = 0;
            while (q + 1 < end && Scan.isHexDigit(s.charAt(q)) && Scan.isHexDigit(s.charAt(q + 1))) {
                groups++;
                q += 2;
                if (q < end && s.charAt(q) == ':') {
                    q++;
                } else {
                    break;
                }
            }
            boolean ends = q >= end || !Scan.isIdentPart(s.charAt(q)) && s.charAt(q) != ':';
            return groups >= 2 && ends && s.charAt(q - 1) != ':' ? q : -1;
        }

        private ArgNode parseNumber() {
            int st = p;
            int q = c(p) == '-' ? p + 1 : p;
            if (c(q) == '0' && (c(q + 1) == 'x' || c(q + 1) == 'X') && Scan.isHexDigit(c(q + 2))) {
                q += 2;
                while (q < end && Scan.isHexDigit(s.charAt(q))) {
                    q++;
                }
            } else {
                q = Scan.skipDigits(s, q, end);
            }
            if (q < end && (Scan.isIdentPart(s.charAt(q)) || s.charAt(q) == '.')) {
                while (q < end && (Scan.isIdentPart(s.charAt(q)) || s.charAt(q) == '.')) {
                    q++;
                }
                problem(st, "not a number: '" + clip(st, q) + "'");
                p = q;
                return node(ArgKind.OTHER, st, q, List.of());
            }
            p = q;
            return withDecoration(node(ArgKind.NUMBER, st, q, List.of()));
        }

        /** A SYMBOL, a CALL {@code name(args)}, or a symbol fd {@code AT_FDCWD</tmp>}. */
        private ArgNode parseName() {
            int st = p;
            int q = Scan.skipIdent(s, p, end);
            if (q < end && s.charAt(q) == '(') {
                if (depth >= MAX_DEPTH) {
                    return tooDeep(st, q);
                }
                p = q + 1;
                depth++;
                List<ArgNode> args = new ArrayList<>();
                parseItems(')', args);
                depth--;
                closeContainer(q, ')');
                return new ArgNode(ArgKind.CALL, s, st, p, args, st, q, 0);
            }
            p = q;
            return withDecoration(node(ArgKind.SYMBOL, st, q, List.of()));
        }

        /** Wraps {@code value} in an FD when an fd decoration {@code <…>} follows it directly. */
        private ArgNode withDecoration(ArgNode value) {
            if (p >= end || s.charAt(p) != '<' || !Scan.opensDecoration(s, start, p, end)) {
                return value;
            }
            int open = p;
            int after = Scan.skipDecoration(s, open, end);
            int innerEnd;
            if (after < 0) {
                problem(open, "unclosed fd decoration");
                after = end;
                innerEnd = end;
            } else {
                innerEnd = after - 1;
            }
            int flags = 0;
            if (Scan.startsWith(s, after, end, "(deleted)")) {
                after += 9;
                flags |= ArgNode.DELETED;
            }
            p = after;
            return new ArgNode(ArgKind.FD, s, value.start(), after, List.of(value), open + 1, innerEnd, flags);
        }

        private ArgNode parseString(boolean abstractName) {
            int st = p;
            int quote = abstractName ? p + 1 : p;
            int after = Scan.skipString(s, quote, end);
            boolean closed = after < end || closesString(quote, after);
            int contentEnd = closed ? after - 1 : after;
            if (!closed) {
                problem(st, "unclosed string");
            }
            checkEscapes(quote + 1, contentEnd);
            int flags = abstractName ? ArgNode.ABSTRACT : 0;
            if (closed && Scan.startsWith(s, after, end, "...")) {
                after += 3;
                flags |= ArgNode.TRUNCATED;
            }
            p = after;
            return new ArgNode(ArgKind.STRING, s, st, after, List.of(), quote + 1, contentEnd, flags);
        }

        /** Whether the string from {@code quote} to {@code after} (= the end) ends with an unescaped quote. */
        private boolean closesString(int quote, int after) {
            if (after - 1 <= quote || s.charAt(after - 1) != '"') {
                return false;
            }
            int backslashes = 0;
            for (int i = after - 2; i > quote && s.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            return backslashes % 2 == 0;
        }

        private void checkEscapes(int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) != '\\') {
                    continue;
                }
                if (i + 1 >= to) {
                    problem(i, "a string cannot end with '\\'");
                    return;
                }
                char e = s.charAt(i + 1);
                if (e == 'x') {
                    if (!(i + 3 < to && Scan.isHexDigit(s.charAt(i + 2)) && Scan.isHexDigit(s.charAt(i + 3)))) {
                        problem(i, "'\\x' needs two hex digits");
                    }
                } else if (!(e >= '0' && e <= '7') && "ntrfv\"\\".indexOf(e) < 0) {
                    problem(i, "unknown escape '\\" + e + "'");
                }
                i++;
            }
        }

        /**
         * {@code [...]}, {@code ~[...]} ({@code skip} = 1 for the tilde) or {@code {...}}. An array with space
         * separators, a complemented one and an empty one are BITSETs.
         */
        private ArgNode parseContainer(ArgKind kind, char closer, int skip) {
            int st = p;
            int open = p + skip;
            if (depth >= MAX_DEPTH) {
                return tooDeep(st, open);
            }
            p = open + 1;
            depth++;
            List<ArgNode> items = new ArrayList<>();
            int seps = parseItems(closer, items);
            depth--;
            closeContainer(open, closer);
            int flags = 0;
            if (kind == ArgKind.BITSET) {
                flags = ArgNode.COMPLEMENTED;
            } else if (kind == ArgKind.ARRAY && (items.isEmpty() || seps == SPACES)) {
                kind = ArgKind.BITSET;
            }
            if (seps == (COMMAS | SPACES)) {
                problem(st, "both ',' and ' ' separate the elements");
            }
            return new ArgNode(kind, s, st, p, items, -1, -1, flags);
        }

        /** Consumes {@code closer} at p, or reports why the container at {@code open} does not close. */
        private void closeContainer(int open, char closer) {
            if (p < end && s.charAt(p) == closer) {
                p++;
            } else if (p < end) {
                problem(p, "expected '" + closer + "' to close '" + s.charAt(open) + "', found '" + s.charAt(p) + "'");
            } else {
                problem(open, "unclosed '" + s.charAt(open) + "'");
            }
        }

        private ArgNode tooDeep(int st, int open) {
            int after = Scan.skipBalanced(s, open, end);
            problem(st, "nested deeper than " + MAX_DEPTH + " levels");
            p = Math.max(after, open + 1);
            return node(ArgKind.OTHER, st, p, List.of());
        }

        /** {@code /* … *}{@code /} at p. */
        private ArgNode parseComment() {
            int st = p;
            int after = Scan.skipComment(s, p, end);
            boolean closed = after - st >= 4 && s.charAt(after - 2) == '*' && s.charAt(after - 1) == '/';
            int inner = skipBlanks(st + 2);
            int innerEnd = closed ? after - 2 : after;
            if (!closed) {
                problem(st, "unclosed comment");
            }
            innerEnd = Math.max(inner, Scan.trimEnd(s, inner, innerEnd));
            p = after;
            return new ArgNode(ArgKind.COMMENT, s, st, after, List.of(), inner, innerEnd, 0);
        }

        /** {@code <... resuming interrupted NAME ...>}. */
        private ArgNode parseResuming() {
            int st = p;
            for (int i = st + 5; i + 4 <= end; i++) {
                if (Scan.startsWith(s, i, end, "...>")) {
                    int nameStart = st + 5;
                    if (Scan.startsWith(s, nameStart, end, "resuming interrupted ")) {
                        nameStart += 21;
                    }
                    int nameEnd = Math.max(nameStart, Scan.trimEnd(s, nameStart, i));
                    p = i + 4;
                    return new ArgNode(ArgKind.RESUMING, s, st, p, List.of(), nameStart, nameEnd, 0);
                }
            }
            return junk("unclosed '<...'");
        }

        /** Skips text that fits no form up to the next separator at this level; always consumes a char. */
        private ArgNode junk(String why) {
            int st = p;
            int q = p;
            do {
                char c = s.charAt(q);
                if (c == '"') {
                    q = Scan.skipString(s, q, end);
                } else if (c == '(' || c == '[' || c == '{') {
                    q = Scan.skipBalanced(s, q, end);
                } else {
                    q++;
                }
            } while (q < end && !isStop(s.charAt(q)));
            problem(st, why + " '" + clip(st, q) + "'");
            p = q;
            return node(ArgKind.OTHER, st, q, List.of());
        }

        // ---- small helpers -------------------------------------------------------------------------

        private ArgNode node(ArgKind kind, int from, int to, List<ArgNode> children) {
            return new ArgNode(kind, s, from, to, children, -1, -1, 0);
        }

        private void problem(int offset, String message) {
            problems.add(new ArgList.Problem(offset, message));
        }

        private boolean at(String token) {
            return Scan.startsWith(s, p, end, token);
        }

        /** The char at i, or 0 outside the span. */
        private char c(int i) {
            return i < end ? s.charAt(i) : 0;
        }

        private int skipBlanks(int i) {
            while (i < end && isBlank(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private static boolean isBlank(char c) {
            return c == ' ' || c == '\t';
        }

        private static boolean isCloser(char c) {
            return c == ')' || c == ']' || c == '}';
        }

        private static boolean isStop(char c) {
            return c == ',' || isBlank(c) || isCloser(c);
        }

        private String clip(int from, int to) {
            return to - from <= 40 ? s.subSequence(from, to).toString() : s.subSequence(from, from + 37) + "...";
        }
    }
}
