package org.stracels.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code workspace/*}: {@code executeCommand} runs the server's one command ({@link ShowLocationCommand}). The two
 * notifications lsp4j requires are accepted and logged; settings will arrive here (with the same shape as
 * initializationOptions) in a later issue.
 */
final class StraceWorkspaceService implements WorkspaceService {
    private static final Logger LOG = Logger.getLogger(StraceWorkspaceService.class.getName());
    private final ShowLocationCommand showLocation;

    StraceWorkspaceService(ShowLocationCommand showLocation) {
        this.showLocation = showLocation;
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return showLocation.execute(params);
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        LOG.fine("didChangeConfiguration: no settings yet, ignored");
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        LOG.fine("didChangeWatchedFiles: ignored");
    }
}
