package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.stracels.analysis.Trace;
import org.stracels.report.HtmlReport;

/** {@code strace.report} over the real protocol: for an open document, for a file the editor never sent, bad calls. */
class ReportProtocolTest {
    private static final long TIMEOUT = TestData.TIMEOUT.toMillis();

    private static JsonObject uri(String uri) {
        JsonObject o = new JsonObject();
        o.addProperty("uri", uri);
        return o;
    }

    private static Object report(ServerConnection c, Object... args) throws Exception {
        return c.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("strace.report", List.of(args)))
                .get(TIMEOUT * 4, TimeUnit.MILLISECONDS);
    }

    @Test
    void writesTheReportOfAnOpenDocumentAsTheEditorHasIt() throws Exception {
        String uri = TestData.uri("xauth-lock.strace");
        String text = TestData.text("xauth-lock.strace");
        // the editor's text differs from the file: the report is of what the editor has
        String edited = text + "12345 +++ exited with 7 +++\n";
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, edited);
            Object result = report(c, uri(uri));
            Path html = Path.of(result.toString().replace("\"", ""));
            assertThat(html).isRegularFile();
            String page = Files.readString(html, StandardCharsets.UTF_8);
            assertThat(page).startsWith("<!DOCTYPE html>").contains("xauth-lock.strace").contains("exited with 7");
        }
    }

    @Test
    void readsTheFileWhenTheEditorDidNotOpenIt() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            Object result = report(c, uri(TestData.uri("killed.strace")));
            Path html = Path.of(result.toString().replace("\"", ""));
            String page = Files.readString(html, StandardCharsets.UTF_8);
            assertThat(page).contains("killed by SIGKILL");
            // read from disk window by window, it is the page of the same text in memory
            StringWriter whole = new StringWriter();
            HtmlReport.write(Trace.of(TestData.text("killed.strace")), "killed.strace", whole);
            assertThat(page).isEqualTo(whole.toString());
        }
    }

    @Test
    void badArgumentsAnswerAnError() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            for (Object[] args : new Object[][] {{}, {"file:///x"}, {uri("file:///no/such/trace.strace")}, {uri("http://example.com/t")},
                {uri("not a uri")}}) {
                assertThatThrownBy(() -> report(c, args)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(ResponseErrorException.class);
            }
            // a file that is not there: the error says so in one line
            assertThatThrownBy(() -> report(c, uri("file:///no/such/trace.strace"))).cause()
                    .isInstanceOf(ResponseErrorException.class).hasMessageContaining("file:///no/such/trace.strace")
                    .hasMessageContaining("no such file");
            // and the server still answers
            assertThat(report(c, uri(TestData.uri("plain.strace"))).toString().replace("\"", "")).endsWith(".html");
        }
    }
}
