package org.stracels.lsp;

import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;

/** Reads what the client says it supports, tolerating every missing level of the capability tree. */
final class ClientSupport {
    private ClientSupport() {
    }

    /** The content formats the client takes in hovers, most preferred first, or an empty list. */
    static List<String> hoverFormats(InitializeParams params) {
        TextDocumentClientCapabilities text = textDocument(params);
        if (text == null || text.getHover() == null || text.getHover().getContentFormat() == null) {
            return List.of();
        }
        return text.getHover().getContentFormat();
    }

    /**
     * Whether the client takes documentSymbol as a tree. A client that says nothing gets a tree too: the
     * specification makes flat lists the fallback for clients that declare the capability without it.
     */
    static boolean hierarchicalSymbols(InitializeParams params) {
        TextDocumentClientCapabilities text = textDocument(params);
        if (text == null || text.getDocumentSymbol() == null) {
            return true;
        }
        return Boolean.TRUE.equals(text.getDocumentSymbol().getHierarchicalDocumentSymbolSupport());
    }

    /** Whether the client accepts workspace/inlayHint/refresh. */
    static boolean inlayHintRefresh(InitializeParams params) {
        WorkspaceClientCapabilities w = workspace(params);
        return w != null && w.getInlayHint() != null && Boolean.TRUE.equals(w.getInlayHint().getRefreshSupport());
    }

    /** Whether the client accepts workspace/codeLens/refresh. */
    static boolean codeLensRefresh(InitializeParams params) {
        WorkspaceClientCapabilities w = workspace(params);
        return w != null && w.getCodeLens() != null && Boolean.TRUE.equals(w.getCodeLens().getRefreshSupport());
    }

    private static TextDocumentClientCapabilities textDocument(InitializeParams params) {
        ClientCapabilities c = params == null ? null : params.getCapabilities();
        return c == null ? null : c.getTextDocument();
    }

    private static WorkspaceClientCapabilities workspace(InitializeParams params) {
        ClientCapabilities c = params == null ? null : params.getCapabilities();
        return c == null ? null : c.getWorkspace();
    }

    /** Whether the client handles window/showDocument (LSP 3.16). */
    static boolean showDocument(InitializeParams params) {
        return params != null && params.getCapabilities() != null && params.getCapabilities().getWindow() != null
                && params.getCapabilities().getWindow().getShowDocument() != null
                && params.getCapabilities().getWindow().getShowDocument().isSupport();
    }

    /** Whether the client takes server-made work done progress (window/workDoneProgress/create, LSP 3.15). */
    static boolean workDoneProgress(InitializeParams params) {
        return params != null && params.getCapabilities() != null && params.getCapabilities().getWindow() != null
                && Boolean.TRUE.equals(params.getCapabilities().getWindow().getWorkDoneProgress());
    }
}
