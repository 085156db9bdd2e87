package org.stracels.lsp;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.stracels.parse.CancelCheck;

/**
 * The one path of every document request: off the reading thread, on the current version of an open
 * document, cancelled when the client cancels or a newer version arrives; an empty answer for a document
 * that is not open (or a request without one), never an error; a feature that fails is logged here, once,
 * and answers empty.
 */
final class OnDocument {
    private static final Logger LOG = Logger.getLogger(OnDocument.class.getName());

    private OnDocument() {
    }

    /** What a request at a position does: the document, the offset of the position in it, the cancel check. */
    @FunctionalInterface
    interface AtOffset<T> {
        T apply(OpenDocument doc, int offset, CancelCheck cancel);
    }

    static <T> CompletableFuture<T> compute(Documents documents, TextDocumentIdentifier id, T empty,
            BiFunction<OpenDocument, CancelCheck, T> work) {
        return CompletableFutures.computeAsync(cancel -> {
            Optional<OpenDocument> doc = id == null ? Optional.empty() : documents.get(id.getUri());
            if (doc.isEmpty()) {
                return empty;
            }
            OpenDocument d = doc.get();
            CancelCheck check = d.cancelCheck(cancel);
            try {
                T answer = work.apply(d, check);
                check.checkCanceled(); // an answer about a version the client has replaced is not sent
                return answer;
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, "a request on " + d.uri() + " (version " + d.version() + ") failed; answered empty", e);
                return empty;
            }
        });
    }

    /** A request at a position (hover, definition, references, highlight): the same path, with the offset. */
    static <T> CompletableFuture<T> at(Documents documents, TextDocumentPositionParams params, T empty, AtOffset<T> work) {
        if (params == null || params.getPosition() == null) {
            return CompletableFuture.completedFuture(empty);
        }
        return compute(documents, params.getTextDocument(), empty,
                (doc, cancel) -> work.apply(doc, doc.positions().offset(params.getPosition()), cancel));
    }
}
