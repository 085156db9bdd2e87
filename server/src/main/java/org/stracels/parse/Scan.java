package org.stracels.parse;

/**
 * Low-level scanning over trace text shared by the line parser and the argument parser.
 * Every method is bounded by {@code end} and returns an offset; none throws.
 */
final class Scan {
    private Scan() {
    }

    static boolean startsWith(CharSequence s, int pos, int end, String prefix) {
        int n = prefix.length();
        if (pos < 0 || pos + n > end) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(pos + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    static int skipDigits(CharSequence s, int pos, int end) {
        while (pos < end && isDigit(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    static int skipSpaces(CharSequence s, int pos, int end) {
        while (pos < end && s.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }

    static int skipIdent(CharSequence s, int pos, int end) {
        while (pos < end && isIdentPart(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /** End of trailing blanks: the offset after the last char that is not a space, tab or CR. */
    static int trimEnd(CharSequence s, int start, int end) {
        while (end > start) {
            char c = s.charAt(end - 1);
            if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            end--;
        }
        return end;
    }

    /**
     * Given {@code pos} at an opening {@code "}, the offset just past the closing quote, or {@code end}
     * when the string is not closed on this line.
     */
    static int skipString(CharSequence s, int pos, int end) {
        int i = pos + 1;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return end;
    }

    /** Given {@code pos} at {@code /*}, the offset just past the closing {@code *}{@code /}, or {@code end}. */
    static int skipComment(CharSequence s, int pos, int end) {
        for (int i = pos + 2; i + 1 < end; i++) {
            if (s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
                return i + 2;
            }
        }
        return end;
    }

    /**
     * Given {@code pos} at the {@code <} of an fd decoration ({@code 3</etc/passwd>}, {@code 4<TCP:[a->b]>},
     * {@code 12</dev/null<char 1:3>>}), the offset just past its closing {@code >}, or -1 if it does not close.
     * Paths inside have their own angle brackets escaped, so nesting is real structure; socket details
     * inside {@code [...]} may hold {@code ->} and quoted names, so brackets and strings are skipped whole.
     */
    static int skipDecoration(CharSequence s, int pos, int end) {
        int depth = 0;
        int i = pos;
        while (i < end) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> {
                    depth++;
                    i++;
                }
                case '>' -> {
                    depth--;
                    i++;
                    if (depth == 0) {
                        return i;
                    }
                }
                case '\\' -> i += 2;
                case '"' -> i = skipString(s, i, end);
                case '[' -> i = skipBrackets(s, i, end);
                default -> i++;
            }
        }
        return -1;
    }

    /** Given {@code pos} at {@code [}, the offset past the matching {@code ]} (strings skipped), or {@code end}. */
    private static int skipBrackets(CharSequence s, int pos, int end) {
        int depth = 0;
        int i = pos;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '"') {
                i = skipString(s, i, end);
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == '>' && depth == 1 && i > pos && s.charAt(i - 1) != '-' && i + 1 < end && s.charAt(i + 1) != ']') {
                // a path decoration with a stray '[' in its name: give up on the bracket
                return i;
            }
            i++;
        }
        return end;
    }

    /**
     * True when the {@code <} at {@code pos} opens an fd decoration: it follows a number or a name directly
     * ({@code 3<}, {@code AT_FDCWD<}) and is not the shift operator {@code <<}.
     */
    static boolean opensDecoration(CharSequence s, int start, int pos, int end) {
        if (pos <= start || pos + 1 >= end) {
            return false;
        }
        char before = s.charAt(pos - 1);
        if (!isIdentPart(before)) {
            return false;
        }
        char after = s.charAt(pos + 1);
        return after != '<' && after != ' ' && after != '=';
    }

    /**
     * Given {@code pos} at an opening {@code (}, {@code [} or {@code {}, the offset past its match, skipping
     * strings, comments and decorations; {@code end} if it does not close.
     */
    static int skipBalanced(CharSequence s, int pos, int end) {
        int depth = 0;
        int i = pos;
        boolean decorations = true; // off after one fails to close: keeps long broken lines linear
        while (i < end) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> {
                    i = skipString(s, i, end);
                    continue;
                }
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                case '/' -> {
                    if (i + 1 < end && s.charAt(i + 1) == '*') {
                        i = skipComment(s, i, end);
                        continue;
                    }
                }
                case '<' -> {
                    if (decorations && opensDecoration(s, pos, i, end)) {
                        int after = skipDecoration(s, i, end);
                        if (after > 0) {
                            i = after;
                            continue;
                        }
                        decorations = false;
                    }
                }
                default -> {
                }
            }
            i++;
        }
        return end;
    }
}
