package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceParams;
import org.stracels.navigate.References;
import org.stracels.parse.CancelCheck;

/** {@code textDocument/references}: {@link References} on the open document, as locations. */
final class ReferencesRequest {
    private final Documents documents;
    private final PlaceLocations locations;
    private final ViewNavigation navigation;

    ReferencesRequest(Documents documents, PlaceLocations locations, ViewNavigation navigation) {
        this.documents = documents;
        this.locations = locations;
        this.navigation = navigation;
    }

    CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declaration = params == null || params.getContext() == null || params.getContext().isIncludeDeclaration();
        return OnDocument.at(documents, params, List.<Location>of(), (doc, offset, cancel) -> {
            List<Location> viaOriginal = navigation.inOriginal(doc, offset, original -> at -> {
                CancelCheck check = original.andCurrent(cancel);
                original.prepareFds(check);
                return References.find(original.trace(), at, declaration, check);
            });
            if (viaOriginal != null) {
                return viaOriginal; // a view of an open trace: what the original finds, in the view where it can be
            }
            doc.prepareFds(cancel);
            return locations.of(doc, References.find(doc.trace(), offset, declaration, cancel));
        });
    }
}
