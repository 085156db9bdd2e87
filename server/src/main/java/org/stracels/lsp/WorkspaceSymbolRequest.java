package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.stracels.parse.CancelCheck;
import org.stracels.structure.WorkspaceSymbols;

/**
 * {@code workspace/symbol}: {@link WorkspaceSymbols} over every open trace, as SymbolInformation (which every
 * client takes), at most {@link #LIMIT} in all.
 */
final class WorkspaceSymbolRequest {
    static final int LIMIT = 500;

    private final Documents documents;

    WorkspaceSymbolRequest(Documents documents) {
        this.documents = documents;
    }

    @SuppressWarnings("deprecation") // SymbolInformation: the form every client takes
    CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams params) {
        return CompletableFutures.computeAsync(cancel -> {
            String query = params == null || params.getQuery() == null ? "" : params.getQuery();
            List<SymbolInformation> result = new ArrayList<>();
            for (OpenDocument doc : documents.all()) {
                if (result.size() >= LIMIT || !doc.isCurrent()) {
                    continue;
                }
                CancelCheck check = cancel::checkCanceled;
                Positions positions = doc.positions();
                List<WorkspaceSymbols.Hit> hits;
                try {
                    hits = WorkspaceSymbols.search(doc.trace(), query, LIMIT - result.size(), check);
                } catch (CancellationException e) {
                    if (doc.isCurrent()) {
                        throw e; // the client cancelled the request
                    }
                    continue; // this document changed meanwhile; its new version is not in this answer
                }
                for (WorkspaceSymbols.Hit hit : hits) {
                    Location location = new Location(doc.uri(), positions.range(hit.start(), hit.end()));
                    SymbolInformation info = new SymbolInformation(hit.name(), kind(hit.kind()), location,
                            hit.container().isEmpty() ? null : hit.container());
                    result.add(info);
                }
            }
            return Either.forLeft(result);
        });
    }

    private static SymbolKind kind(WorkspaceSymbols.Kind kind) {
        return switch (kind) {
            case PROCESS -> SymbolKind.Module;
            case THREAD -> SymbolKind.Namespace;
            case CALL -> SymbolKind.Function;
        };
    }
}
