package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.stracels.settings.Settings;
import org.stracels.structure.Folding;

/** {@code textDocument/foldingRange}: the {@link Folding} ranges, by line, with their kind and collapsed text. */
final class FoldingRangeRequest {
    private final Documents documents;
    private final Supplier<Settings> settings;

    FoldingRangeRequest(Documents documents, Supplier<Settings> settings) {
        this.documents = documents;
        this.settings = settings;
    }

    CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return OnDocument.compute(documents, params == null ? null : params.getTextDocument(), List.of(), (doc, cancel) -> {
            List<Folding.Fold> folds = Folding.folds(doc.trace(), settings.get().foldingMinRun(), cancel);
            List<FoldingRange> ranges = new ArrayList<>(folds.size());
            for (Folding.Fold f : folds) {
                FoldingRange range = new FoldingRange(f.startLine(), f.endLine());
                range.setKind(switch (f.kind()) {
                    case IMPORTS -> FoldingRangeKind.Imports;
                    case DETAIL -> FoldingRangeKind.Comment;
                    case REGION -> FoldingRangeKind.Region;
                });
                range.setCollapsedText(f.label());
                ranges.add(range);
            }
            return ranges;
        });
    }
}
