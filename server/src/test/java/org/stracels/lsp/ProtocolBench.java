package org.stracels.lsp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The structure requests timed on the server's side (the request class computing its answer, then lsp4j
 * serialising the response to JSON) and end to end over the protocol (JSON-RPC on pipes, the client in this
 * JVM too: from the request leaving the client to its answer decoded), on a large trace opened once. Not a
 * test: run by hand after ParseBench has written the trace.
 *
 * <pre>
 * java -Xmx4g -cp server/target/strace-ls.jar:server/target/test-classes org.stracels.lsp.ProtocolBench [/tmp/bench-1M.strace]
 * </pre>
 */
public final class ProtocolBench {
    private static final int RUNS = 9;

    private ProtocolBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/tmp/bench-1M.strace");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String uri = file.toUri().toString();
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        serverSide(text, uri, id);
        try (ServerConnection c = ServerConnection.start(new StraceLanguageServer(java.time.Duration.ofHours(1)))) {
            c.initialize();
            long t0 = System.nanoTime();
            c.open(uri, 1, text);
            TextDocumentService docs = c.server.getTextDocumentService();
            ServerConnection.await(docs.foldingRange(new FoldingRangeRequestParams(id))); // waits for open and parse
            System.out.printf("%s: open + parse + first foldingRange %.0f ms%n", file, (System.nanoTime() - t0) / 1e6);
            int middle = Positions.of(text).lineCount() / 2;
            Range lines200 = new Range(new Position(middle, 0), new Position(middle + 200, 0));
            time("documentSymbol", () -> ServerConnection.await(docs.documentSymbol(new DocumentSymbolParams(id))).size());
            time("foldingRange", () -> ServerConnection.await(docs.foldingRange(new FoldingRangeRequestParams(id))).size());
            time("semanticTokens/range 200 lines", () -> ServerConnection.await(
                    docs.semanticTokensRange(new SemanticTokensRangeParams(id, lines200))).getData().size() / 5);
            time("inlayHint 200 lines", () -> ServerConnection.await(docs.inlayHint(new InlayHintParams(id, lines200))).size());
            time("codeLens", () -> ServerConnection.await(docs.codeLens(new CodeLensParams(id))).size());
            c.shutdown();
        }
    }

    /** The request classes called directly, and their answers serialised as lsp4j does before writing them. */
    private static void serverSide(String text, String uri, TextDocumentIdentifier id) throws Exception {
        Documents documents = new Documents();
        documents.open(new org.eclipse.lsp4j.TextDocumentItem(uri, "strace", 1, text)).orElseThrow().trace();
        Features features = Features.of(documents, () -> org.stracels.settings.Settings.DEFAULT, new ViewDocuments());
        org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler json = new org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler(
                org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints.getSupportedMethods(
                        org.eclipse.lsp4j.services.LanguageServer.class));
        System.out.println("server side: compute + serialise the response");
        time("documentSymbol (JSON chars)", () -> serialise(json, features.symbols().documentSymbol(new DocumentSymbolParams(id)).get()));
        time("foldingRange (JSON chars)", () -> serialise(json, features.folding().foldingRange(new FoldingRangeRequestParams(id)).get()));
        int middle = Positions.of(text).lineCount() / 2;
        Range lines200 = new Range(new Position(middle, 0), new Position(middle + 200, 0));
        time("tokens 200 lines (JSON chars)", () -> serialise(json,
                features.tokens().range(new SemanticTokensRangeParams(id, lines200)).get()));
        System.out.println("end to end over the protocol, the client in this JVM");
    }

    /** The length of the JSON response carrying {@code result}. */
    private static int serialise(org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler json, Object result) {
        org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage message = new org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage();
        message.setId("1");
        message.setResult(result);
        return json.serialize(message).length();
    }

    private static void time(String what, Callable<Integer> request) throws Exception {
        long[] ns = new long[RUNS];
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            size = request.call();
            ns[i] = System.nanoTime() - t0;
        }
        long first = ns[0];
        Arrays.sort(ns);
        System.out.printf("%-32s first %8.2f ms, median %8.2f ms, best %8.2f ms  (size %,d)%n", what, first / 1e6,
                ns[RUNS / 2] / 1e6, ns[0] / 1e6, size);
    }
}
