package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broken framing over a real pipe (issue 16's five frames, and more): each costs at most the message it
 * broke; the next good request is answered, and the server ends cleanly on shutdown and exit.
 */
class FrameResyncTest {
    private PipedServer piped;
    private OutputStream toServer;
    private Frames frames;
    private CompletableFuture<Integer> launched;

    @BeforeEach
    void start() throws Exception {
        piped = new PipedServer(new StraceLanguageServer(Duration.ZERO), java.util.concurrent.ForkJoinPool.commonPool());
        toServer = piped.toServer;
        launched = piped.launched;
        frames = Frames.readFrom(piped.fromServer);
        Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
        assertThat(frames.awaitResponse(1).has("result")).isTrue();
        Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":999,\"method\":\"shutdown\"}");
            assertThat(frames.awaitResponse(999).has("result")).isTrue();
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertThat(launched.get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
            frames.awaitEndAndCheckClean();
        } finally {
            piped.close();
        }
    }

    @Test
    void contentLengthTenBytesShort() throws Exception {
        byte[] body = hover(10).getBytes(StandardCharsets.UTF_8);
        Frames.writeRaw(toServer, header(body.length - 10), body);
        // the cut body is not JSON; its id could be read, so it gets the parse error
        assertThat(errorCode(frames.awaitResponse(10))).isEqualTo(-32700);
        assertAnswered(11);
    }

    @Test
    void contentLengthThirtyBytesLongSwallowsTheNextFrame() throws Exception {
        byte[] body = hover(20).getBytes(StandardCharsets.UTF_8);
        byte[] next = hover(21).getBytes(StandardCharsets.UTF_8);
        // one write: the long frame's body takes the first 30 bytes of the next frame
        Frames.writeRaw(toServer, concat(header(body.length + 30), body, header(next.length), next));
        assertThat(errorCode(frames.awaitResponse(20))).isEqualTo(-32700);
        assertThat(frames.awaitResponse(21).has("result")).isTrue();
        assertAnswered(22);
    }

    @Test
    void contentLengthNotANumber() throws Exception {
        Frames.writeRaw(toServer, "Content-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                hover(30).getBytes(StandardCharsets.UTF_8));
        assertAnswered(31);
    }

    @Test
    void headerBlockWithoutContentLength() throws Exception {
        Frames.writeRaw(toServer, "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII), hover(40).getBytes(StandardCharsets.UTF_8));
        assertAnswered(41);
    }

    @Test
    void garbageWithoutHeader() throws Exception {
        byte[] garbage = new byte[512];
        new Random(16).nextBytes(garbage);
        Frames.writeRaw(toServer, garbage);
        assertAnswered(51);
        // and text garbage with line ends, a stray "Content-Length" without a colon in it
        Frames.writeRaw(toServer, "oops\r\nContent-Length\r\n{\"id\":3}\n\n".getBytes(StandardCharsets.US_ASCII));
        assertAnswered(52);
    }

    @Test
    void headersInAnyCaseAndContentTypeAccepted() throws Exception {
        byte[] body = hover(60).getBytes(StandardCharsets.UTF_8);
        Frames.writeRaw(toServer, ("content-type: application/vscode-jsonrpc; charset=utf8\r\nCONTENT-LENGTH: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
        assertThat(frames.awaitResponse(60).has("result")).isTrue();
    }

    @Test
    void bodyOverTheLimitIsSkippedUnread() throws Exception {
        // 600 MB announced, a good frame after a few bytes: the reader never allocates the body
        Frames.writeRaw(toServer, ("Content-Length: " + (600L << 20) + "\r\n\r\n{\"jsonrpc\":").getBytes(StandardCharsets.US_ASCII));
        assertAnswered(70);
    }

    @Test
    void jsonThatIsNotJsonRpcGetsInvalidRequest() throws Exception {
        Frames.write(toServer, "{\"id\":80,\"params\":{}}");
        assertThat(errorCode(frames.awaitResponse(80))).isEqualTo(-32600);
        Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":81,\"method\":");
        assertThat(errorCode(frames.awaitResponse(81))).isEqualTo(-32700);
        assertAnswered(82);
    }

    private void assertAnswered(int id) throws Exception {
        Frames.write(toServer, hover(id));
        JsonObject response = frames.awaitResponse(id);
        assertThat(response.has("error")).as("%s", response).isFalse();
        assertThat(response.has("result")).isTrue();
    }

    /** A hover on a document that is not open: answered with a null result. */
    private static String hover(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"file:///not-open.strace\"},\"position\":{\"line\":0,\"character\":0}}}";
    }

    private static byte[] header(long length) {
        return ("Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static int errorCode(JsonObject response) {
        assertThat(response.has("error")).as("error in %s", response).isTrue();
        return response.getAsJsonObject("error").get("code").getAsInt();
    }
}
