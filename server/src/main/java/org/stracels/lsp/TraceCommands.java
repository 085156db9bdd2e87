package org.stracels.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.stracels.parse.CancelCheck;
import org.stracels.stream.TraceInputException;
import org.stracels.view.Summary;
import org.stracels.view.ViewException;
import org.stracels.view.Views;

/**
 * {@code strace.view} and {@code strace.summary}: a view or the summary of a trace named by URI, an open document
 * or a file of any size on disk ({@link TraceSources}). Runs off the reading thread, with progress and
 * cancellation; a bad argument or an unreadable file answers a JSON-RPC error with a one-line message.
 */
final class TraceCommands {
    static final String VIEW = "strace.view";
    static final String SUMMARY = "strace.summary";
    private static final Logger LOG = Logger.getLogger(TraceCommands.class.getName());
    /** Sources larger than this show progress. */
    private static final long PROGRESS_FROM = 8L << 20;

    private final TraceSources sources;
    private final ViewDocuments views;
    private final WorkProgress progress;

    TraceCommands(Documents documents, ViewDocuments views, WorkProgress progress) {
        this.sources = new TraceSources(documents);
        this.views = views;
        this.progress = progress;
    }

    static boolean handles(String command) {
        return VIEW.equals(command) || SUMMARY.equals(command);
    }

    CompletableFuture<Object> execute(ExecuteCommandParams params) {
        return CompletableFutures.computeAsync(request -> {
            ViewArguments args;
            try {
                args = ViewArguments.read(params.getArguments());
            } catch (IllegalArgumentException e) {
                throw error(ResponseErrorCode.InvalidParams, params.getCommand() + ": " + e.getMessage());
            }
            try {
                TraceSources.Found found = sources.of(args.uri());
                try (WorkProgress.Job job = found.size() >= PROGRESS_FROM
                        ? progress.start((VIEW.equals(params.getCommand()) ? "View of " : "Summary of ")
                                + found.source().name()) : progress.start(null, false)) {
                    CancelCheck cancel = () -> {
                        request.checkCanceled();
                        if (job.cancelled()) {
                            throw new CancellationException("cancelled by the user");
                        }
                    };
                    return VIEW.equals(params.getCommand()) ? view(args, found, cancel, job) : summary(args, found, cancel, job);
                }
            } catch (TraceInputException | ViewException e) {
                throw error(ResponseErrorCode.InvalidParams, e.getMessage());
            } catch (CancellationException e) {
                throw e;
            } catch (ResponseErrorException e) {
                throw e;
            } catch (Exception e) {
                LOG.warning(() -> params.getCommand() + " failed: " + e);
                throw error(ResponseErrorCode.InternalError, params.getCommand() + " failed: " + e.getMessage());
            } catch (OutOfMemoryError e) {
                // what the command held is let go here: the server goes on with its open documents
                throw error(ResponseErrorCode.InternalError, params.getCommand() + ": out of memory (the server's heap, "
                        + OversizedMessages.megabytes(Runtime.getRuntime().maxMemory()) + ", is too small for it)");
            }
        });
    }

    private Object view(ViewArguments args, TraceSources.Found found, CancelCheck cancel, WorkProgress.Job job)
            throws Exception {
        Views.View view = Views.of(found.source(), args.filter(), Views.MAX_LINES, cancel, job);
        views.remember(view.text(), new ViewDocuments.Origin(args.uri(), view.lines()));
        JsonObject o = new JsonObject();
        o.addProperty("title", view.title());
        o.addProperty("uri", args.uri());
        o.addProperty("text", view.text());
        JsonArray lines = new JsonArray(view.lines().length);
        for (int line : view.lines()) {
            lines.add(line);
        }
        o.add("lines", lines);
        o.addProperty("total", view.total());
        o.addProperty("truncated", view.truncated());
        return o;
    }

    private Object summary(ViewArguments args, TraceSources.Found found, CancelCheck cancel, WorkProgress.Job job)
            throws Exception {
        Summary.Page page = Summary.of(found.source(), cancel, job);
        JsonObject o = new JsonObject();
        o.addProperty("title", page.title());
        o.addProperty("uri", args.uri());
        o.addProperty("text", page.text());
        JsonArray links = new JsonArray();
        for (Summary.Link l : page.links()) {
            JsonObject j = new JsonObject();
            j.addProperty("line", l.line());
            j.addProperty("start", l.start());
            j.addProperty("end", l.end());
            j.addProperty("target", l.target());
            links.add(j);
        }
        o.add("links", links);
        return o;
    }

    private static ResponseErrorException error(ResponseErrorCode code, String message) {
        return new ResponseErrorException(new ResponseError(code, message, null));
    }
}
