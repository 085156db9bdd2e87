package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
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
        return CompletableFutures.computeAsync(cancel -> {
            if (params == null || params.getTextDocument() == null || params.getPosition() == null) {
                return List.<Location>of();
            }
            boolean declaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
            return documents.get(params.getTextDocument().getUri()).map(doc -> {
                int offset = doc.positions().offset(params.getPosition());
                doc.prepareFds(doc.cancelCheck(cancel));
                return locations.of(doc, References.find(doc.trace(), offset, declaration, doc.cancelCheck(cancel)));
            }).orElse(List.of());
        });
    }
}
