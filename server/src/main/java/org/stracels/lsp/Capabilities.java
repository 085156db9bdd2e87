package org.stracels.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;

/**
 * What the server tells the client at {@code initialize}: built here and nowhere else (lemminx:
 * ServerCapabilitiesInitializer), so the list of features is one read.
 *
 * <p>Document sync, hover, navigation (definition, references, document highlight), code lenses and the one
 * command they run ({@link ShowLocationCommand}). Sync is incremental, because traces run to megabytes and an edit of one line must
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
        capabilities.setCodeLensProvider(new CodeLensOptions(false));
        capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(ShowLocationCommand.ID)));
        return capabilities;
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
