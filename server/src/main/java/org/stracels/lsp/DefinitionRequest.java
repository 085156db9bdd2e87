package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.stracels.navigate.Definition;
import org.stracels.parse.CancelCheck;

/**
 * {@code textDocument/definition}: {@link Definition} on the open document, as locations; in a file of an -ff
 * trace, also into the other files of the same prefix; on the prefix of a line of a view, its line in the original.
 */
final class DefinitionRequest {
    private final Documents documents;
    private final PlaceLocations locations;
    private final FfFiles ff;
    private final ViewLinks views;
    private final ViewNavigation navigation;

    DefinitionRequest(Documents documents, PlaceLocations locations, FfFiles ff, ViewLinks views,
            ViewNavigation navigation) {
        this.documents = documents;
        this.locations = locations;
        this.ff = ff;
        this.views = views;
        this.navigation = navigation;
    }

    CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return OnDocument.at(documents, params, Either.forLeft(List.of()), (doc, offset, cancel) -> {
            Location back = views.definition(doc, offset);
            if (back != null) {
                return Either.forLeft(List.of(back)); // a view line's prefix: the way back to the original
            }
            doc.prepareFds(cancel);
            List<Location> viaOriginal = navigation.inOriginal(doc, offset, original -> at -> {
                CancelCheck check = original.andCurrent(cancel);
                original.prepareFds(check);
                return Definition.find(original.trace(), at, ff.of(original.uri()), check);
            });
            return Either.forLeft(viaOriginal != null ? viaOriginal
                    : locations.of(doc, Definition.find(doc.trace(), offset, ff.of(doc.uri()), cancel)));
        });
    }
}
