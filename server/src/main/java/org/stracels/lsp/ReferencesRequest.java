package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;
import org.stracels.navigate.References;

/** {@code textDocument/references}: {@link References} on the open document, as locations. */
final class ReferencesRequest {
    private final Documents documents;
    private final PlaceLocations locations;

    ReferencesRequest(Documents documents, PlaceLocations locations) {
        this.documents = documents;
        this.locations = locations;
    }

    CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declaration = params == null || params.getContext() == null || params.getContext().isIncludeDeclaration();
        return OnDocument.at(documents, params, List.<Location>of(), (doc, offset, cancel) ->
                locations.of(doc, References.find(doc.trace(), offset, declaration, cancel)));
    }
}
