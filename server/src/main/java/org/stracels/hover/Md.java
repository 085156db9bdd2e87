package org.stracels.hover;

/** Builds the Markdown of a hover: a heading line, paragraphs and short labelled facts. */
final class Md {
    private final StringBuilder b = new StringBuilder();

    Md code(String signatureOrValue) {
        gap();
        b.append("```text\n").append(signatureOrValue).append("\n```");
        return this;
    }

    Md heading(String text) {
        gap();
        b.append("**").append(text).append("**");
        return this;
    }

    Md para(String text) {
        if (text != null && !text.isBlank()) {
            gap();
            b.append(text);
        }
        return this;
    }

    /** A "label: text" line. */
    Md fact(String label, String text) {
        if (text != null && !text.isBlank()) {
            gap();
            b.append("*").append(label).append(":* ").append(text);
        }
        return this;
    }

    Md bullet(String text) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append("\n\n");
        }
        b.append("- ").append(text).append('\n');
        return this;
    }

    Md link(String label, String url) {
        gap();
        b.append('[').append(label).append("](").append(url).append(')');
        return this;
    }

    boolean isEmpty() {
        return b.length() == 0;
    }

    private void gap() {
        if (b.length() > 0) {
            if (b.charAt(b.length() - 1) == '\n') {
                b.append('\n');
            } else {
                b.append("\n\n");
            }
        }
    }

    static String tick(String s) {
        return "`" + s.replace("`", "'") + "`";
    }

    @Override
    public String toString() {
        return b.toString().strip();
    }
}
