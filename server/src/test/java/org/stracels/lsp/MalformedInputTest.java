package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not a valid message, written raw with correct or broken framing (lsp4j IntegrationTest):
 * the server answers what it can with JSON-RPC errors, ignores the rest, and keeps serving.
 */
class MalformedInputTest {

    @Test
    void garbageNeverStopsTheServer() throws Exception {
        // OS pipes: java.io.Piped* streams break when the thread that last wrote ends (see ServerConnection)
        Pipe serverPipe = Pipe.open();
        InputStream serverIn = Channels.newInputStream(serverPipe.source());
        OutputStream toServer = Channels.newOutputStream(serverPipe.sink());
        Pipe clientPipe = Pipe.open();
        InputStream clientIn = Channels.newInputStream(clientPipe.source());
        OutputStream toClient = Channels.newOutputStream(clientPipe.sink());
        CompletableFuture<Integer> launched = CompletableFuture.supplyAsync(() -> {
            try {
                return ServerLauncher.launch(serverIn, toClient, new StraceLanguageServer(Duration.ZERO));
            } finally {
                close(toClient);
            }
        });
        Frames frames = Frames.readFrom(clientIn);
        try {
            // framed bytes that are not JSON, JSON that is not a message, a header block without Content-Length
            Frames.write(toServer, "{not json at");
            Frames.write(toServer, "[1, 2, 3]");
            Frames.writeRaw(toServer, "X-Nonsense: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // a request for a method nobody serves, a request with params of the wrong shape
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"strace/nothingHere\",\"params\":{}}");
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":\"oops\"}");
            // notifications with params of the wrong shape or about a document that is not open
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":5}}");
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{}}");
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":"
                    + "{\"textDocument\":{\"uri\":\"file:///never-opened\",\"version\":2},\"contentChanges\":[{\"text\":\"x\"}]}}");

            assertThat(error(frames.awaitResponse(1)).get("code").getAsInt()).isEqualTo(-32601); // method not found
            assertThat(error(frames.awaitResponse(2))).isNotNull();

            // ...and the server still works: initialize, a document, its diagnostics, shutdown, exit
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            JsonObject initialized = frames.awaitResponse(3);
            assertThat(initialized.getAsJsonObject("result").getAsJsonObject("capabilities")
                    .getAsJsonObject("textDocumentSync").get("change").getAsInt()).isEqualTo(2);
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                    + "{\"uri\":\"file:///t.strace\",\"languageId\":\"strace\",\"version\":1,"
                    + "\"text\":\"close(9) = -1 EBADF (Bad file descriptor)\\n\"}}}");
            JsonObject published = frames.awaitNotification("textDocument/publishDiagnostics",
                    m -> "file:///t.strace".equals(Frames.string(m.getAsJsonObject("params"), "uri")));
            JsonObject diagnostic = published.getAsJsonObject("params").getAsJsonArray("diagnostics").get(0).getAsJsonObject();
            assertThat(diagnostic.get("code").getAsString()).isEqualTo("EBADF");
            assertThat(published.getAsJsonObject("params").get("version").getAsInt()).isEqualTo(1);

            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\"}");
            JsonObject shutdown = frames.awaitResponse(4);
            assertThat(shutdown.has("error")).isFalse();
            assertThat(shutdown.has("result")).isTrue();
            Frames.write(toServer, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");

            assertThat(launched.get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isZero();
            frames.awaitEndAndCheckClean();
            assertThat(frames.received).noneMatch(m -> "file:///never-opened".equals(
                    m.has("params") && m.get("params").isJsonObject() ? Frames.string(m.getAsJsonObject("params"), "uri") : null));
        } finally {
            close(toServer);
            close(toClient);
        }
    }

    private static JsonObject error(JsonObject response) {
        assertThat(response.has("error")).as("error in %s", response).isTrue();
        return response.getAsJsonObject("error");
    }

    private static void close(OutputStream out) {
        try {
            out.close();
        } catch (java.io.IOException e) {
            // already closed
        }
    }
}
