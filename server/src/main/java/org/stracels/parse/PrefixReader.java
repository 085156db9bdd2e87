package org.stracels.parse;

/**
 * The prefix of a line, in the order strace prints it: pid ({@code 123 } or {@code [pid 123] }, with a
 * {@code <comm>} of -Y), absolute time (-t/-tt/-ttt and precisions), relative time (-r, or {@code (+ …)}
 * after an absolute time), syscall number (-n) and instruction pointer (-i). Every field is optional.
 */
final class PrefixReader extends LineCursor {
    /** The largest pid Linux can hand out (PID_MAX_LIMIT); bigger leading numbers are epoch times. */
    private static final long PID_MAX = 4_194_304L;

    PrefixReader(CharSequence s, int start, int end, ParsedLine line) {
        super(s, start, end, line, start);
    }

    /** Reads the prefix fields that are there, in strace's fixed order; returns where the event begins. */
    int read() {
        readPid();
        readAbsoluteTime();
        readRelativeTime();
        readBracketField(true);
        readBracketField(false);
        return p;
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
}
