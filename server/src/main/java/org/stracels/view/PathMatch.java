package org.stracels.view;

import org.stracels.parse.ParsedTrace;

/**
 * Whether a text shows in a line's quoted arguments or in an fd's {@code <…>} decoration (including the result's),
 * as strace printed it: a path filter matches names, not numbers or flags that happen to hold the same letters.
 */
final class PathMatch {
    private PathMatch() {
    }

    static boolean inArguments(ParsedTrace parsed, int i, String needle) {
        String text = parsed.text();
        int start = parsed.lineStart(i);
        int end = parsed.lineEnd(i);
        int at = text.indexOf(needle, start);
        if (at < 0 || at + needle.length() > end) {
            return false; // most lines: one search and done
        }
        boolean inString = false;
        int decoration = 0;
        int open = -1;
        for (int p = start; p < end; p++) {
            char c = text.charAt(p);
            if (inString) {
                if (c == '\\') {
                    p++;
                } else if (c == '"') {
                    inString = false;
                    if (contains(text, open, p, needle)) {
                        return true;
                    }
                }
            } else if (c == '"') {
                inString = true;
                open = p + 1;
            } else if (c == '<' && p > start && (Character.isDigit(text.charAt(p - 1)))) {
                if (decoration++ == 0) {
                    open = p + 1;
                }
            } else if (c == '>' && decoration > 0) {
                if (--decoration == 0 && contains(text, open, p, needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean contains(String text, int from, int to, String needle) {
        int at = text.indexOf(needle, from);
        return at >= 0 && at + needle.length() <= to;
    }
}
