package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.stracels.hover.HoverOptions;
import org.stracels.hover.HoverProvider;
import org.stracels.settings.Settings;

/**
 * {@code textDocument/hover}: finds the document, turns the position into an offset, asks
 * {@link HoverProvider}, and sends Markdown or plain text as the client prefers.
 */
final class HoverRequest {
    private final Documents documents;
    private final Supplier<Settings> settings;
    private volatile boolean markdown = true;

    HoverRequest(Documents documents) {
        this(documents, () -> Settings.DEFAULT);
    }

    HoverRequest(Documents documents, Supplier<Settings> settings) {
        this.documents = documents;
        this.settings = settings;
    }

    /** What the client said at initialize about hover formats; Markdown unless it lists only plain text. */
    void clientFormats(List<String> formats) {
        markdown = formats == null || formats.isEmpty() || formats.contains(MarkupKind.MARKDOWN);
    }

    CompletableFuture<Hover> hover(HoverParams params) {
        return OnDocument.at(documents, params, null, (doc, offset, cancel) -> {
            doc.prepareFds(cancel);
            HoverOptions options = settings.get().manPages() ? HoverOptions.DEFAULT : HoverOptions.WITHOUT_MAN_PAGES;
            return HoverProvider.hover(doc.trace(), offset, options).map(h -> new Hover(
                    new MarkupContent(markdown ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT,
                            markdown ? h.markdown() : h.plainText()),
                    doc.positions().range(h.start(), h.end()))).orElse(null);
        });
    }
}
