package org.stracels.lsp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * The documents the client has open: uri to the current {@link OpenDocument}. Model: lemminx
 * ModelTextDocuments.
 *
 * <p>Open, change and close arrive in order on lsp4j's one reading thread; requests may read from other
 * threads, hence the concurrent map. Every change makes a new immutable {@link OpenDocument} and marks the
 * old one superseded, which cancels work still running on it. Asking about a document that is not open
 * gives an empty answer, never an exception: clients do send changes for documents they never opened.
 */
final class Documents {
    private static final Logger LOG = Logger.getLogger(Documents.class.getName());

    private final ConcurrentMap<String, OpenDocument> open = new ConcurrentHashMap<>();
    private final WorkProgress progress;

    Documents() {
        this(null);
    }

    /** Documents whose big texts show progress while they are parsed. */
    Documents(WorkProgress progress) {
        this.progress = progress;
    }

    /** Opens (or re-opens: the client's text wins) a document; empty for a message without a document. */
    Optional<OpenDocument> open(TextDocumentItem item) {
        if (item == null || item.getUri() == null) {
            LOG.warning("didOpen without a document: ignored");
            return Optional.empty();
        }
        OpenDocument doc = new OpenDocument(item.getUri(), item.getLanguageId(), item.getVersion(),
                Objects.requireNonNullElse(item.getText(), ""), progress);
        supersede(open.put(doc.uri(), doc));
        return Optional.of(doc);
    }

    /** Applies the changes in order to the open document; empty when the document is not open. */
    Optional<OpenDocument> change(VersionedTextDocumentIdentifier id, List<TextDocumentContentChangeEvent> changes) {
        if (id == null || id.getUri() == null) {
            return Optional.empty();
        }
        OpenDocument[] result = new OpenDocument[1];
        open.computeIfPresent(id.getUri(), (uri, old) -> {
            String text = old.text();
            for (TextDocumentContentChangeEvent change : changes == null ? List.<TextDocumentContentChangeEvent>of() : changes) {
                text = apply(text, change);
            }
            // The specification requires a version; a client that omits it still gets its edit applied.
            int version = id.getVersion() != null ? id.getVersion() : old.version() + 1;
            result[0] = new OpenDocument(uri, old.languageId(), version, text, progress);
            old.supersede();
            return result[0];
        });
        if (result[0] == null) {
            LOG.fine(() -> "didChange for " + id.getUri() + ", which is not open: ignored");
        }
        return Optional.ofNullable(result[0]);
    }

    /** Closes the document; empty when it was not open. */
    Optional<OpenDocument> close(TextDocumentIdentifier id) {
        OpenDocument doc = id == null || id.getUri() == null ? null : open.remove(id.getUri());
        supersede(doc);
        return Optional.ofNullable(doc);
    }

    /** The current version of {@code uri}; empty when it is not open. */
    Optional<OpenDocument> get(String uri) {
        return uri == null ? Optional.empty() : Optional.ofNullable(open.get(uri));
    }

    /** The open documents, in no particular order. */
    List<OpenDocument> all() {
        return List.copyOf(open.values());
    }

    /**
     * Applies one content change: a range replaced by text, or the whole text when there is no range. The
     * range is in LSP positions (UTF-16 code units), read against the text as it is before this change.
     */
    static String apply(String text, TextDocumentContentChangeEvent change) {
        if (change == null) {
            return text;
        }
        String replacement = Objects.requireNonNullElse(change.getText(), "");
        Range range = change.getRange();
        if (range == null || range.getStart() == null || range.getEnd() == null) {
            return replacement;
        }
        Positions positions = Positions.of(text);
        int a = positions.offset(range.getStart());
        int b = positions.offset(range.getEnd());
        return text.substring(0, Math.min(a, b)) + replacement + text.substring(Math.max(a, b));
    }

    private static void supersede(OpenDocument doc) {
        if (doc != null) {
            doc.supersede();
        }
    }
}
