package org.stracels.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The input of {@link FrameReader}, with bytes that can be put back in front of it and a scan for the next header. */
final class FrameInput {
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final InputStream stream;
    private byte[] buf = new byte[8192];
    private int pos;
    private int limit;

    FrameInput(InputStream stream) {
        this.stream = stream;
    }

    /** The next byte, or -1 at the end. */
    int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    private boolean fill() throws IOException {
        if (buf.length > 1 << 16) {
            buf = new byte[8192]; // after a large unread, back to a small buffer
        }
        int n = stream.read(buf, 0, buf.length);
        if (n <= 0) {
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    void unread(byte[] back) {
        byte[] joined = new byte[back.length + limit - pos];
        System.arraycopy(back, 0, joined, 0, back.length);
        System.arraycopy(buf, pos, joined, back.length, limit - pos);
        buf = joined;
        pos = 0;
        limit = joined.length;
    }

    /**
     * A header line up to its line end, its bytes (line end included) added to {@code taken}; null at the
     * end of input; a line longer than {@code max} is returned cut, which no header name survives.
     */
    String readLine(ByteArrayOutputStream taken, int max) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            taken.write(c);
            if (c == '\n') {
                int n = line.length();
                return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
            }
            if (line.length() == max) {
                return "\u0000" + line; // not a header: the caller puts it back and scans
            }
            line.append((char) c);
        }
    }

    /** Exactly {@code n} bytes, or null when the input ends first. */
    /** Up to {@code n} bytes of what is there now, without waiting for more (at least what is buffered). */
    byte[] readAvailable(int n) throws IOException {
        byte[] out = new byte[n];
        int have = Math.min(n, limit - pos);
        System.arraycopy(buf, pos, out, 0, have);
        pos += have;
        while (have < n && stream.available() > 0) {
            int r = stream.read(out, have, Math.min(n - have, stream.available()));
            if (r <= 0) {
                break;
            }
            have += r;
        }
        return java.util.Arrays.copyOf(out, have);
    }

    byte[] readBody(int n) throws IOException {
        byte[] body = new byte[n];
        int have = Math.min(n, limit - pos);
        System.arraycopy(buf, pos, body, 0, have);
        pos += have;
        while (have < n) {
            int r = stream.read(body, have, n - have);
            if (r <= 0) {
                return null;
            }
            have += r;
        }
        return body;
    }

    /**
     * Skips to the next {@code Content-Length:} (any case) and puts it back, so that the next frame starts
     * there; false at the end of input.
     */
    boolean skipToContentLength() throws IOException {
        int matched = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                return false;
            }
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            if (lower == CONTENT_LENGTH[matched]) {
                if (++matched == CONTENT_LENGTH.length) {
                    unread(CONTENT_LENGTH);
                    return true;
                }
            } else {
                matched = lower == CONTENT_LENGTH[0] ? 1 : 0;
            }
        }
    }
}
