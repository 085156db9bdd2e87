package org.stracels.parse;

/**
 * What follows a syscall's closing parenthesis: {@code = 3}, {@code = 3</etc/passwd>}, {@code = -1 ENOENT
 * (text)}, {@code = ? ERESTARTSYS (…)}, {@code = ?}, then notes such as {@code (flags …)}, {@code (INJECTED)},
 * a pidns comment, and the {@code <0.000123>} of -T.
 */
final class ResultReader extends LineCursor {

    ResultReader(CharSequence s, int start, int end, ParsedLine line) {
        super(s, start, end, line, start);
    }

    /** Reads what follows the closing parenthesis: {@code = value}, errno, notes, duration. */
    void read(int afterParen) {
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
}
