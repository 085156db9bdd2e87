package org.stracels.lsp;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.stracels.parse.CancelCheck;

/**
 * The shape every document request shares: off the reading thread, on the current version of an open
 * document, cancelled when the client cancels or a newer version arrives; an empty answer for a document
 * that is not open (or a request without one), never an error.
 */
final class OnDocument {
    private OnDocument() {
    }

    static <T> CompletableFuture<T> compute(Documents documents, TextDocumentIdentifier id, T empty,
            BiFunction<OpenDocument, CancelCheck, T> work) {
        return CompletableFutures.computeAsync(cancel -> {
            Optional<OpenDocument> doc = id == null ? Optional.empty() : documents.get(id.getUri());
            if (doc.isEmpty()) {
                return empty;
            }
            OpenDocument d = doc.get();
            CancelCheck check = () -> {
                cancel.checkCanceled();
                d.checkCurrent();
            };
            return work.apply(d, check);
        });
    }
}
