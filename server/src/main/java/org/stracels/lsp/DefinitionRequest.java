package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.stracels.navigate.Definition;

/**
 * {@code textDocument/definition}: {@link Definition} on the open document, as locations; in a file of an -ff
 * trace, also into the other files of the same prefix; on the prefix of a line of a view, its line in the original.
 */
final class DefinitionRequest {
    private final Documents documents;
    private final PlaceLocations locations;
    private final FfFiles ff;
    private final ViewLinks views;

    DefinitionRequest(Documents documents, PlaceLocations locations, FfFiles ff, ViewLinks views) {
        this.documents = documents;
        this.locations = locations;
        this.ff = ff;
        this.views = views;
    }

    CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            List<Location> found = List.of();
            if (params != null && params.getTextDocument() != null && params.getPosition() != null) {
                found = documents.get(params.getTextDocument().getUri()).map(doc -> {
                    int offset = doc.positions().offset(params.getPosition());
                    Location back = views.definition(doc, offset);
                    if (back != null) {
                        return List.of(back); // a view line's prefix: the way back to the original
                    }
                    doc.prepareFds(doc.cancelCheck(cancel));
                    return locations.of(doc, Definition.find(doc.trace(), offset, ff.of(doc.uri()), doc.cancelCheck(cancel)));
                }).orElse(List.of());
            }
            return Either.<List<? extends Location>, List<? extends LocationLink>>forLeft(found);
        });
    }
}
