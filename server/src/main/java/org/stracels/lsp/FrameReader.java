package org.stracels.lsp;

import com.google.gson.JsonParseException;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Reads the base protocol's frames ({@code Content-Length} headers, then a JSON-RPC body) and finds its place
 * again after a frame it cannot read, where lsp4j's {@code StreamMessageProducer} stays lost for good.
 *
 * <p>A frame is trusted when its header block has one {@code Content-Length} (header names in any case;
 * {@code Content-Type} accepted, its charset honoured) and the body of that length is exactly one JSON value.
 * On anything else (a line that is not a header, a length that is not a number, no length, a body that is
 * cut or runs into the next frame) it logs one line and scans on from the byte after the frame's start for
 * the next {@code Content-Length:}, re-reading the bytes it had taken for the body: a length too long has
 * swallowed the start of the next frame, which is found there. A body that is not JSON gets the
 * {@code -32700} reply and a JSON value that is not a JSON-RPC message {@code -32600}, when an id can be read.
 * A body longer than {@link #MAX_BODY}, or than a fifth of the heap ({@link #maxBody()}), is never read into
 * memory: the scan passes over it, and {@link FrameOversize} says what it was from its first characters (a body
 * that runs out of memory while it is read or delivered is treated the same way). A request gets -32600.
 */
final class FrameReader implements MessageProducer, Closeable {
    private static final Logger LOG = Logger.getLogger(FrameReader.class.getName());

    /** The largest body read into memory (a didOpen of a 500 MB trace still fits). */
    static final long MAX_BODY = 512L << 20;
    private static final int MAX_HEADER_LINE = 8192;
    private static final int MAX_HEADER_LINES = 32;

    private final FrameInput in;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    private final long maxBody;
    private final FrameOversize oversize;
    private volatile boolean running = true;

    FrameReader(InputStream in, MessageJsonHandler json, MessageIssueHandler issues) {
        this(in, json, issues, MAX_BODY, FrameOversize.Listener.NONE);
    }

    FrameReader(InputStream in, MessageJsonHandler json, MessageIssueHandler issues, long maxBody,
            FrameOversize.Listener oversize) {
        this.in = new FrameInput(in);
        this.json = json;
        this.issues = issues;
        this.maxBody = maxBody;
        this.oversize = new FrameOversize(oversize, maxBody, this::reply);
    }

    /**
     * The largest body this JVM reads: {@link #MAX_BODY}, or a fifth of the heap when that is less (a body is held
     * three times while it is read: bytes, text and the parsed message; then the trace's index comes on top).
     */
    static long maxBody() {
        return Math.min(MAX_BODY, Runtime.getRuntime().maxMemory() / 5);
    }

    @Override
    public void listen(MessageConsumer callback) {
        boolean lost = false;
        try {
            while (running) {
                if (lost && !in.skipToContentLength()) {
                    return;
                }
                Frame frame = readFrame(lost);
                if (frame == null) {
                    return;
                }
                lost = !frame.readable();
                if (!lost) {
                    deliver(frame.body, callback);
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> "input failed: " + e);
        }
    }

    @Override
    public void close() {
        running = false;
    }

    private record Frame(String body, boolean readable) {
    }

    /**
     * One frame from here: null at the end of the input; an unreadable frame (after logging why and putting
     * back what follows its first byte) to make the caller scan for the next header.
     */
    private Frame readFrame(boolean resynced) throws IOException {
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        long length = -1;
        Charset charset = StandardCharsets.UTF_8;
        String problem = null;
        int lines = 0;
        while (problem == null) {
            String line = in.readLine(taken, MAX_HEADER_LINE);
            if (line == null) {
                if (taken.size() > 0) {
                    LOG.warning("input ended inside a frame's headers");
                }
                return null;
            }
            if (line.isEmpty()) {
                if (lines == 0) {
                    continue; // a stray line end between frames
                }
                break;
            }
            lines++;
            int colon = line.indexOf(':');
            String name = colon <= 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon <= 0 ? "" : line.substring(colon + 1).trim();
            if (lines > MAX_HEADER_LINES || !FrameHeaders.isToken(name)) {
                problem = "not a header line";
            } else if (name.equals("content-length")) {
                long n = FrameHeaders.parseLength(value);
                if (n < 0 || (length >= 0 && n != length)) {
                    problem = "Content-Length is not a number: " + abbreviate(value);
                }
                length = n;
            } else if (name.equals("content-type")) {
                charset = FrameHeaders.charset(value, charset);
            }
        }
        if (problem == null && length < 0) {
            problem = "a header block without Content-Length";
        }
        if (problem == null && length > maxBody) {
            oversize.peek(in, length, charset);
            problem = "a body of " + length + " bytes, more than the " + maxBody + " accepted";
        }
        if (problem != null) {
            return lost(problem, taken, null);
        }
        byte[] body;
        try {
            body = in.readBody((int) length);
        } catch (OutOfMemoryError e) {
            oversize.peek(in, length, charset); // nothing of the body was taken yet
            return lost("a body of " + length + " bytes, more than the memory left", taken, null);
        }
        if (body == null) {
            LOG.warning("input ended inside a frame's body");
            return null;
        }
        String text;
        FrameBody shape;
        try {
            text = new String(body, charset);
            shape = FrameBody.of(text);
        } catch (OutOfMemoryError e) {
            String head = FrameOversize.head(body, charset);
            body = null;
            oversize.refused(head, length);
            return new Frame(null, true);
        }
        if (shape.kind() == FrameBody.Kind.NOT_JSON) {
            reply(shape.id(), ResponseErrorCode.ParseError, "Parse error: the body is not one JSON value");
            return lost("a body that is not one JSON value of its Content-Length", taken, body);
        }
        if (shape.kind() == FrameBody.Kind.NOT_JSON_RPC) {
            reply(shape.id(), ResponseErrorCode.InvalidRequest, "Invalid request: not a JSON-RPC message");
            LOG.warning("a frame whose body is not a JSON-RPC message: ignored");
            return new Frame(null, true);
        }
        if (resynced) {
            LOG.fine("found the next readable frame");
        }
        return new Frame(text, true);
    }

    /** Logs why a frame cannot be read and puts back all but its first byte, where the scan starts. */
    private Frame lost(String problem, ByteArrayOutputStream taken, byte[] body) {
        LOG.warning("unreadable frame (" + problem + "): skipping to the next Content-Length header");
        byte[] head = taken.toByteArray();
        byte[] back = new byte[head.length - 1 + (body == null ? 0 : body.length)];
        System.arraycopy(head, 1, back, 0, head.length - 1);
        if (body != null) {
            System.arraycopy(body, 0, back, head.length - 1, body.length);
        }
        in.unread(back);
        return new Frame(null, false);
    }

    private void deliver(String body, MessageConsumer callback) {
        if (body == null) {
            return;
        }
        Message message;
        try {
            message = json.parseMessage(body);
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
            return;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            LOG.warning("a message lsp4j cannot read: " + e.getMessage());
            return;
        } catch (OutOfMemoryError e) {
            oversize.refused(FrameOversize.head(body), body.length());
            return;
        }
        try {
            callback.consume(message);
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
        } catch (OutOfMemoryError e) {
            message = null;
            oversize.refused(FrameOversize.head(body), body.length());
        }
    }

    private void reply(Object id, ResponseErrorCode code, String text) {
        if (id == null) {
            return;
        }
        RequestMessage request = new RequestMessage();
        request.setJsonrpc("2.0");
        request.setMethod("");
        if (id instanceof Number n) {
            request.setId(n.intValue());
        } else {
            request.setId(id.toString());
        }
        issues.handle(request, List.of(new MessageIssue(text, code.getValue())));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
