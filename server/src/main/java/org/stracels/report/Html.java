package org.stracels.report;

/** Escaping for text taken from a trace, where it lands in the report's HTML. */
final class Html {
    private Html() {
    }

    /**
     * {@code s} as HTML text or a quoted attribute value: {@code & < > " '} become references, and control
     * characters other than tab and line breaks become U+FFFD, so that nothing in it can open a tag, end an
     * attribute or start a comment.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f ? "\uFFFD" : null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** A reference to a line of the trace (1-based) that the report's script turns into a click target. */
    static String line(int line) {
        return "<a class=\"line\" href=\"#L" + line + "\" data-line=\"" + line + "\">line " + line + "</a>";
    }

    /** Seconds for people: "1.2 s", "35 ms", "120 µs", "800 ns". */
    static String seconds(double s) {
        if (s >= 1) {
            return String.format(java.util.Locale.ROOT, "%.3g s", s);
        }
        if (s >= 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.3g ms", s * 1e3);
        }
        if (s >= 1e-6) {
            return String.format(java.util.Locale.ROOT, "%.3g µs", s * 1e6);
        }
        return String.format(java.util.Locale.ROOT, "%.0f ns", s * 1e9);
    }
}
