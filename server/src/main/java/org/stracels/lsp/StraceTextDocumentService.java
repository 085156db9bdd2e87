package org.stracels.lsp;

import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * {@code textDocument/*}: each handler is one line that hands the work on (lemminx XMLTextDocumentService,
 * without its growth). Notifications arrive in order on lsp4j's reading thread; nothing here blocks it.
 */
final class StraceTextDocumentService implements TextDocumentService {
    private final Documents documents;
    private final DiagnosticsPublisher diagnostics;
    private final HoverRequest hover;
    private final DefinitionRequest definition;
    private final ReferencesRequest references;
    private final DocumentHighlightRequest highlights;
    private final CauseLensRequest causeLenses;

    StraceTextDocumentService(Documents documents, DiagnosticsPublisher diagnostics, HoverRequest hover) {
        this.documents = documents;
        this.diagnostics = diagnostics;
        this.hover = hover;
        FfFiles ff = new FfFiles(documents);
        PlaceLocations locations = new PlaceLocations(ff);
        this.definition = new DefinitionRequest(documents, locations, ff);
        this.references = new ReferencesRequest(documents, locations);
        this.highlights = new DocumentHighlightRequest(documents);
        this.causeLenses = new CauseLensRequest(documents);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return hover.hover(params);
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return definition.definition(params);
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return references.references(params);
    }

    @Override
    public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
        return highlights.highlights(params);
    }

    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return causeLenses.codeLens(params);
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
    }

    /** Diagnostics follow the text the editor holds, which a save does not change. */
    @Override
    public void didSave(DidSaveTextDocumentParams params) {
    }
}
