package org.stracels.lsp;

import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts char offsets into a text (what the core uses) to LSP positions and back. The one class that does.
 *
 * <p>LSP positions count UTF-16 code units, and so do Java {@code char} offsets, so a character index is
 * simply {@code offset - lineStart}: an emoji counts 2, "é" counts 1, with no decoding. What must match LSP is
 * where lines start: {@code \n}, {@code \r\n} and a lone {@code \r} each end a line, and a final line break
 * opens an empty last line (the editor shows it, clients send positions on it).
 *
 * <p>Positions outside the text are clamped, as the specification asks for characters past the end of a
 * line: a client that is a little off must not make the server throw.
 */
public final class Positions {
    private final String text;
    /** Offset of the first char of each line; never empty. */
    private final int[] lineStarts;

    private Positions(String text, int[] lineStarts) {
        this.text = text;
        this.lineStarts = lineStarts;
    }

    public static Positions of(String text) {
        int[] starts = new int[16];
        int n = 1; // starts[0] = 0
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r') {
                continue;
            }
            if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = i + 1;
        }
        return new Positions(text, Arrays.copyOf(starts, n));
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Offset of the first char of {@code line}, clamped to the text. */
    public int lineStart(int line) {
        if (line < 0) {
            return 0;
        }
        return line >= lineStarts.length ? text.length() : lineStarts[line];
    }

    /** Offset just past the last char of {@code line}, before its line break; clamped to the text. */
    public int lineEnd(int line) {
        if (line < 0) {
            return lineEnd(0);
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        if (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The line holding {@code offset}; an offset on a line break belongs to the line the break ends. */
    public int lineOf(int offset) {
        int o = clamp(offset);
        int i = Arrays.binarySearch(lineStarts, o);
        return i >= 0 ? i : -i - 2;
    }

    public Position position(int offset) {
        int o = clamp(offset);
        int line = lineOf(o);
        return new Position(line, Math.min(o, lineEnd(line)) - lineStarts[line]);
    }

    /** The range of {@code [start, end)}; an end before the start is taken as the start (an empty range). */
    public Range range(int start, int end) {
        return new Range(position(start), position(Math.max(start, end)));
    }

    /** The whole content of {@code line}, without its line break. */
    public Range lineRange(int line) {
        return range(lineStart(line), lineEnd(line));
    }

    /** The offset of {@code position}: a line past the end means the end of the text, a character past the end of its line the end of the line. */
    public int offset(Position position) {
        int line = position.getLine();
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line];
        return start + Math.max(0, Math.min(position.getCharacter(), lineEnd(line) - start));
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }
}
