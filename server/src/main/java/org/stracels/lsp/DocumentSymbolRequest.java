package org.stracels.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.stracels.settings.Settings;
import org.stracels.structure.Outline;

/**
 * {@code textDocument/documentSymbol}: the {@link Outline} as a tree of DocumentSymbols, or flattened to
 * SymbolInformation (with container names) for clients that said they cannot take a tree.
 */
final class DocumentSymbolRequest {
    private final Documents documents;
    private final Supplier<Settings> settings;
    private volatile boolean hierarchical = true;

    DocumentSymbolRequest(Documents documents, Supplier<Settings> settings) {
        this.documents = documents;
        this.settings = settings;
    }

    void clientSupportsHierarchy(boolean supported) {
        hierarchical = supported;
    }

    CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return OnDocument.compute(documents, params == null ? null : params.getTextDocument(), List.of(), (doc, cancel) -> {
            List<Outline.Symbol> outline = Outline.symbols(doc.trace(), settings.get().outlineMaxEvents(), cancel);
            Positions positions = doc.positions();
            List<Either<SymbolInformation, DocumentSymbol>> result = new ArrayList<>();
            for (Outline.Symbol s : outline) {
                if (hierarchical) {
                    result.add(Either.forRight(tree(s, positions)));
                } else {
                    flatten(s, null, doc.uri(), positions, result);
                }
            }
            return result;
        });
    }

    private static DocumentSymbol tree(Outline.Symbol s, Positions positions) {
        List<DocumentSymbol> children = new ArrayList<>(s.children().size());
        for (Outline.Symbol c : s.children()) {
            children.add(tree(c, positions));
        }
        DocumentSymbol symbol = new DocumentSymbol(name(s), kind(s.kind()), positions.range(s.start(), s.end()),
                positions.range(s.selectionStart(), s.selectionEnd()), s.detail().isEmpty() ? null : s.detail());
        symbol.setChildren(children);
        return symbol;
    }

    private static void flatten(Outline.Symbol s, String container, String uri, Positions positions,
            List<Either<SymbolInformation, DocumentSymbol>> out) {
        SymbolInformation info = new SymbolInformation(name(s), kind(s.kind()),
                new Location(uri, positions.range(s.start(), s.end())), container);
        out.add(Either.forLeft(info));
        for (Outline.Symbol c : s.children()) {
            flatten(c, name(s), uri, positions, out);
        }
    }

    /** Clients reject symbols without a name. */
    private static String name(Outline.Symbol s) {
        return s.name().isBlank() ? "?" : s.name();
    }

    static SymbolKind kind(Outline.Kind kind) {
        return switch (kind) {
            case PROCESS -> SymbolKind.Module;
            case THREAD -> SymbolKind.Namespace;
            case EXEC -> SymbolKind.File;
            case FAILED_CALL -> SymbolKind.Function;
            case SIGNAL, EXIT, KILLED, ENDED -> SymbolKind.Event;
            case MORE -> SymbolKind.Null;
        };
    }
}
