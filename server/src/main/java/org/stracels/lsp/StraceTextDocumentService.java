package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * {@code textDocument/*}: each handler is one line that hands the work on (lemminx XMLTextDocumentService,
 * without its growth). Notifications arrive in order on lsp4j's reading thread; nothing here blocks it.
 */
final class StraceTextDocumentService implements TextDocumentService {
    private final Documents documents;
    private final DiagnosticsPublisher diagnostics;
    private final Features features;
    private final OversizedMessages oversized;

    StraceTextDocumentService(Documents documents, DiagnosticsPublisher diagnostics, Features features) {
        this(documents, diagnostics, features, new OversizedMessages());
    }

    StraceTextDocumentService(Documents documents, DiagnosticsPublisher diagnostics, Features features,
            OversizedMessages oversized) {
        this.documents = documents;
        this.diagnostics = diagnostics;
        this.features = features;
        this.oversized = oversized;
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return features.hover().hover(params);
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return features.symbols().documentSymbol(params);
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return features.folding().foldingRange(params);
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return features.tokens().full(params);
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
        return features.tokens().range(params);
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return features.hints().inlayHint(params);
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return features.lenses().codeLens(params);
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return features.definition().definition(params);
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return features.viewLinks().documentLink(params);
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return features.references().references(params);
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return features.highlights().highlights(params);
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        documents.open(params.getTextDocument()).ifPresent(diagnostics::documentChanged);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        documents.change(params.getTextDocument(), params.getContentChanges()).ifPresent(diagnostics::documentChanged);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        documents.close(params.getTextDocument()).ifPresent(doc -> diagnostics.documentClosed(doc.uri()));
        if (params != null && params.getTextDocument() != null) {
            oversized.closed(params.getTextDocument().getUri()); // a trace too big to open: its warning goes
        }
    }

    /** Diagnostics follow the text the editor holds, which a save does not change. */
    @Override
    public void didSave(DidSaveTextDocumentParams params) {
    }
}
