package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowDocumentCapabilities;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * From the message to its cause over the real protocol: on each trace of a misleading message, the diagnostic on
 * the message's write names the call that really failed and points at it, the code lens above it too, and the
 * lens's command shows that line in the client.
 */
class CauseProtocolTest {
    private static final long TIMEOUT = TestData.TIMEOUT.toMillis();

    /** The first line of {@code text} holding every one of {@code parts}. */
    private static int lineWith(String text, String... parts) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean all = true;
            for (String p : parts) {
                all &= lines[i].contains(p);
            }
            if (all) {
                return i;
            }
        }
        throw new AssertionError("no line with " + String.join(", ", parts));
    }

    /** The cause lenses of a document (the summaries of the file and its processes are lenses too). */
    private static List<? extends CodeLens> lenses(ServerConnection c, String uri) throws Exception {
        return c.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
                .get(TIMEOUT, TimeUnit.MILLISECONDS).stream()
                .filter(l -> "strace.showLocation".equals(l.getCommand().getCommand())).toList();
    }

    private static InitializeParams showingDocuments() {
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setShowDocument(new ShowDocumentCapabilities(true));
        ClientCapabilities capabilities = new ClientCapabilities();
        capabilities.setWindow(window);
        InitializeParams params = new InitializeParams();
        params.setCapabilities(capabilities);
        return params;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "xauth-link.strace    | write(2, \"xauth:  error in locking | link(                            | ESERVERFAULT | link() ESERVERFAULT",
        "ln-link.strace       | write(2, \"ln: \"                    | linkat(                          | EPERM        | linkat() EPERM",
        "perm-denied.strace   | Permission denied                   | access(\"/tmp/strace-ls-testdata/spool/perm-demo\" | ENOENT | access() ENOENT",
        "config-search.strace | no configuration                    | read(3,                          | EISDIR       | read() EISDIR",
        "net-timeout.strace   | timed out waiting                   | connect(3<TCP:                   | ECONNREFUSED | connect() ECONNREFUSED",
    })
    void theMessageLineShowsTheCallThatReallyFailed(String file, String message, String call, String errno, String title)
            throws Exception {
        String text = TestData.text(file);
        String uri = TestData.uri(file);
        int messageLine = lineWith(text, message);
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text);
            List<Diagnostic> diagnostics = c.client.awaitDiagnostics(uri, 1).getDiagnostics();
            Diagnostic reported = TestData.on(diagnostics, messageLine).stream()
                    .filter(d -> "reported-error".equals(TestData.code(d))).findFirst().orElseThrow();
            assertThat(reported.getSeverity()).isEqualTo(DiagnosticSeverity.Information);
            DiagnosticRelatedInformation first = reported.getRelatedInformation().get(0);
            int causeLine = first.getLocation().getRange().getStart().getLine();
            String causeText = TestData.line(text, causeLine);
            assertThat(causeText).contains(call).contains("= -1 " + errno);
            assertThat(first.getLocation().getUri()).isEqualTo(uri);
            assertThat(first.getLocation().getRange()).isEqualTo(
                    new Range(new Position(causeLine, 0), new Position(causeLine, causeText.length())));
            assertThat(first.getMessage()).startsWith("likely cause #1 (score ");
            assertThat(reported.getMessage().getLeft())
                    .contains("this message follows " + title.replace("()", "(…) = -1") + " on line " + (causeLine + 1));

            CodeLens lens = lenses(c, uri).stream()
                    .filter(l -> l.getRange().getStart().getLine() == messageLine).findFirst().orElseThrow();
            assertThat(lens.getCommand().getTitle()).isEqualTo("likely cause: " + title + " — line " + (causeLine + 1));
            assertThat(lens.getCommand().getCommand()).isEqualTo("strace.showLocation");
        }
    }

    @Test
    void theLensCommandAsksTheClientToShowTheCause() throws Exception {
        String text = TestData.text("xauth-link.strace");
        String uri = TestData.uri("xauth-link.strace");
        int link = lineWith(text, "link(", "ESERVERFAULT");
        try (ServerConnection c = ServerConnection.start()) {
            c.server.initialize(showingDocuments()).get(TIMEOUT, TimeUnit.MILLISECONDS);
            c.open(uri, 1, text);
            CodeLens lens = lenses(c, uri).get(0);
            // the arguments as the client received them (JSON), sent back as they are: what an editor does
            List<Object> args = lens.getCommand().getArguments();
            assertThat(args).hasSize(2).allSatisfy(a -> assertThat(a).isInstanceOf(JsonElement.class));
            Object result = c.server.getWorkspaceService()
                    .executeCommand(new ExecuteCommandParams(lens.getCommand().getCommand(), args))
                    .get(TIMEOUT, TimeUnit.MILLISECONDS);
            assertThat(c.client.shown).singleElement().satisfies(shown -> {
                assertThat(shown.getUri()).isEqualTo(uri);
                assertThat(shown.getSelection().getStart()).isEqualTo(new Position(link, 0));
                assertThat(shown.getTakeFocus()).isTrue();
            });
            assertThat(result.toString()).contains(uri);
        }
    }

    @Test
    void withoutShowDocumentTheCommandOnlyAnswersAndBadArgumentsAreHarmless() throws Exception {
        String text = TestData.text("config-search.strace");
        String uri = TestData.uri("config-search.strace");
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text);
            CodeLens lens = lenses(c, uri).get(0);
            Object result = c.server.getWorkspaceService()
                    .executeCommand(new ExecuteCommandParams("strace.showLocation", lens.getCommand().getArguments()))
                    .get(TIMEOUT, TimeUnit.MILLISECONDS);
            assertThat(result.toString()).contains(uri);
            assertThat(c.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("strace.showLocation",
                    List.of("not a uri and no range"))).get(TIMEOUT, TimeUnit.MILLISECONDS)).isNull();
            assertThat(c.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("strace.showLocation",
                    List.of(uri, 42))).get(TIMEOUT, TimeUnit.MILLISECONDS)).isNull();
            assertThat(c.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("other.command",
                    List.of())).get(TIMEOUT, TimeUnit.MILLISECONDS)).isNull();
            assertThat(c.client.shown).isEmpty();
        }
    }

    @Test
    void hoverOnTheExitLineListsTheLikelyCauses() throws Exception {
        String text = TestData.text("xauth-link.strace");
        String uri = TestData.uri("xauth-link.strace");
        int exit = lineWith(text, "+++ exited with 1 +++");
        int link = lineWith(text, "link(", "ESERVERFAULT");
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text);
            Hover hover = c.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                    new Position(exit, TestData.line(text, exit).indexOf('1')))).get(TIMEOUT, TimeUnit.MILLISECONDS);
            String markdown = hover.getContents().getRight().getValue();
            assertThat(markdown).contains("**Likely causes**, most likely first:")
                    .contains("- line " + (link + 1) + ": `link(\"/tmp/strace-ls-testdata/xauth/Xauthority-c\"")
                    .contains("*It said:* “xauth: error in locking authori…”");
        }
    }

    @Test
    void aDocumentThatIsNotOpenHasNoLenses() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            assertThat(lenses(c, "file:///nowhere.strace")).isEmpty();
            assertThat(c.server.getTextDocumentService().codeLens(new CodeLensParams())
                    .get(TIMEOUT, TimeUnit.MILLISECONDS)).isEmpty();
        }
    }
}
