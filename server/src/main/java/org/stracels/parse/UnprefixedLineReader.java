package org.stracels.parse;

/**
 * The lines strace prints without a prefix: {@code -k} stack frames, {@code -e read=/write=} dumps, the
 * {@code -c} table, strace's own messages and the tail of a line detached on stderr.
 */
final class UnprefixedLineReader extends LineCursor {

    UnprefixedLineReader(CharSequence s, int start, int end, ParsedLine line) {
        super(s, start, end, line, start);
    }

    /** Reads the line if it is one of the kinds without a prefix; false when it is not. */
    boolean read() {
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
            if (at(" " + LineParser.DETACHED) && start + 1 + LineParser.DETACHED.length() == end) {
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
}
