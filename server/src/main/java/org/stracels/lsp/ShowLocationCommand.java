package org.stracels.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code strace.showLocation [uri, range]}, the command of the cause lenses: the server asks the client to show
 * that place ({@code window/showDocument}, LSP 3.16) and answers with it as a {@link Location}.
 *
 * <p>Why a server command and not a client one such as VS Code's {@code editor.action.goToLocations}: every
 * client that shows code lenses (VS Code, Neovim, Emacs lsp-mode, IntelliJ's LSP4IJ) runs an unknown command by
 * sending {@code workspace/executeCommand} to the server, and all of those handle {@code window/showDocument};
 * a client command would work in one editor only. A client that does not announce showDocument support gets
 * the location as the command's result and nothing else happens.
 */
final class ShowLocationCommand {
    static final String ID = "strace.showLocation";
    private static final Logger LOG = Logger.getLogger(ShowLocationCommand.class.getName());
    private static final Gson GSON = new Gson();

    private volatile LanguageClient client;
    private volatile boolean clientShowsDocuments;

    void connect(LanguageClient client) {
        this.client = client;
    }

    /** What the client said at initialize about window/showDocument. */
    void clientShowsDocuments(boolean supported) {
        this.clientShowsDocuments = supported;
    }

    CompletableFuture<Object> execute(ExecuteCommandParams params) {
        Location location = location(params);
        if (location == null) {
            LOG.fine(() -> "executeCommand: not a command of this server, or bad arguments: " + params);
            return CompletableFuture.completedFuture(null);
        }
        LanguageClient c = client;
        if (c != null && clientShowsDocuments) {
            ShowDocumentParams show = new ShowDocumentParams(location.getUri());
            show.setSelection(location.getRange());
            show.setTakeFocus(true);
            return c.showDocument(show).handle((result, error) -> location);
        }
        return CompletableFuture.completedFuture(location);
    }

    /** The arguments as a location: [uri, range], as JSON from the wire or as objects in process; else null. */
    static Location location(ExecuteCommandParams params) {
        if (params == null || !ID.equals(params.getCommand()) || params.getArguments() == null
                || params.getArguments().size() < 2) {
            return null;
        }
        List<Object> args = params.getArguments();
        try {
            String uri = args.get(0) instanceof JsonPrimitive p && p.isString() ? p.getAsString()
                    : args.get(0) instanceof String s ? s : null;
            Range range = args.get(1) instanceof JsonElement json ? GSON.fromJson(json, Range.class)
                    : args.get(1) instanceof Range r ? r : null;
            if (uri == null || range == null || range.getStart() == null || range.getEnd() == null) {
                return null;
            }
            return new Location(uri, range);
        } catch (RuntimeException e) { // a malformed range from the client: nothing to show
            LOG.fine(() -> "executeCommand " + ID + ": bad range " + args.get(1));
            return null;
        }
    }
}
