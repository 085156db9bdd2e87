package org.stracels.cause;

/**
 * Searches bounded by a line: {@link String#indexOf(String, int)} runs on to the end of the whole trace when the
 * needle is not on the line, which makes a pass over many lines quadratic.
 */
final class Text {
    private Text() {
    }

    /** The first {@code needle} starting at or after {@code from} and ending by {@code end}, or -1. */
    static int find(String text, String needle, int from, int end) {
        int last = end - needle.length();
        char first = needle.charAt(0);
        for (int p = Math.max(0, from); p <= last; p++) {
            if (text.charAt(p) == first && text.startsWith(needle, p)) {
                return p;
            }
        }
        return -1;
    }

    /** The first {@code c} in {@code [from, end)}, or -1. */
    static int find(String text, char c, int from, int end) {
        for (int p = Math.max(0, from); p < end; p++) {
            if (text.charAt(p) == c) {
                return p;
            }
        }
        return -1;
    }

    /** The last {@code needle} starting at or after {@code start} and ending by {@code end}, or -1. */
    static int findLast(String text, String needle, int start, int end) {
        char first = needle.charAt(0);
        for (int p = end - needle.length(); p >= Math.max(0, start); p--) {
            if (text.charAt(p) == first && text.startsWith(needle, p)) {
                return p;
            }
        }
        return -1;
    }
}
