package org.stracels.parse;

/**
 * Reads one physical line of strace output. Stateless and total: every input gives a {@link ParsedLine},
 * a line it cannot read is {@link LineKind#MALFORMED} with a problem. Context-dependent kinds (FOREIGN,
 * PARTIAL, CONTINUATION) are decided by {@link TraceParser}, which sees the neighbours.
 */
public final class LineParser {
    /** The largest pid Linux can hand out (PID_MAX_LIMIT); bigger leading numbers are epoch times. */
    private static final long PID_MAX = 4_194_304L;
    private static final String UNFINISHED = "<unfinished ...>";
    private static final String DETACHED = "<detached ...>";
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

    /** A line that looks like the start of a syscall line but has no end: cut by foreign output? */
    static boolean isCutSyscall(ParsedLine line) {
        return line.kind == LineKind.MALFORMED && line.nameSpan.isPresent() && line.returnKind == ReturnKind.ABSENT
                && !line.equalsSpan.isPresent() && line.problem != null && line.problem.startsWith(CUT);
    }

    static final String CUT = "syscall line ends before its result";

    private static final class Reader {
        private final CharSequence s;
        private final int start;
        private final int end;
        private final ParsedLine line;
        private int p;
        /**
         * Set once a {@code <} found no closing {@code >} up to the end of the line: later ones are read as
         * plain text, so that a line full of unclosed brackets still takes linear time.
         */
        private boolean unclosedFrom;

        Reader(CharSequence s, int start, int end, ParsedLine line) {
            this.s = s;
            this.start = start;
            this.end = end;
            this.line = line;
            this.p = start;
        }

        void read() {
            if (start == end) {
                line.kind = LineKind.BLANK;
                return;
            }
            if (readUnprefixed()) {
                return;
            }
            readPrefix();
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
            } else if (Scan.isIdentStart(c)) {
                readSyscall();
            } else {
                malformed("not a syscall, signal or exit line");
            }
        }

        private boolean at(String prefix) {
            return Scan.startsWith(s, p, end, prefix);
        }

        private void malformed(String problem) {
            line.kind = LineKind.MALFORMED;
            line.problem = problem;
        }

        // ---- lines without a prefix ------------------------------------------------------------------

        private boolean readUnprefixed() {
            char c = s.charAt(start);
            if (c == ' ') {
                if (at(" > ")) {
                    line.kind = LineKind.STACK_FRAME;
                    line.detailSpan = new Span(start + 3, end);
                    return true;
                }
                if (at(" | ") && end - start >= 4 && s.charAt(end - 1) == '|') {
                    line.kind = LineKind.HEX_DUMP;
                    line.detailSpan = new Span(start + 3, end - 2);
                    return true;
                }
                if (at(" * ") && isIovHeader()) {
                    line.kind = LineKind.HEX_DUMP;
                    line.detailSpan = new Span(start + 3, end);
                    return true;
                }
                if (at(" " + DETACHED) && start + 1 + DETACHED.length() == end) {
                    // the tail of a line cut on stderr; TraceParser joins it to its start
                    line.tailSpan = new Span(start + 1, end);
                    malformed("a detached tail without its syscall line");
                    return true;
                }
            }
            if (isSummaryLine()) {
                line.kind = LineKind.SUMMARY;
                return true;
            }
            int colon = straceMessageColon();
            if (colon > 0) {
                line.kind = LineKind.STRACE_MESSAGE;
                line.detailSpan = new Span(Math.min(colon + 2, end), end);
                return true;
            }
            return false;
        }

        private boolean isIovHeader() {
            int i = Scan.skipDigits(s, start + 3, end);
            return i > start + 3 && Scan.startsWith(s, i, end, " bytes in buffer ")
                    && Scan.skipDigits(s, i + 17, end) == end && end > i + 17;
        }

        /** {@code strace: …} or {@code /usr/bin/strace: …}: the colon's offset, else -1. */
        private int straceMessageColon() {
            int i = start;
            while (i < end && s.charAt(i) != ' ' && s.charAt(i) != ':') {
                i++;
            }
            if (i < end && s.charAt(i) == ':' && i + 1 < end && s.charAt(i + 1) == ' ' && i - start >= 6
                    && Scan.startsWith(s, i - 6, end, "strace") && (i - 6 == start || s.charAt(i - 7) == '/')) {
                return i;
            }
            return -1;
        }

        private boolean isSummaryLine() {
            if (at("% time ") || at("System call usage summary for ")) {
                return true;
            }
            if (s.charAt(start) == '-') {
                for (int i = start; i < end; i++) {
                    char c = s.charAt(i);
                    if (c != '-' && c != ' ') {
                        return false;
                    }
                }
                return end - start >= 6;
            }
            // a header (-U reorders columns) or a row: numbers in columns and one syscall name (or "total"),
            // first or last; blank error cells mean the number of columns varies
            int i = start;
            int numbers = 0;
            int names = 0;
            boolean nameAtEdge = true;
            boolean calls = false;
            boolean syscall = false;
            int tokens = 0;
            while (true) {
                i = Scan.skipSpaces(s, i, end);
                if (i >= end) {
                    break;
                }
                int tokenStart = i;
                boolean numeric = true;
                while (i < end && s.charAt(i) != ' ') {
                    char c = s.charAt(i);
                    if (!Scan.isDigit(c) && c != '.') {
                        numeric = false;
                    }
                    i++;
                }
                tokens++;
                if (numeric) {
                    numbers++;
                    continue;
                }
                if (!Scan.isIdentStart(s.charAt(tokenStart))) {
                    return false;
                }
                calls |= Scan.startsWith(s, tokenStart, i, "calls") && i - tokenStart == 5;
                syscall |= Scan.startsWith(s, tokenStart, i, "syscall") && i - tokenStart == 7;
                names++;
                nameAtEdge &= tokens == 1 || i == end;
            }
            if (calls && syscall) {
                return true;
            }
            return names == 1 && nameAtEdge && numbers >= 2;
        }

        // ---- the prefix ------------------------------------------------------------------------------

        private void readPrefix() {
            readPid();
            readAbsoluteTime();
            readRelativeTime();
            readBracketField(true);
            readBracketField(false);
        }

        private void readPid() {
            if (at("[pid ")) {
                int i = Scan.skipSpaces(s, p + 5, end);
                int digitsEnd = Scan.skipDigits(s, i, end);
                if (digitsEnd == i) {
                    return;
                }
                int afterComm = readComm(digitsEnd);
                if (afterComm < 0 || !Scan.startsWith(s, afterComm, end, "] ")) {
                    return;
                }
                line.pid = parseInt(i, digitsEnd);
                line.pidSpan = new Span(p, afterComm + 1);
                p = afterComm + 2;
                return;
            }
            if (!Scan.isDigit(s.charAt(p))) {
                return;
            }
            int digitsEnd = Scan.skipDigits(s, p, end);
            if (digitsEnd >= end || digitsEnd - p > 7) {
                return;
            }
            char next = s.charAt(digitsEnd);
            if (next != ' ' && next != '<') {
                return;
            }
            long value = parseLong(p, digitsEnd);
            if (value > PID_MAX) {
                return;
            }
            int afterComm = readComm(digitsEnd);
            if (afterComm < 0 || afterComm >= end || s.charAt(afterComm) != ' ') {
                return;
            }
            line.pid = (int) value;
            line.pidSpan = new Span(p, digitsEnd);
            p = Scan.skipSpaces(s, afterComm, end);
        }

        /** Reads an optional {@code <comm>} at {@code i}; returns the offset after it, or -1 if it is broken. */
        private int readComm(int i) {
            if (i >= end || s.charAt(i) != '<') {
                return i;
            }
            for (int j = i + 1; j < end; j++) {
                if (s.charAt(j) == '>') {
                    line.commSpan = new Span(i, j + 1);
                    return j + 1;
                }
            }
            return -1;
        }

        private void readAbsoluteTime() {
            if (p >= end || !Scan.isDigit(s.charAt(p))) {
                return;
            }
            int i;
            if (p + 8 <= end && Scan.isDigit(s.charAt(p + 1)) && s.charAt(p + 2) == ':'
                    && Scan.isDigit(s.charAt(p + 3)) && Scan.isDigit(s.charAt(p + 4)) && s.charAt(p + 5) == ':'
                    && Scan.isDigit(s.charAt(p + 6)) && Scan.isDigit(s.charAt(p + 7))) {
                i = p + 8;
            } else {
                i = Scan.skipDigits(s, p, end);
                if (i - p < 9) {
                    return; // too small for seconds since the epoch: a -r time
                }
            }
            i = skipFraction(i);
            if (i < end && s.charAt(i) == ' ') {
                line.absTimeSpan = new Span(p, i);
                p = i + 1;
            }
        }

        private int skipFraction(int i) {
            if (i + 1 < end && s.charAt(i) == '.' && Scan.isDigit(s.charAt(i + 1))) {
                return Scan.skipDigits(s, i + 1, end);
            }
            return i;
        }

        private void readRelativeTime() {
            if (at("(+")) {
                int i = Scan.skipSpaces(s, p + 2, end);
                int j = skipFraction(Scan.skipDigits(s, i, end));
                if (j > i && Scan.startsWith(s, j, end, ") ")) {
                    line.relTimeSpan = new Span(p, j + 1);
                    p = j + 2;
                }
                return;
            }
            if (line.absTimeSpan.isPresent()) {
                return;
            }
            int i = Scan.skipSpaces(s, p, end);
            int digitsEnd = Scan.skipDigits(s, i, end);
            if (digitsEnd == i) {
                return;
            }
            int j = skipFraction(digitsEnd);
            boolean padded = i > p;
            if ((j > digitsEnd || padded) && j < end && s.charAt(j) == ' ') {
                line.relTimeSpan = new Span(i, j);
                p = j + 1;
            }
        }

        /** {@code [  12] } (-n, when {@code number}) or {@code [00007f0c8516dc47] } (-i). */
        private void readBracketField(boolean number) {
            if (p >= end || s.charAt(p) != '[' || at("[ Process PID=")) {
                return;
            }
            int close = -1;
            for (int j = p + 1; j < end && j < p + 20; j++) {
                if (s.charAt(j) == ']') {
                    close = j;
                    break;
                }
            }
            if (close < 0 || close + 1 >= end || s.charAt(close + 1) != ' ') {
                return;
            }
            int len = close - p - 1;
            if (number) {
                int i = Scan.skipSpaces(s, p + 1, close);
                boolean ok = Scan.startsWith(s, i, close, "???") ? i + 3 == close
                        : i < close && Scan.skipDigits(s, i, close) == close;
                boolean looksLikeIp = (len == 8 || len == 16) && i == p + 1 && !Scan.startsWith(s, i, close, "???");
                if (!ok || (looksLikeIp && hexOrQuestion(p + 1, close) && len == 16)) {
                    return;
                }
                line.scnoSpan = new Span(p, close + 1);
            } else {
                if ((len != 8 && len != 16) || !hexOrQuestion(p + 1, close)) {
                    return;
                }
                line.ipSpan = new Span(p, close + 1);
            }
            p = close + 2;
        }

        private boolean hexOrQuestion(int from, int to) {
            for (int j = from; j < to; j++) {
                char c = s.charAt(j);
                if (!(Scan.isHexDigit(c) || c == '?')) {
                    return false;
                }
            }
            return true;
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
                            readResult(i + 1);
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
                    readResult(after + 1); // "… <unfinished ...>) = ?": the call never returned
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

        // ---- the result ------------------------------------------------------------------------------

        private void readResult(int afterParen) {
            int i = Scan.skipSpaces(s, afterParen, end);
            if (i == afterParen && i < end) {
                malformed("expected a space after ')'");
                return;
            }
            if (!Scan.startsWith(s, i, end, "= ") && !(Scan.startsWith(s, i, end, "=") && i + 1 == end)) {
                malformed(i >= end ? "expected ' = ' and a result after ')'" : "expected '=' after ')'");
                return;
            }
            line.equalsSpan = new Span(i, i + 1);
            i += 2;
            if (i >= end) {
                malformed("missing return value after '='");
                return;
            }
            if (s.charAt(i) == '?') {
                line.returnValueSpan = new Span(i, i + 1);
                i++;
                if (Scan.startsWith(s, i, end, " <unavailable>")) {
                    line.returnKind = ReturnKind.UNAVAILABLE;
                    i += 14;
                } else if (Scan.startsWith(s, i, end, " ERESTART")) {
                    line.returnKind = ReturnKind.RESTART;
                    i = readErrno(i + 1);
                    if (i < 0) {
                        return;
                    }
                } else {
                    line.returnKind = ReturnKind.NEVER;
                }
                readNotes(i);
                return;
            }
            if (Scan.startsWith(s, i, end, "-1 ") && i + 3 < end && (Scan.isIdentStart(s.charAt(i + 3)) || s.charAt(i + 3) == '(')) {
                line.returnValueSpan = new Span(i, i + 2);
                line.returnKind = ReturnKind.ERROR;
                int next = readErrno(i + 3);
                if (next >= 0) {
                    readNotes(next);
                }
                return;
            }
            int valueEnd = i;
            if (s.charAt(valueEnd) == '-') {
                valueEnd++;
            }
            int digitsStart = valueEnd;
            while (valueEnd < end && Scan.isIdentPart(s.charAt(valueEnd))) {
                valueEnd++;
            }
            if (valueEnd == digitsStart || !Scan.isDigit(s.charAt(digitsStart))) {
                malformed("expected a number, '?' or '-1 ERRNO' after '='");
                return;
            }
            line.returnValueSpan = new Span(i, valueEnd);
            line.returnKind = ReturnKind.VALUE;
            i = valueEnd;
            if (i < end && s.charAt(i) == '<') {
                int after = Scan.skipDecoration(s, i, end);
                if (after < 0) {
                    malformed("unclosed '<' after the returned fd");
                    return;
                }
                if (Scan.startsWith(s, after, end, "(deleted)")) {
                    after += 9;
                }
                line.returnDecorationSpan = new Span(i, after);
                i = after;
            }
            readNotes(i);
        }

        /** Reads {@code NAME (text)} or {@code (errno N)} at {@code i}; returns the offset after it or -1. */
        private int readErrno(int i) {
            if (i < end && s.charAt(i) == '(') {
                int close = Scan.skipBalanced(s, i, end);
                line.errnoTextSpan = new Span(i + 1, close - 1);
                line.errno = s.subSequence(i + 1, close - 1).toString();
                line.errnoSpan = new Span(i + 1, close - 1);
                return close;
            }
            int nameEnd = Scan.skipIdent(s, i, end);
            if (nameEnd == i) {
                malformed("expected an errno name");
                return -1;
            }
            line.errno = s.subSequence(i, nameEnd).toString();
            line.errnoSpan = new Span(i, nameEnd);
            if (nameEnd < end && Scan.startsWith(s, nameEnd, end, " (")) {
                int close = Scan.skipBalanced(s, nameEnd + 1, end);
                if (close > end || s.charAt(close - 1) != ')') {
                    malformed("unclosed '(' after the errno name");
                    return -1;
                }
                line.errnoTextSpan = new Span(nameEnd + 2, close - 1);
                return close;
            }
            return nameEnd;
        }

        /** Reads what may follow a result: {@code (aux)}, {@code /* comment *}{@code /}, {@code <duration>}. */
        private void readNotes(int i) {
            while (i < end) {
                if (s.charAt(i) != ' ') {
                    malformed("unexpected text after the result");
                    return;
                }
                i++;
                if (i >= end) {
                    return;
                }
                char c = s.charAt(i);
                if (c == '(') {
                    int close = Scan.skipBalanced(s, i, end);
                    if (s.charAt(close - 1) != ')') {
                        malformed("unclosed '(' after the result");
                        return;
                    }
                    line.addNote(new Span(i, close));
                    i = close;
                } else if (c == '/' && i + 1 < end && s.charAt(i + 1) == '*') {
                    int close = Scan.skipComment(s, i, end);
                    if (line.returnDecorationSpan.isPresent() || line.returnKind != ReturnKind.VALUE) {
                        line.addNote(new Span(i, close));
                    } else {
                        line.returnDecorationSpan = new Span(i, close);
                    }
                    i = close;
                } else if (c == '<') {
                    int close = readDuration(i);
                    if (close < 0) {
                        malformed("expected a duration '<seconds>' after the result");
                        return;
                    }
                    i = close;
                } else {
                    malformed("unexpected text after the result");
                    return;
                }
            }
        }

        private int readDuration(int i) {
            int digitsEnd = Scan.skipDigits(s, i + 1, end);
            if (digitsEnd == i + 1) {
                return -1;
            }
            int fracEnd = skipFraction(digitsEnd);
            if (fracEnd >= end || s.charAt(fracEnd) != '>') {
                return -1;
            }
            line.durationSpan = new Span(i, fracEnd + 1);
            long nanos = parseLong(i + 1, digitsEnd) * 1_000_000_000L;
            if (fracEnd > digitsEnd) {
                long frac = 0;
                int digits = 0;
                for (int j = digitsEnd + 1; j < fracEnd && digits < 9; j++, digits++) {
                    frac = frac * 10 + (s.charAt(j) - '0');
                }
                for (; digits < 9; digits++) {
                    frac *= 10;
                }
                nanos += frac;
            }
            line.durationNanos = nanos;
            return fracEnd + 1;
        }

        private int parseInt(int from, int to) {
            long v = parseLong(from, to);
            return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
        }

        private long parseLong(int from, int to) {
            long v = 0;
            for (int j = from; j < to; j++) {
                v = v * 10 + (s.charAt(j) - '0');
                if (v > Long.MAX_VALUE / 20) {
                    return Long.MAX_VALUE / 20;
                }
            }
            return v;
        }
    }
}
