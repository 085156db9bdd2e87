package org.stracels.parse;

/**
 * Reads one physical line of strace output. Stateless and total: every input gives a {@link ParsedLine},
 * a line it cannot read is {@link LineKind#MALFORMED} with a problem. Context-dependent kinds (FOREIGN,
 * PARTIAL, CONTINUATION) are decided by {@link TraceParser}, which sees the neighbours.
 */
public final class LineParser {
    private static final String UNFINISHED = "<unfinished ...>";
    static final String DETACHED = "<detached ...>";
    private static final String PID_CHANGED = "<pid changed to ";

    private LineParser() {
    }

    /** Parses the line {@code [start, end)} of {@code text}; {@code end} excludes the line break. */
    public static ParsedLine parse(CharSequence text, int start, int end) {
        ParsedLine line = new ParsedLine();
        line.lineStart = start;
        line.lineEnd = end;
        new Reader(text, start, Scan.trimEnd(text, start, end), line).read();
        line.freeze();
        return line;
    }

    /** A line that looks like the start of a syscall line but has no end: cut by foreign output, or still running? */
    static boolean isCutSyscall(ParsedLine line) {
        return line.kind == LineKind.MALFORMED && line.nameSpan.isPresent() && line.returnKind == ReturnKind.ABSENT
                && !line.equalsSpan.isPresent() && line.problem != null && line.problem.startsWith(CUT);
    }

    static final String CUT = "syscall line ends before its result";

    private static final class Reader extends LineCursor {
        /**
         * Set once a {@code <} found no closing {@code >} up to the end of the line: later ones are read as
         * plain text, so that a line full of unclosed brackets still takes linear time.
         */
        private boolean unclosedFrom;

        Reader(CharSequence s, int start, int end, ParsedLine line) {
            super(s, start, end, line, start);
        }

        void read() {
            if (start == end) {
                line.kind = LineKind.BLANK;
                return;
            }
            if (new UnprefixedLineReader(s, start, end, line).read()) {
                return;
            }
            p = new PrefixReader(s, start, end, line).read();
            line.eventStart = p;
            if (p >= end) {
                malformed("nothing after the line prefix");
                return;
            }
            char c = s.charAt(p);
            if (c == '-' && at("--- ")) {
                readSignal();
            } else if (c == '+' && at("+++ ")) {
                readExit();
            } else if (c == '[' && at("[ Process PID=")) {
                readPersonality();
            } else if (c == '<' && at("<... ")) {
                readResumed();
            } else if (Scan.isIdentStart(c) || (c == '?' && at("???"))) {
                readSyscall();
            } else {
                malformed("not a syscall, signal or exit line");
            }
        }



        // ---- events ----------------------------------------------------------------------------------

        private void readSignal() {
            if (!Scan.startsWith(s, end - 4, end, " ---") || end - 4 < p + 4) {
                malformed("a signal line must end with ' ---'");
                return;
            }
            int i = p + 4;
            boolean stopped = Scan.startsWith(s, i, end, "stopped by ");
            if (stopped) {
                i += 11;
            }
            int nameEnd = Scan.skipIdent(s, i, end);
            if (nameEnd == i) {
                malformed("a signal line must name the signal");
                return;
            }
            line.name = s.subSequence(i, nameEnd).toString();
            line.nameSpan = new Span(i, nameEnd);
            int bodyEnd = end - 4;
            if (stopped) {
                if (nameEnd != bodyEnd) {
                    malformed("unexpected text after the signal of a 'stopped by' line");
                    return;
                }
                line.kind = LineKind.STOPPED;
                return;
            }
            if (nameEnd < bodyEnd) {
                if (s.charAt(nameEnd) != ' ') {
                    malformed("expected a space after the signal name");
                    return;
                }
                line.argsSpan = new Span(nameEnd + 1, bodyEnd);
            }
            line.kind = LineKind.SIGNAL;
        }

        private void readExit() {
            int i = p + 4;
            if (!Scan.startsWith(s, end - 4, end, " +++") || end - 4 < i) {
                malformed("an exit line must end with ' +++'");
                return;
            }
            int bodyEnd = end - 4;
            if (Scan.startsWith(s, i, bodyEnd, "exited with ")) {
                int n = i + 12;
                if (Scan.skipDigits(s, n, bodyEnd) != bodyEnd || n == bodyEnd) {
                    malformed("'exited with' must be followed by a number");
                    return;
                }
                line.kind = LineKind.EXITED;
                line.detailSpan = new Span(n, bodyEnd);
                line.number = parseInt(n, bodyEnd);
            } else if (Scan.startsWith(s, i, bodyEnd, "killed by ")) {
                int n = i + 10;
                int nameEnd = Scan.skipIdent(s, n, bodyEnd);
                if (nameEnd == n) {
                    malformed("'killed by' must name a signal");
                    return;
                }
                if (nameEnd != bodyEnd) {
                    if (!Scan.startsWith(s, nameEnd, bodyEnd, " (core dumped)") || nameEnd + 14 != bodyEnd) {
                        malformed("unexpected text after the signal of a 'killed by' line");
                        return;
                    }
                    line.coreDumped = true;
                }
                line.kind = LineKind.KILLED;
                line.name = s.subSequence(n, nameEnd).toString();
                line.nameSpan = new Span(n, nameEnd);
                line.detailSpan = line.nameSpan;
            } else if (Scan.startsWith(s, i, bodyEnd, "superseded by execve in pid ")) {
                int n = i + 28;
                if (Scan.skipDigits(s, n, bodyEnd) != bodyEnd || n == bodyEnd) {
                    malformed("'superseded by execve in pid' must be followed by a pid");
                    return;
                }
                line.kind = LineKind.SUPERSEDED;
                line.detailSpan = new Span(n, bodyEnd);
                line.number = parseInt(n, bodyEnd);
            } else {
                malformed("unknown '+++' line");
            }
        }

        private void readPersonality() {
            int n = p + 14;
            int digitsEnd = Scan.skipDigits(s, n, end);
            if (digitsEnd == n || !Scan.startsWith(s, digitsEnd, end, " runs in ")
                    || !Scan.startsWith(s, end - 9, end, " mode. ]") && !Scan.startsWith(s, end - 8, end, " mode. ]")) {
                malformed("expected '[ Process PID=N runs in … mode. ]'");
                return;
            }
            int modeStart = digitsEnd + 9;
            int modeEnd = end - 8;
            if (modeEnd <= modeStart) {
                malformed("expected '[ Process PID=N runs in … mode. ]'");
                return;
            }
            line.kind = LineKind.PERSONALITY;
            line.number = parseInt(n, digitsEnd);
            line.detailSpan = new Span(modeStart, modeEnd);
        }

        private void readResumed() {
            int n = p + 5;
            int nameEnd = skipSyscallName(n);
            if (nameEnd == n || !Scan.startsWith(s, nameEnd, end, " resumed>")) {
                malformed("expected '<... NAME resumed>'");
                return;
            }
            line.name = s.subSequence(n, nameEnd).toString();
            line.nameSpan = new Span(n, nameEnd);
            line.kind = LineKind.RESUMED;
            readArgsAndResult(nameEnd + 9, true);
        }

        /** A syscall name; x32 processes calling a 64-bit-only number get a {@code #64} suffix: {@code rt_sigaction#64}. */
        private int skipSyscallName(int from) {
            if (from < end && s.charAt(from) == '?') {
                // "???" (strace 6.1+) or "????" (before): the name of a call strace could not read, as a process dies
                int q = from;
                while (q < end && s.charAt(q) == '?') {
                    q++;
                }
                return q - from == 3 || q - from == 4 ? q : from;
            }
            int i = Scan.skipIdent(s, from, end);
            if (i > from && i + 1 < end && s.charAt(i) == '#' && Scan.isDigit(s.charAt(i + 1))) {
                i = Scan.skipDigits(s, i + 1, end);
            }
            return i;
        }

        private void readSyscall() {
            int nameEnd = skipSyscallName(p);
            if (nameEnd >= end || s.charAt(nameEnd) != '(') {
                malformed("expected '(' after the syscall name");
                return;
            }
            line.name = s.subSequence(p, nameEnd).toString();
            line.nameSpan = new Span(p, nameEnd);
            line.kind = LineKind.SYSCALL;
            readArgsAndResult(nameEnd + 1, false);
        }

        /**
         * Scans the arguments from {@code from} to the closing parenthesis, skipping strings, comments and
         * decorations, and watching for the markers that cut a line. Then reads the result.
         */
        private void readArgsAndResult(int from, boolean resumed) {
            int depth = 0;
            int i = from;
            while (i < end) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> {
                        i = Scan.skipString(s, i, end);
                        continue;
                    }
                    case '/' -> {
                        if (i + 1 < end && s.charAt(i + 1) == '*') {
                            i = Scan.skipComment(s, i, end);
                            continue;
                        }
                    }
                    case '(', '[', '{' -> depth++;
                    case ']', '}' -> depth = Math.max(0, depth - 1);
                    case ')' -> {
                        if (depth == 0) {
                            line.argsSpan = new Span(from, trimArgs(from, i));
                            new ResultReader(s, start, end, line).read(i + 1);
                            return;
                        }
                        depth--;
                    }
                    case '<' -> {
                        int after = readMarker(from, i, resumed);
                        if (after == Integer.MIN_VALUE) {
                            return; // the marker ended the line
                        }
                        if (after > 0) {
                            i = after;
                            continue;
                        }
                    }
                    default -> {
                    }
                }
                i++;
            }
            line.argsSpan = new Span(from, end);
            malformed(CUT);
        }

        /** Args end before the separator spaces that precede a marker ({@code wait4(-1,  <unfinished ...>}). */
        private int trimArgs(int from, int to) {
            while (to > from && s.charAt(to - 1) == ' ') {
                to--;
            }
            return to;
        }

        /**
         * Handles a {@code <} inside the arguments: an unfinished/detached/pid-changed marker, a
         * {@code <... resuming ...>} argument, or an fd decoration. Returns the offset to continue at,
         * 0 to treat the char as plain text, or MIN_VALUE when the line has been fully read.
         */
        private int readMarker(int from, int i, boolean resumed) {
            if (Scan.startsWith(s, i, end, UNFINISHED) && i > from - 1 && s.charAt(i - 1) == ' ') {
                int after = i + UNFINISHED.length();
                line.unfinishedSpan = new Span(i, after);
                line.argsSpan = new Span(from, trimArgs(from, i - 1));
                if (after == end) {
                    if (resumed) {
                        malformed("a resumed line cannot be unfinished again");
                    } else {
                        line.kind = LineKind.UNFINISHED;
                    }
                    return Integer.MIN_VALUE;
                }
                if (s.charAt(after) == ')') {
                    new ResultReader(s, start, end, line).read(after + 1); // "… <unfinished ...>) = ?": the call never returned
                    return Integer.MIN_VALUE;
                }
                malformed("unexpected text after '<unfinished ...>'");
                return Integer.MIN_VALUE;
            }
            if (Scan.startsWith(s, i, end, DETACHED) && s.charAt(i - 1) == ' ' && i + DETACHED.length() == end) {
                line.tailSpan = new Span(i, end);
                line.argsSpan = new Span(from, trimArgs(from, i - 1));
                line.kind = LineKind.DETACHED;
                return Integer.MIN_VALUE;
            }
            if (Scan.startsWith(s, i, end, PID_CHANGED) && s.charAt(i - 1) == ' ' && Scan.startsWith(s, end - 5, end, " ...>")) {
                int n = i + PID_CHANGED.length();
                int digitsEnd = Scan.skipDigits(s, n, end);
                if (digitsEnd > n && digitsEnd == end - 5) {
                    line.tailSpan = new Span(i, end);
                    line.argsSpan = new Span(from, trimArgs(from, i - 1));
                    line.number = parseInt(n, digitsEnd);
                    line.kind = LineKind.PID_CHANGED;
                    return Integer.MIN_VALUE;
                }
            }
            if (unclosedFrom) {
                return 0;
            }
            if (Scan.startsWith(s, i, end, "<... ")) {
                for (int j = i + 5; j + 4 <= end; j++) {
                    if (Scan.startsWith(s, j, end, " ...>")) {
                        return j + 5;
                    }
                }
                unclosedFrom = true;
                return 0;
            }
            if (Scan.opensDecoration(s, from, i, end)) {
                int after = Scan.skipDecoration(s, i, end);
                if (after > 0) {
                    return after;
                }
                unclosedFrom = true;
            }
            return 0;
        }


    }
}
