package org.stracels.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base protocol by hand: Content-Length framing over raw bytes, for tests that must see exactly what
 * crosses the wire (lsp4j IntegrationTest). A reader thread takes frames off a stream and checks that every
 * byte belongs to a well-formed frame holding a JSON-RPC 2.0 message.
 */
final class Frames {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("Content-Length: (\\d+)");
    private static final Pattern CONTENT_TYPE = Pattern.compile("Content-Type: [^\\r\\n]*");

    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    /** Every message read so far, in order. */
    final List<JsonObject> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean ended;

    private Frames(InputStream in) {
        reader = new Thread(() -> readAll(in), "test-frame-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts reading frames from {@code in} until it ends. */
    static Frames readFrom(InputStream in) {
        return new Frames(in);
    }

    static void write(OutputStream out, String json) throws IOException {
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        writeRaw(out, ("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), content);
    }

    static void writeRaw(OutputStream out, byte[]... parts) throws IOException {
        for (byte[] part : parts) {
            out.write(part);
        }
        out.flush();
    }

    /** Waits for the response to request {@code id}. */
    JsonObject awaitResponse(int id) throws InterruptedException {
        return await("response " + id, m -> m.has("id") && !m.has("method") && m.get("id").getAsInt() == id);
    }

    /** Waits for a notification of {@code method} that {@code test} accepts. */
    JsonObject awaitNotification(String method, Predicate<JsonObject> test) throws InterruptedException {
        return await(method, m -> method.equals(string(m, "method")) && !m.has("id") && test.test(m));
    }

    /** Waits until the stream ends, then asserts that everything on it was a well-formed frame. */
    void awaitEndAndCheckClean() throws InterruptedException {
        reader.join(TestData.TIMEOUT.toMillis());
        if (!ended) {
            throw new AssertionError("the stream did not end within " + TestData.TIMEOUT);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("not a clean stream of frames: " + violations);
        }
    }

    private JsonObject await(String what, Predicate<JsonObject> test) throws InterruptedException {
        long deadline = System.nanoTime() + TestData.TIMEOUT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject m = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            if (m == null) {
                throw new AssertionError("no " + what + " within " + TestData.TIMEOUT + "; received " + received
                        + (violations.isEmpty() ? "" : "; violations " + violations));
            }
            if (test.test(m)) {
                return m;
            }
        }
    }

    private void readAll(InputStream in) {
        try {
            while (true) {
                List<String> headers = readHeaders(in);
                if (headers == null) {
                    break;
                }
                int length = -1;
                for (String header : headers) {
                    Matcher m = CONTENT_LENGTH.matcher(header);
                    if (m.matches()) {
                        length = Integer.parseInt(m.group(1));
                    } else if (!CONTENT_TYPE.matcher(header).matches()) {
                        violations.add("unexpected header line: " + header);
                    }
                }
                if (length < 0) {
                    violations.add("frame without Content-Length: " + headers);
                    break;
                }
                byte[] content = in.readNBytes(length);
                if (content.length < length) {
                    violations.add("stream ended inside a frame");
                    break;
                }
                accept(new String(content, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            violations.add("read failed: " + e);
        } finally {
            ended = true;
        }
    }

    private void accept(String json) {
        try {
            JsonElement element = JsonParser.parseString(json);
            if (!element.isJsonObject() || !"2.0".equals(string(element.getAsJsonObject(), "jsonrpc"))) {
                violations.add("not a JSON-RPC 2.0 message: " + json);
                return;
            }
            received.add(element.getAsJsonObject());
            messages.add(element.getAsJsonObject());
        } catch (RuntimeException e) {
            violations.add("not JSON: " + json);
        }
    }

    /** Header lines up to the empty line; null at a clean end of the stream (between frames). */
    private List<String> readHeaders(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (lines.isEmpty() && line.size() == 0) {
                    return null;
                }
                violations.add("stream ended inside headers: " + lines + " " + line);
                return null;
            }
            if (c != '\n') {
                line.write(c);
                continue;
            }
            String text = line.toString(StandardCharsets.US_ASCII);
            line.reset();
            if (!text.endsWith("\r")) {
                violations.add("header line not ended by CRLF: " + text);
            }
            text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            if (text.isEmpty()) {
                return lines;
            }
            lines.add(text);
        }
    }

    static String string(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}
