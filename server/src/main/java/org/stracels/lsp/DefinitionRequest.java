package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.stracels.navigate.Definition;

/**
 * {@code textDocument/definition}: {@link Definition} on the open document, as locations; in a file of an -ff
 * trace, also into the other files of the same prefix.
 */
final class DefinitionRequest {
    private final Documents documents;
    private final PlaceLocations locations;
    private final FfFiles ff;

    DefinitionRequest(Documents documents, PlaceLocations locations, FfFiles ff) {
        this.documents = documents;
        this.locations = locations;
        this.ff = ff;
    }

    CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return OnDocument.at(documents, params, Either.forLeft(List.of()), (doc, offset, cancel) -> Either.forLeft(
                locations.of(doc, Definition.find(doc.trace(), offset, ff.of(doc.uri()), cancel))));
    }
}
