package org.stracels.lsp;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * What {@link FrameReader} does with a body too big for this heap: it is never read whole; its first characters
 * (what is already there, without waiting) say what it was, a request among them gets -32600, and the
 * {@link Listener} (the server) is told, to say so to the user.
 */
final class FrameOversize {
    /** How many characters of such a body are looked at. */
    static final int HEAD = 64 * 1024;

    /** Told of each message passed over for its size: its first characters, its length and the limit. */
    @FunctionalInterface
    interface Listener {
        Listener NONE = (head, length, limit) -> { };

        void refused(String head, long length, long limit);
    }

    /** How an error reply is sent to a request id. */
    @FunctionalInterface
    interface Reply {
        void send(Object id, ResponseErrorCode code, String text);
    }

    private final Listener listener;
    private final long limit;
    private final Reply reply;

    FrameOversize(Listener listener, long limit, Reply reply) {
        this.listener = listener;
        this.limit = limit;
        this.reply = reply;
    }

    /**
     * Looks at the start of a body of {@code length} bytes that will not be read, and puts it back: its first
     * {@link #ENOUGH} bytes (waiting for them, unless the next frame's header comes first: a length that lies), then
     * what else is there, up to {@link #HEAD}.
     */
    void peek(FrameInput in, long length, Charset charset) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int want = (int) Math.min(length, ENOUGH);
        int matched = 0;
        while (head.size() < want && matched < NEXT.length) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
            int lower = c >= 'A' && c <= 'Z' ? c + 32 : c;
            matched = lower == NEXT[matched] ? matched + 1 : lower == NEXT[0] ? 1 : 0;
        }
        if (matched < NEXT.length) {
            head.writeBytes(in.readAvailable((int) Math.min(length, HEAD) - head.size()));
        }
        byte[] bytes = head.toByteArray();
        in.unread(bytes);
        refused(new String(bytes, charset), length);
    }

    /** Where a message's method, id and document uri are, in every client seen. */
    private static final int ENOUGH = 4096;
    private static final byte[] NEXT = "content-length:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A body of {@code length} bytes starting with {@code head} was passed over. */
    void refused(String head, long length) {
        // a length that lies runs into the next frame: what follows its header is not this message
        int next = head.toLowerCase(Locale.ROOT).indexOf("content-length:");
        String own = next < 0 ? head : head.substring(0, next);
        OversizedMessages.Head h = OversizedMessages.Head.of(own);
        reply.send(h.id(), ResponseErrorCode.InvalidRequest, "Invalid request: a message of "
                + OversizedMessages.megabytes(length) + ", more than the " + OversizedMessages.megabytes(limit)
                + " this server's memory accepts");
        listener.refused(own, length, limit);
    }

    static String head(byte[] body, Charset charset) {
        return new String(body, 0, Math.min(body.length, HEAD), charset);
    }

    static String head(String body) {
        return body.substring(0, Math.min(body.length(), HEAD));
    }
}
