package org.stracels.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.stracels.parse.CancelCheck;
import org.stracels.report.HtmlReport;
import org.stracels.report.ReportFiles;
import org.stracels.stream.TraceInputException;

/**
 * {@code strace.report {"uri": …}}: writes the HTML report of a trace (the open document's current text, or the
 * file itself when the editor did not send it, e.g. one too large to sync, read window by window whatever its
 * size: {@link TraceSources}) and answers the path of the file, for any client to open in a browser or a web view.
 * Runs off the reading thread with progress and cancellation; bad arguments, unreadable files and a heap too small
 * answer a JSON-RPC error with a one-line message.
 */
final class ReportCommand {
    static final String ID = "strace.report";
    private static final Logger LOG = Logger.getLogger(ReportCommand.class.getName());
    /** Sources larger than this show progress. */
    private static final long PROGRESS_FROM = 8L << 20;

    private final TraceSources sources;
    private final WorkProgress progress;

    ReportCommand(Documents documents, WorkProgress progress) {
        this.sources = new TraceSources(documents);
        this.progress = progress;
    }

    CompletableFuture<Object> execute(ExecuteCommandParams params) {
        String uri = uri(params.getArguments());
        if (uri == null) {
            return failed(ResponseErrorCode.InvalidParams, ID + " takes one argument: {\"uri\": \"file:///…\"}");
        }
        return CompletableFutures.computeAsync(request -> {
            try {
                TraceSources.Found found = sources.of(uri);
                HtmlReport.Scanned report;
                try (WorkProgress.Job job = found.size() >= PROGRESS_FROM
                        ? progress.start("Report of " + found.source().name()) : progress.start(null, false)) {
                    CancelCheck cancel = () -> {
                        request.checkCanceled();
                        if (job.cancelled()) {
                            throw new CancellationException("cancelled by the user");
                        }
                    };
                    report = HtmlReport.read(found.source(), cancel, job);
                }
                Path written = ReportFiles.write(report, uri);
                LOG.fine(() -> ID + ": " + uri + " -> " + written);
                return (Object) written.toString();
            } catch (TraceInputException e) {
                throw error(ResponseErrorCode.InvalidParams, ID + ": cannot read " + uri + ": " + e.getMessage());
            } catch (CancellationException | ResponseErrorException e) {
                throw e;
            } catch (Exception e) {
                LOG.warning(() -> ID + " failed: " + e);
                throw error(ResponseErrorCode.InternalError, ID + " failed: " + e.getMessage());
            } catch (OutOfMemoryError e) {
                // what the command held is let go here: the server goes on with its open documents
                throw error(ResponseErrorCode.InternalError, ID + ": out of memory (the server's heap, "
                        + OversizedMessages.megabytes(Runtime.getRuntime().maxMemory()) + ", is too small for it)");
            }
        });
    }

    /** The uri of {@code [{"uri": "…"}]}, as JSON from the wire or a map in process; else null. */
    static String uri(List<Object> args) {
        if (args == null || args.isEmpty()) {
            return null;
        }
        Object first = args.get(0);
        if (first instanceof JsonObject o) {
            JsonElement u = o.get("uri");
            return u != null && u.isJsonPrimitive() && u.getAsJsonPrimitive().isString() ? u.getAsString() : null;
        }
        if (first instanceof Map<?, ?> m && m.get("uri") instanceof String s) {
            return s;
        }
        return null;
    }

    private static ResponseErrorException error(ResponseErrorCode code, String message) {
        return new ResponseErrorException(new ResponseError(code, message, null));
    }

    private static CompletableFuture<Object> failed(ResponseErrorCode code, String message) {
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
    }
}
