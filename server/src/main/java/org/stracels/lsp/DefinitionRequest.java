package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.stracels.navigate.Definition;

/** {@code textDocument/definition}: {@link Definition} on the open document, as locations. */
final class DefinitionRequest {
    private final Documents documents;
    private final PlaceLocations locations;

    DefinitionRequest(Documents documents, PlaceLocations locations) {
        this.documents = documents;
        this.locations = locations;
    }

    CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            List<Location> found = List.of();
            if (params != null && params.getTextDocument() != null && params.getPosition() != null) {
                found = documents.get(params.getTextDocument().getUri()).map(doc -> {
                    int offset = doc.positions().offset(params.getPosition());
                    return locations.of(doc, Definition.find(doc.trace(), offset, doc.cancelCheck(cancel)));
                }).orElse(List.of());
            }
            return Either.<List<? extends Location>, List<? extends LocationLink>>forLeft(found);
        });
    }
}
