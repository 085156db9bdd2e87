package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built jar as an editor runs it: {@code java -jar strace-ls.jar}, a separate process speaking LSP on
 * stdin/stdout, started through the jar's one entry point. Checks that stdout carries nothing but
 * well-formed frames and that the process exits with 0 after shutdown and exit.
 */
class ServerJarIT {

    @Test
    void theJarServesAFailingTraceOverStdio() throws Exception {
        Path jar = Path.of(System.getProperty("server.jar", "target/strace-ls.jar"));
        assertThat(jar).isRegularFile();
        Path stderr = Files.createTempFile("strace-ls-it", ".stderr");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())
                .redirectError(stderr.toFile())
                .start();
        try {
            Frames frames = Frames.readFrom(process.getInputStream());
            OutputStream in = process.getOutputStream();
            String uri = TestData.uri("fail.strace");

            Frames.write(in, request(1, "initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}"));
            JsonObject initialized = frames.awaitResponse(1).getAsJsonObject("result");
            assertThat(initialized.getAsJsonObject("serverInfo").get("name").getAsString()).isEqualTo("strace-ls");
            Frames.write(in, notification("initialized", "{}"));

            JsonObject item = new JsonObject();
            item.addProperty("uri", uri);
            item.addProperty("languageId", "strace");
            item.addProperty("version", 1);
            item.addProperty("text", TestData.text("fail.strace"));
            JsonObject open = new JsonObject();
            open.add("textDocument", item);
            Frames.write(in, notification("textDocument/didOpen", open.toString()));

            JsonObject params = frames.awaitNotification("textDocument/publishDiagnostics",
                    m -> uri.equals(Frames.string(m.getAsJsonObject("params"), "uri"))).getAsJsonObject("params");
            assertThat(params.get("version").getAsInt()).isEqualTo(1);
            JsonArray diagnostics = params.getAsJsonArray("diagnostics");
            // fail.strace is `ls /nonexistent`: two failing statx of /nonexistent (lines 60, 61) and exit status 2
            assertThat(diagnostics).anySatisfy(d -> {
                JsonObject o = d.getAsJsonObject();
                assertThat(o.get("code")).isEqualTo(new JsonPrimitive("ENOENT"));
                assertThat(o.get("severity").getAsInt()).isEqualTo(2); // Warning
                assertThat(o.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt()).isEqualTo(60);
            });
            assertThat(diagnostics).anySatisfy(d -> assertThat(d.getAsJsonObject().get("code"))
                    .isEqualTo(new JsonPrimitive("nonzero-exit")));

            Frames.write(in, request(2, "shutdown", null));
            assertThat(frames.awaitResponse(2).has("error")).isFalse();
            Frames.write(in, notification("exit", null));

            assertThat(process.waitFor(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("process ended").isTrue();
            assertThat(process.exitValue()).as("exit code; stderr: %s", Files.readString(stderr)).isZero();
            frames.awaitEndAndCheckClean();
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }

    /**
     * A trace bigger than the server's heap can hold as a document (here 48 MB with -Xmx96m, so that the test is
     * quick; the same happens to a 200 MB trace on a 512 MB heap) is passed over, not read: one warning on the
     * document and one notification say so and point at the summary and views, a request too big gets -32600, and
     * the server goes on answering.
     */
    @Test
    void aTraceTooBigForTheHeapIsRefusedAndTheServerGoesOn() throws Exception {
        Path jar = Path.of(System.getProperty("server.jar", "target/strace-ls.jar"));
        Path stderr = Files.createTempFile("strace-ls-it", ".stderr");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-jar", jar.toString())
                .redirectError(stderr.toFile())
                .start();
        try {
            Frames frames = Frames.readFrom(process.getInputStream());
            OutputStream in = process.getOutputStream();
            Frames.write(in, request(1, "initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}"));
            frames.awaitResponse(1);
            Frames.write(in, notification("initialized", "{}"));

            String one = TestData.text("busy.strace");
            StringBuilder big = new StringBuilder();
            while (big.length() < 48_000_000) {
                big.append(one);
            }
            String uri = "file:///tmp/strace-ls-it-too-big.strace";
            JsonObject item = new JsonObject();
            item.addProperty("uri", uri);
            item.addProperty("languageId", "strace");
            item.addProperty("version", 1);
            item.addProperty("text", big.toString());
            JsonObject open = new JsonObject();
            open.add("textDocument", item);
            Frames.write(in, notification("textDocument/didOpen", open.toString()));
            item.addProperty("text", "");
            big = null;

            JsonObject published = frames.awaitNotification("textDocument/publishDiagnostics",
                    m -> uri.equals(Frames.string(m.getAsJsonObject("params"), "uri"))).getAsJsonObject("params");
            JsonArray diagnostics = published.getAsJsonArray("diagnostics");
            assertThat(diagnostics).hasSize(1);
            JsonObject warning = diagnostics.get(0).getAsJsonObject();
            assertThat(warning.get("code").getAsString()).isEqualTo("trace-too-big");
            assertThat(warning.get("source").getAsString()).isEqualTo("strace");
            assertThat(warning.get("message").getAsString()).contains("strace.summary").contains("strace.view");
            JsonObject shown = frames.awaitNotification("window/showMessage", m -> true).getAsJsonObject("params");
            assertThat(shown.get("message").getAsString()).contains("This trace (");

            // a request too big is answered with an error, not dropped
            String pad = "x".repeat(25_000_000);
            Frames.write(in, request(2, "workspace/executeCommand",
                    "{\"command\":\"strace.summary\",\"arguments\":[{\"uri\":\"" + pad + "\"}]}"));
            JsonObject refused = frames.awaitResponse(2);
            assertThat(refused.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32600);

            // and the server goes on: a trace of a normal size is analysed
            String small = TestData.uri("fail.strace");
            item.addProperty("uri", small);
            item.addProperty("text", TestData.text("fail.strace"));
            Frames.write(in, notification("textDocument/didOpen", open.toString()));
            JsonArray found = frames.awaitNotification("textDocument/publishDiagnostics",
                    m -> small.equals(Frames.string(m.getAsJsonObject("params"), "uri")))
                    .getAsJsonObject("params").getAsJsonArray("diagnostics");
            assertThat(found).anySatisfy(d -> assertThat(d.getAsJsonObject().get("code"))
                    .isEqualTo(new JsonPrimitive("ENOENT")));

            // closing the refused document takes its warning away
            JsonObject close = new JsonObject();
            JsonObject id = new JsonObject();
            id.addProperty("uri", uri);
            close.add("textDocument", id);
            Frames.write(in, notification("textDocument/didClose", close.toString()));
            assertThat(frames.awaitNotification("textDocument/publishDiagnostics",
                    m -> uri.equals(Frames.string(m.getAsJsonObject("params"), "uri"))
                            && m.getAsJsonObject("params").getAsJsonArray("diagnostics").isEmpty())).isNotNull();

            Frames.write(in, request(3, "shutdown", null));
            assertThat(frames.awaitResponse(3).has("error")).isFalse();
            Frames.write(in, notification("exit", null));
            assertThat(process.waitFor(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("process ended").isTrue();
            assertThat(process.exitValue()).as("exit code; stderr: %s", Files.readString(stderr)).isZero();
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }

    private static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}";
    }

    private static String notification(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}";
    }
}
