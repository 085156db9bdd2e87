package org.stracels.structure;

import java.util.Arrays;

/** The tokens of one line while they are found, in any order; {@link #flush} sorts them and drops overlaps. */
final class LineTokens {
    private long[] keys = new long[32];
    private int[] ends = new int[32];
    private int[] kinds = new int[32];
    private int n;

    void add(int start, int end, TokenType type, int modifiers) {
        if (start < 0 || end <= start) {
            return;
        }
        if (n == keys.length) {
            keys = Arrays.copyOf(keys, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
            kinds = Arrays.copyOf(kinds, n * 2);
        }
        // sort key: start, then the order of arrival (the first of two tokens at one place wins)
        keys[n] = ((long) start << 20) | n;
        ends[n] = end;
        kinds[n] = type.ordinal() << 16 | modifiers;
        n++;
    }

    void add(int start, int end, TokenType type) {
        add(start, end, type, 0);
    }

    /** Moves the tokens inside {@code [lineStart, lineEnd)} to {@code out}, in order, without overlaps. */
    void flush(int line, int lineStart, int lineEnd, TokenList out) {
        long[] order = Arrays.copyOf(keys, n);
        Arrays.sort(order);
        int covered = lineStart;
        TokenType[] types = TokenType.values();
        for (long key : order) {
            int k = (int) (key & 0xfffff);
            int start = (int) (key >>> 20);
            int end = Math.min(ends[k], lineEnd);
            if (start < covered || end <= start) {
                continue;
            }
            out.add(line, start, end - start, types[kinds[k] >>> 16], kinds[k] & 0xffff);
            covered = end;
        }
        n = 0;
    }
}
