package org.stracels.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of roff (the man macros) to turn the paragraphs of a manual page's DESCRIPTION into Markdown:
 * font macros ({@code .B}, {@code .I}, {@code .BR}, {@code \fB…\fR}), every escape the installed section 2 pages
 * use ({@code \-}, {@code \e}, {@code \\}, {@code \(aq}, {@code \[em]}, {@code \*(lq}, {@code \c}, {@code \:},
 * {@code \~}, {@code \&}, …), comments, and paragraph breaks; code blocks and tables are left out.
 */
final class Roff {
    /** Marks a line that ended in {@code \c}: the next line continues it without a space. */
    private static final char JOIN = '\u0001';

    private Roff() {
    }

    /** The first paragraph after {@code .SH DESCRIPTION}, or null. */
    static String firstDescriptionParagraph(String roff) {
        List<String> paragraphs = descriptionParagraphs(roff);
        return paragraphs.isEmpty() ? null : paragraphs.get(0);
    }

    /** The paragraphs of the DESCRIPTION section (its subsections included), in order, as Markdown. */
    static List<String> descriptionParagraphs(String roff) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        boolean inDescription = false;
        boolean inBlock = false;
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
            String request = line.startsWith(".") ? requestName(line) : null;
            if (inBlock) {
                inBlock = !("EE".equals(request) || "fi".equals(request) || "TE".equals(request));
                continue;
            }
            if ("EX".equals(request) || "nf".equals(request) || "TS".equals(request)) {
                inBlock = true;
                end(out, paragraphs);
                continue;
            }
            if (request != null && List.of("PP", "LP", "P", "TP", "IP", "SS", "in", "RS", "RE", "sp", "HP").contains(request)) {
                end(out, paragraphs);
                continue;
            }
            String text = request != null ? macro(request, line) : inline(line);
            if (text == null || text.isBlank()) {
                continue;
            }
            boolean joined = out.length() > 0 && out.charAt(out.length() - 1) == JOIN;
            if (joined) {
                out.setLength(out.length() - 1);
            } else if (out.length() > 0 && !text.startsWith(",") && !text.startsWith(".") && !text.startsWith(")")) {
                out.append(' ');
            }
            out.append(joined ? stripEnd(text) : text.strip());
        }
        end(out, paragraphs);
        return paragraphs;
    }

    private static String stripEnd(String s) {
        return s.replaceAll("\\s+$", "");
    }

    private static void end(StringBuilder out, List<String> paragraphs) {
        String result = out.toString().replace(String.valueOf(JOIN), "").replaceAll("\\s+", " ").strip();
        if (!result.isEmpty()) {
            paragraphs.add(result);
        }
        out.setLength(0);
    }

    private static String requestName(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line.substring(1).strip() : line.substring(1, space);
    }

    /** {@code .B word}, {@code .BR read ()} … ; other requests give nothing. */
    private static String macro(String name, String line) {
        int space = line.indexOf(' ');
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
            boolean join = !w.isEmpty() && w.charAt(w.length() - 1) == JOIN;
            if (join) {
                w = w.substring(0, w.length() - 1);
            }
            b.append(font == 'B' ? wrap(w, "**") : font == 'I' ? wrap(w, "*") : w);
            if (join) {
                b.append(JOIN);
            }
        }
        return b.toString();
    }

    private static String[] splitArgs(String args) {
        List<String> words = new ArrayList<>();
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

    /** A named character, {@code \[em]} or {@code \(em}; null for one this renderer does not know. */
    private static String character(String name) {
        return switch (name) {
            case "em" -> "—";
            case "en" -> "–";
            case "aq", "cq", "oq" -> "'";
            case "dq", "lq", "rq" -> "\"";
            case "bu" -> "•";
            case "ha" -> "^";
            case "ti" -> "~";
            case "ga" -> "`";
            case "rs" -> "\\";
            case "mu" -> "×";
            case "hy", "mi" -> "-";
            case "pl" -> "+";
            case "eq" -> "=";
            case "lt" -> "<";
            case "gt" -> ">";
            case "la" -> "⟨";
            case "ra" -> "⟩";
            case "co" -> "©";
            case "de" -> "°";
            case ">=" -> "≥";
            case "<=" -> "≤";
            case "!=" -> "≠";
            case "->" -> "→";
            default -> null;
        };
    }

    /**
     * Inline escapes and font changes ({@code \\fB…\\fR}, {@code \\fI…\\fP}, {@code \\f[B]}), closing a font at the
     * end; a trailing {@code \c} becomes the join mark. An escape this renderer does not know is dropped, never shown.
     */
    static String inline(String s) {
        StringBuilder b = new StringBuilder();
        String open = "";
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\\', 'e' -> b.append('\\');
                case '-' -> b.append('-');
                case '~', ' ', '0' -> b.append(' ');
                case '&', ':', '%', '|', '^', ',', '/', ')' -> { }
                case 't' -> b.append(' ');
                case 'c' -> {
                    if (i == n - 1) {
                        b.append(open).append(JOIN);
                        open = "";
                    }
                }
                case '(' -> {
                    if (i + 2 < n) {
                        String ch = character(s.substring(i + 1, i + 3));
                        b.append(ch == null ? "" : ch);
                        i += 2;
                    }
                }
                case '[' -> {
                    int close = s.indexOf(']', i);
                    if (close > 0) {
                        String ch = character(s.substring(i + 1, close));
                        b.append(ch == null ? "" : ch);
                        i = close;
                    }
                }
                case '*' -> {
                    String name = "";
                    if (i + 1 < n && s.charAt(i + 1) == '(' && i + 3 < n) {
                        name = s.substring(i + 2, i + 4);
                        i += 3;
                    } else if (i + 1 < n && s.charAt(i + 1) == '[') {
                        int close = s.indexOf(']', i);
                        if (close > 0) {
                            name = s.substring(i + 2, close);
                            i = close;
                        }
                    } else if (i + 1 < n) {
                        name = s.substring(i + 1, i + 2);
                        i++;
                    }
                    String ch = character(name);
                    b.append(ch == null ? "" : ch);
                }
                case 'f' -> {
                    String font = "";
                    if (i + 1 < n && s.charAt(i + 1) == '[') {
                        int close = s.indexOf(']', i);
                        if (close > 0) {
                            font = s.substring(i + 2, close);
                            i = close;
                        }
                    } else if (i + 1 < n && s.charAt(i + 1) == '(' && i + 3 < n) {
                        font = s.substring(i + 2, i + 4);
                        i += 3;
                    } else if (i + 1 < n) {
                        font = s.substring(i + 1, i + 2);
                        i++;
                    }
                    b.append(open);
                    open = font.equals("B") ? "**" : font.equals("I") ? "*" : "";
                    b.append(open);
                }
                case 's' -> {
                    // \s-1, \s+2, \s0: size changes
                    int j = i + 1;
                    if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
                        j++;
                    }
                    while (j < n && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                    i = j - 1;
                }
                default -> {
                    // an escape not rendered: dropped rather than shown raw
                }
            }
        }
        if (b.length() > 0 && b.charAt(b.length() - 1) == JOIN) {
            return b.toString();
        }
        return b.append(open).toString();
    }
}
