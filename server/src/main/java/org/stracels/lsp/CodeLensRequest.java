package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.stracels.structure.CodeLenses;

/**
 * {@code textDocument/codeLens}: the summaries of {@link CodeLenses}, each on the first line it is about. They
 * only inform: the command is empty, which clients show as plain text.
 */
final class CodeLensRequest {
    private final Documents documents;

    CodeLensRequest(Documents documents) {
        this.documents = documents;
    }

    CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return OnDocument.compute(documents, params == null ? null : params.getTextDocument(), List.<CodeLens>of(),
                (doc, cancel) -> {
                    List<CodeLenses.Lens> lenses = CodeLenses.lenses(doc.trace(), cancel);
                    Positions positions = doc.positions();
                    List<CodeLens> result = new ArrayList<>(lenses.size());
                    for (CodeLenses.Lens lens : lenses) {
                        int start = positions.lineStart(lens.line());
                        result.add(new CodeLens(positions.range(start, start), new Command(lens.title(), ""), null));
                    }
                    return result;
                });
    }
}
