package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stracels.lsp.ServerConnection.await;
import static org.stracels.lsp.TestData.code;
import static org.stracels.lsp.TestData.line;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.InlayHintWorkspaceCapabilities;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Settings over the protocol: the same {@code {"strace": …}} at initialize and on didChangeConfiguration, bad
 * values logged to the client and replaced by defaults, and the cap on diagnostics per file.
 */
class SettingsProtocolTest {
    private static final String PLAIN = TestData.text("plain.strace");
    private static final String PLAIN_URI = TestData.uri("plain.strace");

    private static InitializeParams withOptions(String json) {
        InitializeParams params = new InitializeParams();
        params.setInitializationOptions(JsonParser.parseString(json));
        return params;
    }

    private static List<Integer> lines(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.getRange().getStart().getLine()).toList();
    }

    @Test
    void severitiesFromInitializationOptionsThenFromAConfigurationChange() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize(withOptions("{\"strace\": {\"diagnostics\": {\"severity\": {\"noise\": \"off\"}}}}"));
            c.open(PLAIN_URI, 1, PLAIN);
            // the loader and libselinux probes are noise: left out; the statx failures, ls's message and the exit stay
            assertThat(lines(c.client.awaitDiagnostics(PLAIN_URI, 1).getDiagnostics())).containsExactly(62, 63, 64, 73);

            c.configure("{\"strace\": {\"diagnostics\": {\"severity\": {\"failure\": \"error\", \"nonzeroExit\": \"off\"}}}}");
            List<Diagnostic> again = c.client.awaitDiagnostics(PLAIN_URI, 1).getDiagnostics();
            // a change replaces the settings as a whole: noise is back to hints
            assertThat(lines(again)).containsExactly(3, 48, 49, 58, 59, 62, 63, 64);
            assertThat(again.get(5).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(again.get(0).getSeverity()).isEqualTo(DiagnosticSeverity.Hint);
        }
    }

    @Test
    void aConfigurationChangeWithoutAStraceSectionKeepsTheSettings() throws Exception {
        // Eglot, LSP4IJ and Sublime send {} (or other sections) right after connecting
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize(withOptions("{\"strace\": {\"diagnostics\": {\"severity\": {\"noise\": \"off\"}}}}"));
            c.configure("{}");
            c.configure("{\"python\": {\"x\": 1}}");
            c.open(PLAIN_URI, 1, PLAIN);
            assertThat(lines(c.client.awaitDiagnostics(PLAIN_URI, 1).getDiagnostics())).containsExactly(62, 63, 64, 73);
        }
    }

    @Test
    void neovimsEmptyTableEncodedAsAnEmptyArrayMeansTheDefaultsWithoutAWarning() throws Exception {
        // nvim-lspconfig's init_options = {} arrives as "initializationOptions": [] (Lua has one kind of table)
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize(withOptions("[]"));
            c.open(PLAIN_URI, 1, PLAIN);
            assertThat(lines(c.client.awaitDiagnostics(PLAIN_URI, 1).getDiagnostics()))
                    .containsExactly(3, 48, 49, 58, 59, 62, 63, 64, 73);
            // and { strace = {} } in a didChangeConfiguration: the strace section, all at its defaults
            c.configure("{\"strace\": {\"diagnostics\": {\"severity\": {\"noise\": \"off\"}}}}");
            assertThat(lines(c.client.awaitDiagnostics(PLAIN_URI, 1).getDiagnostics())).containsExactly(62, 63, 64, 73);
            c.configure("{\"strace\": []}");
            assertThat(lines(c.client.awaitDiagnostics(PLAIN_URI, 1).getDiagnostics()))
                    .containsExactly(3, 48, 49, 58, 59, 62, 63, 64, 73);
            assertThat(c.client.logs).noneMatch(m -> m.getType() == MessageType.Warning
                    || m.getType() == MessageType.Error);
        }
    }

    @Test
    void aBadValueIsLoggedToTheClientAndItsDefaultApplies() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(PLAIN_URI, 1, PLAIN);
            c.client.awaitDiagnostics(PLAIN_URI, 1);
            c.configure("{\"strace\": {\"diagnostics\": {\"maxPerFile\": \"lots\", \"severity\": {\"failure\": \"loud\"}}}}");
            List<Diagnostic> again = c.client.awaitDiagnostics(PLAIN_URI, 1).getDiagnostics();
            assertThat(lines(again)).containsExactly(3, 48, 49, 58, 59, 62, 63, 64, 73);
            assertThat(again.get(5).getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
            assertThat(c.client.logs).anyMatch(m -> m.getType() == MessageType.Warning
                    && m.getMessage().contains("strace.diagnostics.maxPerFile: expected a number from 0 to 2147483647, got \"lots\"; using 1000"));
            assertThat(c.client.logs).anyMatch(m -> m.getType() == MessageType.Warning
                    && m.getMessage().contains("strace.diagnostics.severity.failure: expected"));
        }
    }

    @Test
    void theDefaultCapPublishesTheThousandMostSevereAndSaysHowManyWereLeftOut() throws Exception {
        // 1200 failing statx lines of plain.strace (warnings), then the process killed (an error)
        String failing = line(PLAIN, 62);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            text.append(failing).append('\n');
        }
        text.append("+++ killed by SIGKILL +++\n");
        String uri = "file:///tmp/many-failures.strace";
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text.toString());
            List<Diagnostic> diagnostics = c.client.awaitDiagnostics(uri, 1).getDiagnostics();
            assertThat(diagnostics).hasSize(1001);
            assertThat(diagnostics).filteredOn(d -> d.getSeverity() == DiagnosticSeverity.Error)
                    .extracting(d -> d.getRange().getStart().getLine()).containsExactly(1200);
            assertThat(diagnostics.subList(0, 999)).allMatch(d -> code(d).equals("ENOENT"));
            assertThat(lines(diagnostics.subList(0, 999))).isSorted().startsWith(0, 1, 2).endsWith(998);
            Diagnostic note = diagnostics.get(1000);
            assertThat(note.getSeverity()).isEqualTo(DiagnosticSeverity.Information);
            assertThat(code(note)).isEqualTo("diagnostics-left-out");
            assertThat(note.getMessage().getLeft()).isEqualTo("201 more diagnostics are not shown: only the 1,000 most"
                    + " severe of 1,201 are published (setting strace.diagnostics.maxPerFile)");
            assertThat(note.getRange()).isEqualTo(new Range(new Position(0, 0), new Position(0, failing.length())));

            c.configure("{\"strace\": {\"diagnostics\": {\"maxPerFile\": 2}}}");
            List<Diagnostic> two = c.client.awaitDiagnostics(uri, 1).getDiagnostics();
            assertThat(two).extracting(TestData::code).containsExactly("ENOENT", "killed-by-signal", "diagnostics-left-out");
        }
    }

    @Test
    void inlayHintKindsAndTheOutlineCapFollowTheSettings() throws Exception {
        String follow = TestData.text("follow.strace");
        String uri = TestData.uri("follow.strace");
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        InlayHintParams line6 = new InlayHintParams(id, new Range(new Position(6, 0), new Position(7, 0)));
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize(withOptions("{\"strace\": {\"outline\": {\"maxEventsPerProcess\": 1}}}"));
            c.open(uri, 1, follow);
            List<DocumentSymbol> outline = await(c.server.getTextDocumentService().documentSymbol(
                    new DocumentSymbolParams(id))).stream().map(e -> e.getRight()).toList();
            // pid 9614 has four events (a failed close, three SIGCHLD) and its exit: one is listed, the exit always
            assertThat(outline.get(0).getChildren()).extracting(DocumentSymbol::getName)
                    .containsExactly("/usr/bin/sh", "… 3 more events");
            assertThat(outline.get(0).getChildren().get(0).getChildren()).extracting(DocumentSymbol::getName)
                    .containsExactly("close → EBADF", "exited with 0");
            assertThat(await(c.server.getTextDocumentService().inlayHint(line6))).hasSize(7);

            c.configure("{\"strace\": {\"inlayHints\": {\"parameterNames\": false}}}");
            List<InlayHint> fdOnly = await(c.server.getTextDocumentService().inlayHint(line6));
            assertThat(fdOnly).extracting(h -> h.getLabel().getLeft()).containsExactly("</etc/ld.so.cache>");
        }
    }

    @Test
    void clientsThatAllowItAreAskedToRefreshHintsAfterAChange() throws Exception {
        InitializeParams params = new InitializeParams();
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setInlayHint(new InlayHintWorkspaceCapabilities(true));
        params.setCapabilities(new ClientCapabilities(workspace, null, null));
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize(params);
            c.open(PLAIN_URI, 1, PLAIN);
            c.client.awaitDiagnostics(PLAIN_URI, 1);
            c.configure("{\"strace\": {\"inlayHints\": {\"fdPaths\": false}}}");
            c.client.awaitDiagnostics(PLAIN_URI, 1); // published after the refresh request was sent
            assertThat(c.client.refreshes).containsExactly("inlayHint");
        }
    }

    @Test
    void manPageQuotesInHoversCanBeSwitchedOff() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/share/man/man2/openat.2.gz")), "needs the installed man pages");
        HoverParams onOpenat = new HoverParams(new TextDocumentIdentifier(PLAIN_URI), new Position(4, 2));
        assertThat(line(PLAIN, 4)).startsWith("openat(");
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(PLAIN_URI, 1, PLAIN);
            Hover with = await(c.server.getTextDocumentService().hover(onOpenat));
            assertThat(with.getContents().getRight().getValue()).contains("From the manual page installed here");
            c.configure("{\"strace\": {\"hover\": {\"manPages\": false}}}");
            Hover without = await(c.server.getTextDocumentService().hover(onOpenat));
            assertThat(without.getContents().getRight().getValue()).doesNotContain("From the manual page installed here")
                    .contains("openat");
        }
    }
}
