package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stracels.bench.AdversarialBench;

/**
 * The adversarial inputs of {@link AdversarialBench} (long-lived fds, dups in cycles and chains, 100k processes,
 * pid reuse, a deep process chain, deep brackets, a 10 MB line, calls never resumed) over the real protocol, at
 * 5,000 lines each: diagnostics are published, every whole-document request (tokens, inlay hints of the whole
 * document, symbols, folding, lenses) and hover, definition, references and highlight at places along the text
 * are answered within the test timeout, and the server still answers afterwards. The benchmark prints the
 * figures per line at 10k to 1M lines.
 */
class AdversarialProtocolTest {
    private static final int LINES = 5_000;

    static Stream<Map.Entry<String, IntFunction<String>>> inputs() {
        return AdversarialBench.INPUTS.entrySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyRequestIsAnswered(Map.Entry<String, IntFunction<String>> input) throws Exception {
        String text = input.getValue().apply(LINES);
        String uri = "file:///adversarial/" + input.getKey().replaceAll("[^a-z0-9]+", "-") + ".strace";
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        Positions positions = Positions.of(text);
        int lines = positions.lineCount();
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text);
            PublishDiagnosticsParams published = c.client.awaitDiagnostics(uri, 1);
            assertThat(published.getDiagnostics()).as("diagnostics of %s", input.getKey()).isNotNull();

            TextDocumentService docs = c.server.getTextDocumentService();
            Range whole = new Range(new Position(0, 0), new Position(lines, 0));
            assertThat(ServerConnection.await(docs.semanticTokensFull(new SemanticTokensParams(id))).getData())
                    .as("tokens").isNotEmpty();
            assertThat(ServerConnection.await(docs.inlayHint(new InlayHintParams(id, whole)))).as("hints").isNotNull();
            assertThat(ServerConnection.await(docs.documentSymbol(new DocumentSymbolParams(id)))).as("symbols").isNotNull();
            assertThat(ServerConnection.await(docs.foldingRange(new FoldingRangeRequestParams(id)))).as("folding").isNotNull();
            assertThat(ServerConnection.await(docs.codeLens(new CodeLensParams(id)))).as("lenses").isNotNull();
            for (int k = 0; k < 8; k++) {
                int line = (int) ((long) k * Math.max(1, lines - 1) / 7);
                for (int character : List.of(0, 5, 12, 30)) {
                    Position at = new Position(line, character);
                    ServerConnection.await(docs.hover(new HoverParams(id, at)));
                    assertThat(ServerConnection.await(docs.definition(new DefinitionParams(id, at)))).isNotNull();
                    assertThat(ServerConnection.await(docs.references(
                            new ReferenceParams(id, at, new ReferenceContext(true))))).isNotNull();
                    assertThat(ServerConnection.await(docs.documentHighlight(new DocumentHighlightParams(id, at))))
                            .isNotNull();
                }
            }
            // still there: a hover on the first line's name is answered with a text
            assertThat(ServerConnection.await(docs.hover(new HoverParams(id, new Position(0, 1))))).isNotNull();
            c.shutdown();
        }
    }
}
