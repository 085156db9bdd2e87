package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.stracels.navigate.Highlights;

/** {@code textDocument/documentHighlight}: the other places of the fd under the cursor. */
final class DocumentHighlightRequest {
    private final Documents documents;

    DocumentHighlightRequest(Documents documents) {
        this.documents = documents;
    }

    CompletableFuture<List<? extends DocumentHighlight>> highlights(DocumentHighlightParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            if (params == null || params.getTextDocument() == null || params.getPosition() == null) {
                return List.<DocumentHighlight>of();
            }
            return documents.get(params.getTextDocument().getUri()).map(doc -> {
                Positions positions = doc.positions();
                int offset = positions.offset(params.getPosition());
                doc.prepareFds(doc.cancelCheck(cancel));
                return Highlights.find(doc.trace(), offset, doc.cancelCheck(cancel)).stream()
                        .map(h -> new DocumentHighlight(positions.range(h.start(), h.end()),
                                h.write() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
                        .toList();
            }).orElse(List.of());
        });
    }
}
