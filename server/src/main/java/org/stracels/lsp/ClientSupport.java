package org.stracels.lsp;

import java.util.List;
import org.eclipse.lsp4j.InitializeParams;

/** Reads what the client says it supports, tolerating every missing level of the capability tree. */
final class ClientSupport {
    private ClientSupport() {
    }

    /** The content formats the client takes in hovers, most preferred first, or an empty list. */
    static List<String> hoverFormats(InitializeParams params) {
        if (params == null || params.getCapabilities() == null || params.getCapabilities().getTextDocument() == null
                || params.getCapabilities().getTextDocument().getHover() == null
                || params.getCapabilities().getTextDocument().getHover().getContentFormat() == null) {
            return List.of();
        }
        return params.getCapabilities().getTextDocument().getHover().getContentFormat();
    }

    /** Whether the client handles window/showDocument (LSP 3.16). */
    static boolean showDocument(InitializeParams params) {
        return params != null && params.getCapabilities() != null && params.getCapabilities().getWindow() != null
                && params.getCapabilities().getWindow().getShowDocument() != null
                && params.getCapabilities().getWindow().getShowDocument().isSupport();
    }
}
