package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;

/**
 * The way back from a view to its original: {@code textDocument/documentLink} on each line's prefix (its pid and
 * times; the first word of a line without one) to the original line, and a definition on that prefix for clients
 * without links ({@code gd}, {@code M-.}). Documents that are not views have no links.
 */
final class ViewLinks {
    private static final int MAX_LINKS = 100_000;

    private final Documents documents;
    private final ViewDocuments views;

    ViewLinks(Documents documents, ViewDocuments views) {
        this.documents = documents;
        this.views = views;
    }

    CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            List<DocumentLink> links = new ArrayList<>();
            if (params == null || params.getTextDocument() == null) {
                return links;
            }
            documents.get(params.getTextDocument().getUri()).ifPresent(doc -> {
                ViewDocuments.Origin origin = views.of(doc);
                if (origin == null) {
                    return;
                }
                ParsedTrace parsed = doc.trace().parsed();
                int n = Math.min(Math.min(parsed.lineCount(), origin.lines().length), MAX_LINKS);
                for (int i = 0; i < n; i++) {
                    if ((i & 0xfff) == 0) {
                        cancel.checkCanceled();
                    }
                    int[] span = prefix(parsed, i);
                    if (span[1] <= span[0]) {
                        continue;
                    }
                    Range range = new Range(doc.positions().position(span[0]), doc.positions().position(span[1]));
                    DocumentLink link = new DocumentLink(range, target(origin, i));
                    link.setTooltip("line " + (origin.lines()[i] + 1) + " of the original trace");
                    links.add(link);
                }
            });
            return links;
        });
    }

    /** On a view line's prefix: the original line; else null (the usual definition applies). */
    Location definition(OpenDocument doc, int offset) {
        ViewDocuments.Origin origin = views.of(doc);
        if (origin == null) {
            return null;
        }
        ParsedTrace parsed = doc.trace().parsed();
        int line = parsed.lineAt(offset);
        if (line >= origin.lines().length) {
            return null;
        }
        int[] span = prefix(parsed, line);
        if (offset < span[0] || offset > span[1]) {
            return null;
        }
        Position at = new Position(origin.lines()[line], 0);
        return new Location(origin.uri(), new Range(at, at));
    }

    private static String target(ViewDocuments.Origin origin, int line) {
        String uri = origin.uri();
        int hash = uri.indexOf('#');
        return (hash >= 0 ? uri.substring(0, hash) : uri) + "#L" + (origin.lines()[line] + 1);
    }

    /** Offsets of the line's prefix: from its start to where its event begins; the first word without one. */
    private static int[] prefix(ParsedTrace parsed, int i) {
        int start = parsed.lineStart(i);
        int end = parsed.lineEnd(i);
        String text = parsed.text();
        int stop = end;
        if (parsed.kind(i).hasPrefix()) {
            ParsedLine line = parsed.line(i);
            if (line.eventStart() > start) {
                stop = line.eventStart();
            }
        }
        if (stop == end) {
            stop = start;
            while (stop < end && !Character.isWhitespace(text.charAt(stop))) {
                stop++;
            }
        }
        while (stop > start && Character.isWhitespace(text.charAt(stop - 1))) {
            stop--;
        }
        return new int[] {start, stop};
    }
}
