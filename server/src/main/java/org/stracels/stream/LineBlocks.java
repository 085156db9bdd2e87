package org.stracels.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a trace file in blocks of whole lines, never the whole file: bytes are read in fixed buffers, line breaks
 * (LF, CRLF, a lone CR) become LF, and each block is decoded from UTF-8 once (invalid bytes become U+FFFD). A line
 * longer than {@link #MAX_LINE_BYTES} is cut there and the rest of it skipped, so one endless line costs bounded
 * memory. Reads up to the size the file had when it was opened.
 */
public final class LineBlocks implements AutoCloseable {
    /** Lines longer than this many bytes are cut (strace's longest lines, -s 65535 dumps, are far shorter). */
    public static final int MAX_LINE_BYTES = 1 << 20;
    private static final int READ_BYTES = 1 << 22;

    /** A run of whole lines: each ends with LF in {@code text}. */
    public record Block(String text, int firstLine, int lineCount, long bytesRead) { }

    private final TraceInput input;
    private final FileChannel channel;
    private final int linesPerBlock;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
    private byte[] out = new byte[1 << 16];
    private int outLength;
    private int lineLength;
    private int linesInBlock;
    private int nextLine;
    private long position;
    private boolean lastWasCr;
    private boolean eof;
    private boolean cutting;
    private int cutLines;
    private boolean shrank;

    public LineBlocks(TraceInput input, int linesPerBlock) throws TraceInputException {
        this.input = input;
        this.linesPerBlock = Math.max(1, linesPerBlock);
        try {
            this.channel = FileChannel.open(input.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw TraceInput.unreadable(input.name(), e);
        }
    }

    /** The next block, or null after the last. */
    public Block next() throws TraceInputException {
        while (!eof && linesInBlock < linesPerBlock) {
            fill();
        }
        if (eof && outLength > 0 && lineLength > 0 || eof && cutting) {
            endLine(); // a last line without a line break: strace may still be writing it
        }
        if (linesInBlock == 0) {
            return null;
        }
        String text = new String(out, 0, outLength, StandardCharsets.UTF_8);
        Block block = new Block(text, nextLine, linesInBlock, position);
        nextLine += linesInBlock;
        linesInBlock = 0;
        outLength = 0;
        if (out.length > (1 << 26)) {
            out = new byte[1 << 16];
        }
        return block;
    }

    /** Lines cut at {@link #MAX_LINE_BYTES}. */
    public int cutLines() {
        return cutLines;
    }

    /** Bytes read so far. */
    public long bytesRead() {
        return position;
    }

    /**
     * What the reader noticed about the file that the user should know, or null: it grew while it was read (strace
     * is still writing it), it shrank, or lines were cut.
     */
    public String notice() {
        StringBuilder b = new StringBuilder();
        try {
            long now = Files.size(input.path());
            if (now > input.size()) {
                b.append("the file grew while it was read (strace may still be writing it): read the first ")
                        .append(input.size()).append(" bytes");
            }
        } catch (IOException e) {
            b.append("the file vanished while it was read");
        }
        if (shrank) {
            append(b, "the file shrank while it was read: read " + position + " of " + input.size() + " bytes");
        }
        if (cutLines > 0) {
            append(b, cutLines + (cutLines == 1 ? " line was" : " lines were") + " longer than "
                    + (MAX_LINE_BYTES >> 20) + " MiB and cut there");
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append("; ");
        }
        b.append(s);
    }

    private void fill() throws TraceInputException {
        buffer.clear();
        long left = input.size() - position;
        if (left <= 0) {
            eof = true;
            return;
        }
        if (left < buffer.capacity()) {
            buffer.limit((int) left);
        }
        int n;
        try {
            n = channel.read(buffer, position);
        } catch (IOException e) {
            throw TraceInput.unreadable(input.name(), e);
        }
        if (n < 0) {
            shrank = true;
            eof = true;
            return;
        }
        position += n;
        byte[] b = buffer.array();
        int i = 0;
        while (i < n) {
            if (lastWasCr) {
                lastWasCr = false;
                if (b[i] == '\n') {
                    i++;
                    continue;
                }
            }
            int j = i;
            while (j < n && b[j] != '\n' && b[j] != '\r') {
                j++;
            }
            append(b, i, j - i);
            if (j < n) {
                lastWasCr = b[j] == '\r';
                endLine();
                j++;
            }
            i = j;
            if (linesInBlock >= linesPerBlock && i < n) {
                // keep the rest of the buffer for the next block
                position -= n - i;
                return;
            }
        }
    }

    private void append(byte[] b, int from, int length) {
        if (cutting) {
            return;
        }
        int room = MAX_LINE_BYTES - lineLength;
        int take = Math.min(room, length);
        if (outLength + take > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + take));
        }
        System.arraycopy(b, from, out, outLength, take);
        outLength += take;
        lineLength += take;
        if (take < length) {
            cutting = true;
            cutLines++;
        }
    }

    private void endLine() {
        if (outLength + 1 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[outLength++] = '\n';
        lineLength = 0;
        cutting = false;
        linesInBlock++;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written; nothing to lose
        }
    }
}
