package org.stracels.hover;

/**
 * What to show for the token under the cursor.
 *
 * @param start    offset of the first char of the token the hover is about
 * @param end      offset just past it
 * @param markdown the explanation, in Markdown
 */
public record Hover(int start, int end, String markdown) {

    /** The same text for clients that do not take Markdown: no backticks, emphasis or link syntax. */
    public String plainText() {
        return markdown.replace("```text\n", "").replace("```", "").replace("`", "").replace("**", "")
                .replaceAll("\\[([^\\]]*)\\]\\((https?://[^)]*)\\)", "$1 <$2>").replace("\\|", "|");
    }
}
