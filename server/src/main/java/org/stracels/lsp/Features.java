package org.stracels.lsp;

import java.util.function.Supplier;
import org.stracels.settings.Settings;

/** The request handlers of the document service, made together over the same documents and settings. */
record Features(HoverRequest hover, DocumentSymbolRequest symbols, FoldingRangeRequest folding,
        SemanticTokensRequest tokens, InlayHintRequest hints, CodeLensRequest lenses, DefinitionRequest definition,
        ReferencesRequest references, DocumentHighlightRequest highlights, ViewLinks viewLinks) {

    static Features of(Documents documents, Supplier<Settings> settings, ViewDocuments views) {
        FfFiles ff = new FfFiles(documents);
        PlaceLocations locations = new PlaceLocations(ff);
        ViewLinks viewLinks = new ViewLinks(documents, views);
        return new Features(new HoverRequest(documents, settings), new DocumentSymbolRequest(documents, settings),
                new FoldingRangeRequest(documents, settings), new SemanticTokensRequest(documents),
                new InlayHintRequest(documents, settings), new CodeLensRequest(documents),
                new DefinitionRequest(documents, locations, ff, viewLinks), new ReferencesRequest(documents, locations),
                new DocumentHighlightRequest(documents), viewLinks);
    }
}
