package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.stracels.navigate.Highlights;

/** {@code textDocument/documentHighlight}: the other places of the fd under the cursor. */
final class DocumentHighlightRequest {
    private final Documents documents;

    DocumentHighlightRequest(Documents documents) {
        this.documents = documents;
    }

    CompletableFuture<List<? extends DocumentHighlight>> highlights(DocumentHighlightParams params) {
        return OnDocument.at(documents, params, List.<DocumentHighlight>of(), (doc, offset, cancel) -> {
            doc.prepareFds(cancel);
            return Highlights.find(doc.trace(), offset, cancel).stream()
                    .map(h -> new DocumentHighlight(doc.positions().range(h.start(), h.end()),
                            h.write() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
                    .toList();
        });
    }
}
