package org.stracels.structure;

import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.Span;

/**
 * Semantic tokens of the lines that are not calls: exits, kills and other lifecycle lines, -k stack frames,
 * -e read/write hex dumps, -c summary rows and strace's own messages. Their layout is fixed by strace's
 * printf formats, so a scan of the text suffices.
 */
final class DetailTokens {
    /** Where the ASCII column of a hex dump row starts: {@code " | 00000  "} + 16 bytes in 49 columns + 2 spaces. */
    private static final int DUMP_ASCII = 60;

    private DetailTokens() {
    }

    static void line(String text, ParsedLine line, LineTokens out) {
        switch (line.kind()) {
            case STACK_FRAME -> frame(text, line, out);
            case HEX_DUMP -> dump(text, line, out);
            case SUMMARY -> summary(text, line, out);
            case STRACE_MESSAGE -> {
                int start = line.lineStart();
                int end = line.lineEnd();
                while (start < end && text.charAt(start) == ' ') {
                    start++;
                }
                while (end > start && text.charAt(end - 1) == ' ') {
                    end--;
                }
                out.add(start, end, TokenType.COMMENT);
            }
            default -> {
            }
        }
    }

    /** {@code +++ exited with 1 +++}, {@code +++ killed by SIGSEGV (core dumped) +++}, {@code --- stopped by SIGSTOP ---} … */
    static void lifecycle(String text, ParsedLine line, LineTokens out) {
        int body = line.eventStart() >= 0 ? line.eventStart() + 4 : -1;
        Span detail = line.detailSpan();
        switch (line.kind()) {
            case EXITED -> {
                out.add(body, detail.start() - 1, TokenType.KEYWORD);
                out.add(detail.start(), detail.end(), TokenType.NUMBER);
            }
            case KILLED, STOPPED -> {
                out.add(body, line.nameSpan().start() - 1, TokenType.KEYWORD);
                out.add(line.nameSpan().start(), line.nameSpan().end(), TokenType.EVENT);
                if (line.coreDumped()) {
                    out.add(line.nameSpan().end() + 1, line.nameSpan().end() + 14, TokenType.KEYWORD);
                }
            }
            case SUPERSEDED -> {
                out.add(body, detail.start() - 1, TokenType.KEYWORD);
                out.add(detail.start(), detail.end(), TokenType.NAMESPACE);
            }
            case PERSONALITY -> {
                int pid = find(text, "PID=", line.eventStart(), line.lineEnd());
                if (pid >= 0) {
                    int[] digits = numberIn(text, pid + 4, line.lineEnd());
                    out.add(digits[0], digits[1], TokenType.NAMESPACE);
                }
                out.add(detail.start(), detail.end(), TokenType.ENUM_MEMBER);
            }
            default -> {
            }
        }
    }

    /** {@code  > /lib/libc.so.6(write+0x14) [0x10e2a4]}: the object, the function, its offset, the address. */
    private static void frame(String text, ParsedLine line, LineTokens out) {
        int start = line.detailSpan().start();
        int end = line.lineEnd();
        int open = findLast(text, " [", start, end);
        int addressEnd = end;
        if (open >= start && text.charAt(end - 1) == ']') {
            out.add(open + 2, end - 1, TokenType.NUMBER, TokenModifier.ADDRESS.bit());
            addressEnd = open;
        }
        int paren = find(text, "(", start, addressEnd);
        if (paren < 0 || paren >= addressEnd) {
            out.add(start, addressEnd, TokenType.STRING);
            return;
        }
        out.add(start, paren, TokenType.STRING);
        int close = findLast(text, ")", paren + 1, addressEnd + 1);
        if (close <= paren) {
            return;
        }
        int plus = findLast(text, "+", paren + 1, close + 1);
        int nameEnd = plus > paren ? plus : close;
        out.add(paren + 1, nameEnd, TokenType.FUNCTION);
        if (plus > paren) {
            out.add(plus + 1, close, TokenType.NUMBER);
        }
    }

    /** {@code  | 00010  03 00 3e …  ..>..... |} and {@code  * 7 bytes in buffer 0}. */
    private static void dump(String text, ParsedLine line, LineTokens out) {
        int s = line.lineStart();
        int end = line.lineEnd();
        if (text.startsWith(" * ", s)) {
            words(text, s + 3, end, false, out);
            return;
        }
        int hexEnd = Math.min(s + DUMP_ASCII - 2, end);
        for (int i = s + 3; i < hexEnd; ) {
            while (i < hexEnd && text.charAt(i) == ' ') {
                i++;
            }
            int j = i;
            while (j < hexEnd && Character.digit(text.charAt(j), 16) >= 0) {
                j++;
            }
            out.add(i, j, TokenType.NUMBER, i == s + 3 ? TokenModifier.ADDRESS.bit() : 0);
            i = Math.max(j, i + 1);
        }
        int asciiEnd = end - 2;
        while (asciiEnd > s + DUMP_ASCII && text.charAt(asciiEnd - 1) == ' ') {
            asciiEnd--; // the column is padded to 16
        }
        out.add(s + DUMP_ASCII, asciiEnd, TokenType.STRING);
    }

    /** A -c row: numbers, then the syscall name; {@code total} in the last row. Headers and rules stay plain. */
    private static void summary(String text, ParsedLine line, LineTokens out) {
        int s = line.lineStart();
        int end = line.lineEnd();
        String row = text.substring(s, end);
        if (row.startsWith("System call usage summary")) {
            out.add(s, end, TokenType.COMMENT);
            return;
        }
        if (row.trim().startsWith("%") || row.trim().startsWith("-") || row.contains("calls ") || row.contains("syscall")) {
            return;
        }
        words(text, s, end, true, out);
    }

    /** Space separated words: numbers as numbers; in summary rows "total" as a keyword and other names as syscalls. */
    private static void words(String text, int from, int end, boolean syscalls, LineTokens out) {
        int i = from;
        while (i < end) {
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            int j = i;
            while (j < end && text.charAt(j) != ' ') {
                j++;
            }
            if (j > i) {
                char c = text.charAt(i);
                if (Character.isDigit(c)) {
                    out.add(i, j, TokenType.NUMBER);
                } else if (syscalls && text.startsWith("total", i) && j - i == 5) {
                    out.add(i, j, TokenType.KEYWORD);
                } else if (syscalls && (Character.isLetter(c) || c == '_')) {
                    out.add(i, j, TokenType.FUNCTION, TokenModifier.DEFAULT_LIBRARY.bit());
                }
            }
            i = j;
        }
    }

    /*
     * Searches bounded by the line: String.indexOf and lastIndexOf run on to the end (or the start) of the whole
     * text when the needle is not on the line, which made tokens of many such lines quadratic.
     */

    /** The first {@code needle} that starts at or after {@code from} and ends by {@code to}, or -1. */
    static int find(String text, String needle, int from, int to) {
        for (int p = Math.max(0, from); p + needle.length() <= to; p++) {
            if (text.startsWith(needle, p)) {
                return p;
            }
        }
        return -1;
    }

    /** The last {@code needle} that starts at or after {@code from} and ends by {@code to}, or -1. */
    static int findLast(String text, String needle, int from, int to) {
        for (int p = Math.min(to, text.length()) - needle.length(); p >= Math.max(0, from); p--) {
            if (text.startsWith(needle, p)) {
                return p;
            }
        }
        return -1;
    }

    /** The first run of digits and dots in {@code [from, to)}, as {start, end}; an empty run when there is none. */
    static int[] numberIn(String text, int from, int to) {
        int i = from;
        while (i < to && !Character.isDigit(text.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < to && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
            j++;
        }
        return new int[] {i, j};
    }
}
