package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/** textDocument/hover over the real protocol, on a real trace. */
class HoverRequestTest {

    private static Hover hover(ServerConnection c, String uri, int line, int character) throws Exception {
        return c.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                new Position(line, character))).get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void hoverOnAnErrnoOfARealTraceExplainsItInMarkdownWithAnExactRange() throws Exception {
        String text = TestData.text("plain.strace");
        String uri = TestData.uri("plain.strace");
        int line = 0;
        while (!TestData.line(text, line).contains("= -1 ENOENT") || !TestData.line(text, line).contains("\"/nonexistent\"")) {
            line++;
        }
        int character = TestData.line(text, line).indexOf("ENOENT") + 2;
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text);
            Hover hover = hover(c, uri, line, character);
            assertThat(hover.getContents().getRight().getKind()).isEqualTo(MarkupKind.MARKDOWN);
            assertThat(hover.getContents().getRight().getValue()).startsWith("**ENOENT (2)**");
            assertThat(hover.getRange().getStart()).isEqualTo(new Position(line, character - 2));
            assertThat(hover.getRange().getEnd()).isEqualTo(new Position(line, character + 4));
            assertThat(hover(c, uri, line, TestData.line(text, line).length() + 5)).isNull();
            c.shutdown();
        }
    }

    @Test
    void aClientWithoutMarkdownGetsPlainText() throws Exception {
        String uri = "file:///t.strace";
        String text = "écrit😀 \nopenat(AT_FDCWD, \"/x\", O_RDONLY) = -1 ENOENT (No such file or directory)\n";
        try (ServerConnection c = ServerConnection.start()) {
            InitializeParams params = new InitializeParams();
            ClientCapabilities capabilities = new ClientCapabilities();
            TextDocumentClientCapabilities document = new TextDocumentClientCapabilities();
            document.setHover(new HoverCapabilities(List.of(MarkupKind.PLAINTEXT), false));
            capabilities.setTextDocument(document);
            params.setCapabilities(capabilities);
            c.server.initialize(params).get(TestData.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            c.open(uri, 1, text);
            Hover hover = hover(c, uri, 1, 2);
            assertThat(hover.getContents().getRight().getKind()).isEqualTo(MarkupKind.PLAINTEXT);
            assertThat(hover.getContents().getRight().getValue()).startsWith("int openat(").doesNotContain("```")
                    .doesNotContain("**");
            assertThat(hover.getRange().getStart()).isEqualTo(new Position(1, 0));
            assertThat(hover.getRange().getEnd()).isEqualTo(new Position(1, 6));
            c.shutdown();
        }
    }
}
