package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stracels.lsp.ServerConnection.edit;
import static org.stracels.lsp.TestData.code;
import static org.stracels.lsp.TestData.line;
import static org.stracels.lsp.TestData.on;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;

/** The server end to end, over the real protocol on pipes, with real traces. */
class LanguageServerTest {
    private static final String PLAIN = TestData.text("plain.strace");
    private static final String PLAIN_URI = TestData.uri("plain.strace");
    /** Character of the status in "+++ exited with 2 +++". */
    private static final int STATUS = "+++ exited with ".length();

    @Test
    void initializeAdvertisesExactlyTheFeaturesTheServerHas() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            InitializeResult result = c.initialize();

            // Serialized as the client receives it: any other capability would show up here.
            JsonObject capabilities = JsonParser.parseString(
                    new MessageJsonHandler(Map.of()).getGson().toJson(result.getCapabilities())).getAsJsonObject();
            assertThat(capabilities).isEqualTo(JsonParser.parseString("""
                    {"textDocumentSync": {"openClose": true, "change": 2}, "hoverProvider": true,
                     "definitionProvider": true, "referencesProvider": true, "documentHighlightProvider": true,
                     "documentSymbolProvider": true, "workspaceSymbolProvider": true,
                     "codeLensProvider": {"resolveProvider": false}, "foldingRangeProvider": true,
                     "semanticTokensProvider": {"legend": {
                         "tokenTypes": ["function", "enumMember", "macro", "event", "string", "number", "variable",
                                        "namespace", "comment", "property", "operator", "keyword"],
                         "tokenModifiers": ["readonly", "defaultLibrary", "address", "timestamp", "duration"]},
                       "range": true, "full": true},
                     "inlayHintProvider": true, "documentLinkProvider": {"resolveProvider": false},
                     "executeCommandProvider": {"commands": ["strace.showLocation", "strace.view", "strace.summary"]}}"""));
            assertThat(result.getServerInfo().getName()).isEqualTo("strace-ls");
            assertThat(result.getServerInfo().getVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        }
    }

    @Test
    void publishesTheFindingsOfARealTrace() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(PLAIN_URI, 1, PLAIN);
            List<Diagnostic> diagnostics = c.client.awaitDiagnostics(PLAIN_URI, 1).getDiagnostics();

            // statx(AT_FDCWD, "/nonexistent", ...) = -1 ENOENT (No such file or directory): a real failure
            assertThat(line(PLAIN, 62)).startsWith("statx(AT_FDCWD, \"/nonexistent\"");
            Diagnostic missing = single(on(diagnostics, 62));
            int errno = line(PLAIN, 62).lastIndexOf("ENOENT");
            assertThat(missing.getRange()).isEqualTo(new Range(new Position(62, errno), new Position(62, errno + 6)));
            assertThat(missing.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
            assertThat(missing.getSource()).isEqualTo("strace");
            assertThat(code(missing)).isEqualTo("ENOENT");
            assertThat(missing.getMessage().getLeft()).contains("statx", "/nonexistent");

            // access("/etc/ld.so.preload", R_OK) = -1 ENOENT: the loader probing, routine, so only a hint
            assertThat(line(PLAIN, 3)).startsWith("access(\"/etc/ld.so.preload\"");
            Diagnostic probe = single(on(diagnostics, 3));
            assertThat(probe.getSeverity()).isEqualTo(DiagnosticSeverity.Hint);
            assertThat(code(probe)).isEqualTo("ENOENT");

            // +++ exited with 2 +++: the range is the status, related information points at the first line
            assertThat(line(PLAIN, 73)).isEqualTo("+++ exited with 2 +++");
            Diagnostic exit = single(on(diagnostics, 73));
            assertThat(exit.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
            assertThat(code(exit)).isEqualTo("nonzero-exit");
            assertThat(exit.getRange()).isEqualTo(new Range(new Position(73, STATUS), new Position(73, STATUS + 1)));
            DiagnosticRelatedInformation start = single(exit.getRelatedInformation());
            assertThat(start.getLocation().getUri()).isEqualTo(PLAIN_URI);
            assertThat(start.getLocation().getRange())
                    .isEqualTo(new Range(new Position(0, 0), new Position(0, line(PLAIN, 0).length())));

            // 64: ls's message on stderr, a reported error (CauseProtocolTest covers it)
            assertThat(diagnostics).extracting(d -> d.getRange().getStart().getLine())
                    .containsExactly(3, 48, 49, 58, 59, 62, 63, 64, 73);
            assertThat(diagnostics).allSatisfy(d -> assertThat(d.getSource()).isEqualTo("strace"));
        }
    }

    @Test
    void rangesSkipThePidAndTimePrefix() throws Exception {
        String text = TestData.text("xauth-lock.strace");
        String uri = TestData.uri("xauth-lock.strace");
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 7, text);
            List<Diagnostic> diagnostics = c.client.awaitDiagnostics(uri, 7).getDiagnostics();

            // 10130 03:43:08.303264 link("…-c", "…-l") = -1 EEXIST (File exists) <0.000004>, three times
            for (int i : new int[] {31, 33, 35}) {
                Diagnostic exists = single(on(diagnostics, i));
                int errno = line(text, i).indexOf("EEXIST");
                assertThat(exists.getRange()).isEqualTo(new Range(new Position(i, errno), new Position(i, errno + 6)));
                assertThat(code(exists)).isEqualTo("EEXIST");
                assertThat(exists.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
            }
            Diagnostic exit = single(on(diagnostics, 39));
            int status = line(text, 39).indexOf("exited with 1") + "exited with ".length();
            assertThat(exit.getRange()).isEqualTo(new Range(new Position(39, status), new Position(39, status + 1)));
            assertThat(code(exit)).isEqualTo("nonzero-exit");
            assertThat(exit.getMessage().getLeft()).contains("10130");
        }
    }

    @Test
    void incrementalEditsUpdateTheDiagnosticsUnderTheNewVersion() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(PLAIN_URI, 1, PLAIN);
            c.client.awaitDiagnostics(PLAIN_URI, 1);

            // v2: the first statx of /nonexistent succeeds: "= -1 ENOENT (No such file or directory)" becomes "= 0"
            String failing = line(PLAIN, 62);
            int minusOne = failing.lastIndexOf("-1 ENOENT");
            c.change(PLAIN_URI, 2, edit(62, minusOne, 62, failing.length(), "0"));
            List<Diagnostic> v2 = c.client.awaitDiagnostics(PLAIN_URI, 2).getDiagnostics();
            assertThat(on(v2, 62)).isEmpty();
            // 64: ls's message on stderr, a reported error
            assertThat(v2).extracting(d -> d.getRange().getStart().getLine()).containsExactly(3, 48, 49, 58, 59, 63, 64, 73);

            // v3, two changes in one notification, each against the text the previous one left:
            // delete line 63 (the second failing statx), then turn the exit status on what is now line 72 into 0
            c.change(PLAIN_URI, 3, edit(63, 0, 64, 0, ""), edit(72, STATUS, 72, STATUS + 1, "0"));
            List<Diagnostic> v3 = c.client.awaitDiagnostics(PLAIN_URI, 3).getDiagnostics();
            assertThat(v3).extracting(d -> d.getRange().getStart().getLine()).containsExactly(3, 48, 49, 58, 59, 63);
            assertThat(v3).extracting(TestData::code).doesNotContain("nonzero-exit");

            // v4: the exit status back to 3, on line 72 now
            c.change(PLAIN_URI, 4, edit(72, STATUS, 72, STATUS + 1, "3"));
            Diagnostic exit = single(on(c.client.awaitDiagnostics(PLAIN_URI, 4).getDiagnostics(), 72));
            assertThat(code(exit)).isEqualTo("nonzero-exit");
            assertThat(exit.getMessage().getLeft()).contains("status 3");
        }
    }

    @Test
    void closingADocumentClearsItsDiagnostics() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(PLAIN_URI, 1, PLAIN);
            assertThat(c.client.awaitDiagnostics(PLAIN_URI, 1).getDiagnostics()).isNotEmpty();

            c.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(PLAIN_URI)));
            assertThat(c.client.awaitDiagnostics(PLAIN_URI, null).getDiagnostics()).isEmpty();
        }
    }

    @Test
    void errnoRangeCountsUtf16CodeUnits() throws Exception {
        // "é" is one UTF-16 unit, "😀" two: the range must count units, not bytes (UTF-8) or code points.
        String failing = "openat(AT_FDCWD, \"/tmp/café😀\", O_RDONLY) = -1 ENOENT (No such file or directory)";
        String text = "brk(NULL) = 0x55\r\n" + failing + "\r\n" + "+++ exited with 0 +++\n";
        String uri = "file:///tmp/unicode.strace";
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text);
            Diagnostic d = single(c.client.awaitDiagnostics(uri, 1).getDiagnostics());

            int utf16 = failing.indexOf("ENOENT");
            assertThat(failing.codePointCount(0, utf16)).isEqualTo(utf16 - 1); // the emoji really is a surrogate pair
            assertThat(d.getRange()).isEqualTo(new Range(new Position(1, utf16), new Position(1, utf16 + 6)));

            // an edit placed after the emoji, in UTF-16 units: "café😀" becomes "café😀2"
            int afterEmoji = failing.indexOf("😀") + 2;
            c.change(uri, 2, edit(1, afterEmoji, 1, afterEmoji, "2"));
            Diagnostic moved = single(c.client.awaitDiagnostics(uri, 2).getDiagnostics());
            assertThat(moved.getRange().getStart()).isEqualTo(new Position(1, utf16 + 1));
            assertThat(moved.getMessage().getLeft()).contains("/tmp/café😀2");
        }
    }

    @Test
    void quickEditsNeverPublishAnOlderVersionAfterANewerOne() throws Exception {
        try (ServerConnection c = ServerConnection.start(new StraceLanguageServer(Duration.ofMillis(50)))) {
            c.initialize();
            c.open(PLAIN_URI, 1, PLAIN);
            for (int version = 2; version <= 8; version++) {
                c.change(PLAIN_URI, version, edit(73, STATUS, 73, STATUS + 1, Integer.toString(version)));
            }
            Diagnostic exit = single(on(c.client.awaitDiagnostics(PLAIN_URI, 8).getDiagnostics(), 73));
            assertThat(exit.getMessage().getLeft()).contains("status 8");
            // The empty list on close leaves on the same single thread, after anything still queued.
            c.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(PLAIN_URI)));
            c.client.awaitDiagnostics(PLAIN_URI, null);

            List<Integer> versions = c.client.published.stream().map(PublishDiagnosticsParams::getVersion).toList();
            assertThat(versions.get(versions.size() - 1)).isNull();
            assertThat(versions.subList(0, versions.size() - 1)).isSorted().doesNotHaveDuplicates().endsWith(8);
        }
    }

    @Test
    void exitAfterShutdownEndsLaunchWithZero() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.shutdown();
            c.server.exit();
            assertThat(c.exitCode()).isZero();
        }
    }

    @Test
    void exitWithoutShutdownEndsLaunchWithOne() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.server.exit();
            assertThat(c.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void endOfInputEndsLaunch() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.closeInput();
            assertThat(c.exitCode()).isEqualTo(1);
        }
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.shutdown();
            c.closeInput();
            assertThat(c.exitCode()).isZero();
        }
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
