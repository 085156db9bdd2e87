package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.stracels.settings.Settings;
import org.stracels.structure.InlayHints;

/** {@code textDocument/inlayHint}: the {@link InlayHints} of the requested range, as the settings choose them. */
final class InlayHintRequest {
    private final Documents documents;
    private final Supplier<Settings> settings;

    InlayHintRequest(Documents documents, Supplier<Settings> settings) {
        this.documents = documents;
        this.settings = settings;
    }

    CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return OnDocument.compute(documents, params == null ? null : params.getTextDocument(), List.of(), (doc, cancel) -> {
            if (params.getRange() == null || params.getRange().getStart() == null || params.getRange().getEnd() == null) {
                return List.of();
            }
            Positions positions = doc.positions();
            int start = positions.offset(params.getRange().getStart());
            int end = positions.offset(params.getRange().getEnd());
            List<InlayHints.Hint> hints = InlayHints.hints(doc.trace(), start, end, settings.get().inlayHints(), cancel);
            List<InlayHint> result = new ArrayList<>(hints.size());
            for (InlayHints.Hint h : hints) {
                InlayHint hint = new InlayHint(positions.position(h.offset()), Either.forLeft(h.label()));
                switch (h.kind()) {
                    case PARAMETER -> {
                        hint.setKind(InlayHintKind.Parameter);
                        hint.setPaddingRight(true);
                    }
                    case FD_PATH -> hint.setKind(InlayHintKind.Type);
                    case SLOW_CALL -> hint.setPaddingLeft(true);
                }
                hint.setTooltip(h.tooltip());
                result.add(hint);
            }
            return result;
        });
    }
}
