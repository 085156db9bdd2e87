package org.stracels.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** strace's literals: the value of a number as it prints them, and the bytes behind an escaped string. */
final class Literals {
    private Literals() {
    }

    /** The value of a decimal, hex or octal number in {@code [from, to)}; empty when it needs more than 64 bits. */
    static OptionalLong parseNumber(CharSequence s, int from, int to) {
        boolean negative = from < to && s.charAt(from) == '-';
        int i = negative ? from + 1 : from;
        int radix = 10;
        if (i + 1 < to && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            radix = 16;
            i += 2;
        } else if (i + 1 < to && s.charAt(i) == '0') {
            radix = 8;
            for (int j = i; j < to; j++) {
                if (s.charAt(j) > '7') {
                    radix = 10;
                }
            }
        }
        if (i >= to) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int j = i; j < to; j++) {
            int d = Character.digit(s.charAt(j), radix);
            if (d < 0) {
                return OptionalLong.empty();
            }
            // overflow of the unsigned 64-bit range
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, radix)) > 0) {
                return OptionalLong.empty();
            }
            value = value * radix + d;
        }
        if (negative && value < 0 && value != Long.MIN_VALUE) {
            return OptionalLong.empty(); // below Long.MIN_VALUE
        }
        return OptionalLong.of(negative ? -value : value);
    }

    /** Resolves strace's escapes in {@code [from, to)}; chars outside ASCII are encoded as UTF-8. */
    static byte[] decode(CharSequence s, int from, int to) {
        if (from < 0 || to <= from) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c != '\\') {
                if (c < 0x80) {
                    out.write(c);
                    i++;
                } else {
                    int j = i;
                    while (j < to && s.charAt(j) >= 0x80) {
                        j++;
                    }
                    out.writeBytes(s.subSequence(i, j).toString().getBytes(StandardCharsets.UTF_8));
                    i = j;
                }
                continue;
            }
            if (i + 1 >= to) {
                out.write('\\');
                break;
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'f' -> out.write('\f');
                case 'v' -> out.write(0x0b);
                case 'x' -> {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i < to && Character.digit(s.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(i), 16);
                        i++;
                        n++;
                    }
                    out.write(n == 0 ? 'x' : v);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int n = 1;
                        while (n < 3 && i < to && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                            v = v * 8 + (s.charAt(i) - '0');
                            i++;
                            n++;
                        }
                        out.write(v & 0xff);
                    } else if (e < 0x80) {
                        out.write(e); // \" \\ and anything unknown stand for themselves
                    } else {
                        out.writeBytes(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out.toByteArray();
    }
}
