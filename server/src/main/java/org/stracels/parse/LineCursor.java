package org.stracels.parse;

/**
 * The line being read and a position on it, shared by the readers of its parts (prefix, event, result):
 * each fills in the same {@link ParsedLine}.
 */
abstract class LineCursor {
    final CharSequence s;
    final int start;
    final int end;
    final ParsedLine line;
    int p;

    LineCursor(CharSequence s, int start, int end, ParsedLine line, int p) {
        this.s = s;
        this.start = start;
        this.end = end;
        this.line = line;
        this.p = p;
    }

    final boolean at(String prefix) {
        return Scan.startsWith(s, p, end, prefix);
    }

    final void malformed(String problem) {
        line.kind = LineKind.MALFORMED;
        line.problem = problem;
    }

    /** Past {@code .digits} at {@code i}, or {@code i} when there is no fraction. */
    final int skipFraction(int i) {
        if (i + 1 < end && s.charAt(i) == '.' && Scan.isDigit(s.charAt(i + 1))) {
            return Scan.skipDigits(s, i + 1, end);
        }
        return i;
    }

    final int parseInt(int from, int to) {
        long v = parseLong(from, to);
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    final long parseLong(int from, int to) {
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
