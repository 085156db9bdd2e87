package org.stracels.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.Arrays;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.stracels.structure.TokenModifier;
import org.stracels.structure.TokenType;

/**
 * What the server tells the client at {@code initialize}: built here and nowhere else (lemminx:
 * ServerCapabilitiesInitializer), so the list of features is one read.
 *
 * <p>Document sync, hover, navigation (definition, references, document highlight), the outline (document and
 * workspace symbols), folding, semantic tokens (full and range; the legend is {@link TokenType} and
 * {@link TokenModifier} in their declared order), inlay hints, code lenses and the one command they run
 * ({@link ShowLocationCommand}). Sync is incremental, because traces run to megabytes and an edit of one line must
 * not resend the whole file. No positionEncoding: the default, UTF-16, is what {@link Positions} counts.
 */
final class Capabilities {
    static final String SERVER_NAME = "strace-ls";

    private Capabilities() {
    }

    static InitializeResult initializeResult() {
        return new InitializeResult(serverCapabilities(), new ServerInfo(SERVER_NAME, version()));
    }

    static ServerCapabilities serverCapabilities() {
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(sync);
        capabilities.setHoverProvider(true);
        capabilities.setDefinitionProvider(true);
        capabilities.setReferencesProvider(true);
        capabilities.setDocumentHighlightProvider(true);
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setWorkspaceSymbolProvider(true);
        capabilities.setFoldingRangeProvider(true);
        capabilities.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(legend(), true, true));
        capabilities.setInlayHintProvider(true);
        capabilities.setCodeLensProvider(new CodeLensOptions(false));
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(ShowLocationCommand.ID,
                TraceCommands.VIEW, TraceCommands.SUMMARY)));
        capabilities.setDocumentLinkProvider(new org.eclipse.lsp4j.DocumentLinkOptions(false));
        return capabilities;
    }

    /** Token types and modifiers, indexed by their ordinals: what {@link SemanticTokensRequest} encodes. */
    static SemanticTokensLegend legend() {
        return new SemanticTokensLegend(
                Arrays.stream(TokenType.values()).map(TokenType::legendName).toList(),
                Arrays.stream(TokenModifier.values()).map(TokenModifier::legendName).toList());
    }

    /** The project version, written into version.properties by the build. */
    static String version() {
        try (InputStream in = Capabilities.class.getResourceAsStream("/org/stracels/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
