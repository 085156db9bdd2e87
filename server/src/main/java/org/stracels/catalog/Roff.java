package org.stracels.catalog;

/**
 * Just enough of roff (the man macros) to turn one paragraph of a manual page into Markdown: font macros
 * ({@code .B}, {@code .I}, {@code .BR}, {@code \fB…\fR}), escapes ({@code \-}, {@code \(aq}, {@code \e}),
 * comments, and paragraph breaks.
 */
final class Roff {
    private Roff() {
    }

    /** The first paragraph after {@code .SH DESCRIPTION}, or null. */
    static String firstDescriptionParagraph(String roff) {
        StringBuilder out = new StringBuilder();
        boolean inDescription = false;
        for (String line : roff.split("\n")) {
            if (line.startsWith(".SH")) {
                if (inDescription) {
                    break;
                }
                inDescription = line.substring(3).trim().replace("\"", "").equals("DESCRIPTION");
                continue;
            }
            if (!inDescription || line.startsWith(".\\\"") || line.startsWith("'\\\"")) {
                continue;
            }
            if (line.startsWith(".PP") || line.startsWith(".LP") || line.startsWith(".P ") || line.equals(".P")
                    || line.startsWith(".TP") || line.startsWith(".IP") || line.startsWith(".in")
                    || line.startsWith(".nf") || line.startsWith(".EX")) {
                if (out.length() > 0) {
                    break;
                }
                continue;
            }
            String text = line.startsWith(".") ? macro(line) : inline(line);
            if (text == null || text.isBlank()) {
                continue;
            }
            if (out.length() > 0 && !text.startsWith(",") && !text.startsWith(".") && !text.startsWith(")")) {
                out.append(' ');
            }
            out.append(text.strip());
        }
        String result = out.toString().replaceAll("\\s+", " ").strip();
        return result.isEmpty() ? null : result;
    }

    /** {@code .B word}, {@code .BR read ()} … ; other requests give nothing. */
    private static String macro(String line) {
        int space = line.indexOf(' ');
        String name = space < 0 ? line.substring(1) : line.substring(1, space);
        String args = space < 0 ? "" : line.substring(space + 1);
        return switch (name) {
            case "B" -> wrap(inline(unquote(args)), "**");
            case "I" -> wrap(inline(unquote(args)), "*");
            case "BR", "BI", "IR", "IB", "RB", "RI" -> alternate(name, args);
            case "SM", "SB" -> inline(unquote(args));
            default -> null;
        };
    }

    private static String alternate(String fonts, String args) {
        String[] words = splitArgs(args);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            char font = fonts.charAt(i % 2);
            String w = inline(words[i]);
            b.append(font == 'B' ? wrap(w, "**") : font == 'I' ? wrap(w, "*") : w);
        }
        return b.toString();
    }

    private static String[] splitArgs(String args) {
        java.util.List<String> words = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : args.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (current.length() > 0) {
                    words.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            words.add(current.toString());
        }
        return words.toArray(new String[0]);
    }

    private static String unquote(String s) {
        return s.replace("\"", "");
    }

    private static String wrap(String s, String mark) {
        return s.isEmpty() ? s : mark + s + mark;
    }

    /** Inline escapes and font changes ({@code \\fB…\\fR}, {@code \\fI…\\fP}), closing a font at the end. */
    static String inline(String s) {
        String text = s.replace("\\-", "-").replace("\\(aq", "'").replace("\\(dq", "\"").replace("\\(em", "—")
                .replace("\\(en", "–").replace("\\e", "\\").replace("\\&", "").replace("\\%", "")
                .replace("\\ ", " ").replace("\\~", " ").replace("\\|", "").replace("\\^", "");
        StringBuilder b = new StringBuilder();
        String open = "";
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\f", i) && i + 2 < text.length()) {
                char font = text.charAt(i + 2);
                b.append(open);
                open = font == 'B' ? "**" : font == 'I' ? "*" : "";
                b.append(open);
                i += 2;
            } else {
                b.append(text.charAt(i));
            }
        }
        return b.append(open).toString();
    }
}
