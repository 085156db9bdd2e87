package org.stracels.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.stracels.analysis.Trace;
import org.stracels.report.ReportFiles;

/**
 * {@code strace.report {"uri": …}}: writes the HTML report of a trace (the open document's current text, or the
 * file itself when the editor did not send it, e.g. one too large to sync) and answers the path of the file, for
 * any client to open in a browser or a web view. Bad arguments and unreadable files answer a JSON-RPC error.
 */
final class ReportCommand {
    static final String ID = "strace.report";
    private static final Logger LOG = Logger.getLogger(ReportCommand.class.getName());

    private final Documents documents;

    ReportCommand(Documents documents) {
        this.documents = documents;
    }

    CompletableFuture<Object> execute(ExecuteCommandParams params) {
        String uri = uri(params.getArguments());
        if (uri == null) {
            return failed(ResponseErrorCode.InvalidParams, ID + " takes one argument: {\"uri\": \"file:///…\"}");
        }
        return CompletableFuture.supplyAsync(() -> {
            Optional<OpenDocument> open = documents.get(uri);
            try {
                Trace trace;
                if (open.isPresent()) {
                    trace = open.get().trace();
                } else {
                    Path file = file(uri);
                    trace = Trace.of(ReportFiles.read(file));
                }
                Path written = ReportFiles.write(trace, uri);
                LOG.fine(() -> ID + ": " + uri + " -> " + written);
                return (Object) written.toString();
            } catch (IOException | IllegalArgumentException e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                        ID + ": cannot read " + uri + ": " + e.getMessage(), null));
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

    /** A file: URI as a path to a regular file. */
    private static Path file(String uri) throws IOException {
        URI parsed = URI.create(uri);
        if (!"file".equals(parsed.getScheme())) {
            throw new IOException("not open in the editor, and not a file: URI");
        }
        Path path = Path.of(parsed);
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file");
        }
        return path;
    }

    private static CompletableFuture<Object> failed(ResponseErrorCode code, String message) {
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
    }
}
