package org.stracels.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code workspace/*}: symbols across the open traces; the settings, which arrive here in the same shape as
 * initializationOptions ({@link SettingsReader}); and {@code executeCommand} for the server's commands
 * ({@link ShowLocationCommand}, {@link TraceCommands}: views and summaries).
 */
final class StraceWorkspaceService implements WorkspaceService {
    private static final Logger LOG = Logger.getLogger(StraceWorkspaceService.class.getName());
    private final WorkspaceSymbolRequest symbols;
    private final Consumer<Object> settingsChanged;
    private final ShowLocationCommand showLocation;
    private final TraceCommands traceCommands;

    StraceWorkspaceService(WorkspaceSymbolRequest symbols, Consumer<Object> settingsChanged,
            ShowLocationCommand showLocation, TraceCommands traceCommands) {
        this.symbols = symbols;
        this.settingsChanged = settingsChanged;
        this.showLocation = showLocation;
        this.traceCommands = traceCommands;
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams params) {
        return symbols.symbol(params);
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return params != null && TraceCommands.handles(params.getCommand()) ? traceCommands.execute(params)
                : showLocation.execute(params);
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        settingsChanged.accept(params == null ? null : params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        LOG.fine("didChangeWatchedFiles: ignored");
    }
}
