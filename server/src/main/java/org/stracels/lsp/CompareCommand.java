package org.stracels.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.stracels.compare.Comparison;
import org.stracels.compare.Difference;
import org.stracels.compare.RunFiles;

/**
 * {@code strace.compare {"good": uri, "bad": uri, "pair"?: n}}: the ranked differences between two runs
 * ({@link Comparison}) with their places in both, the process pairs, and the normalised texts of one pair (the
 * one asked for, else that of the first difference) for a side-by-side view. A run is a {@code file:} URI of a
 * trace, of a folder of -ff files or of an -ff prefix; traces are read from disk. Bad arguments answer a
 * JSON-RPC error (InvalidParams) that says what is wrong.
 */
final class CompareCommand {
    static final String ID = "strace.compare";
    /** Unranked differences sent at most, after the ranked ones. */
    static final int ROUTINE_SENT = 200;

    CompletableFuture<Object> execute(ExecuteCommandParams params) {
        return CompletableFuture.supplyAsync(() -> {
            JsonObject args = arguments(params);
            String goodUri = string(args, "good");
            String badUri = string(args, "bad");
            List<Path> good = files(goodUri);
            List<Path> bad = files(badUri);
            Comparison c;
            try {
                c = Comparison.of(good, good.stream().map(Path::toString).toList(), bad,
                        bad.stream().map(Path::toString).toList());
            } catch (IOException e) {
                throw invalid("cannot read a trace: " + e.getMessage());
            }
            Map<String, String> uris = new java.util.HashMap<>();
            name(uris, goodUri, good);
            name(uris, badUri, bad);
            return answer(c, uris, args.has("pair") && args.get("pair").isJsonPrimitive() ? pair(args) : -1);
        });
    }

    private static JsonObject answer(Comparison c, Map<String, String> uris, int asked) {
        JsonObject o = new JsonObject();
        JsonArray failures = new JsonArray();
        c.failures().forEach(failures::add);
        o.add("failures", failures);
        o.addProperty("explainsFailure", c.explainsFailure());
        JsonArray diffs = new JsonArray();
        int routine = 0;
        for (Difference d : c.differences()) {
            if (!d.ranked() && routine++ >= ROUTINE_SENT) {
                break;
            }
            JsonObject j = new JsonObject();
            j.addProperty("kind", d.kind().id());
            j.addProperty("why", d.why());
            j.addProperty("score", d.score());
            j.addProperty("ranked", d.ranked());
            j.addProperty("pair", d.pair());
            j.add("good", location(d.good(), uris));
            j.add("bad", location(d.bad(), uris));
            diffs.add(j);
        }
        o.add("differences", diffs);
        JsonArray pairs = new JsonArray();
        for (Comparison.PairInfo p : c.pairs()) {
            JsonObject j = new JsonObject();
            j.addProperty("id", p.id());
            j.add("good", p.good() == null ? JsonNull.INSTANCE : new JsonPrimitive(p.good()));
            j.add("bad", p.bad() == null ? JsonNull.INSTANCE : new JsonPrimitive(p.bad()));
            j.addProperty("goodCalls", p.goodCalls());
            j.addProperty("badCalls", p.badCalls());
            pairs.add(j);
        }
        o.add("pairs", pairs);
        int pair = asked >= 0 && asked < c.pairs().size() ? asked
                : c.rankedDifferences().stream().mapToInt(Difference::pair).filter(p -> p >= 0).findFirst().orElse(0);
        o.addProperty("pair", pair);
        JsonObject texts = new JsonObject();
        texts.addProperty("good", c.text(pair, true));
        texts.addProperty("bad", c.text(pair, false));
        o.add("texts", texts);
        return o;
    }

    /** A line as an LSP location: the whole line, from its start to the start of the next. */
    private static JsonElement location(Difference.Location l, Map<String, String> uris) {
        if (l == null) {
            return JsonNull.INSTANCE;
        }
        JsonObject loc = new JsonObject();
        loc.addProperty("uri", uris.getOrDefault(l.file(), Path.of(l.file()).toUri().toString()));
        JsonObject range = new JsonObject();
        range.add("start", position(l.line() - 1));
        range.add("end", position(l.line()));
        loc.add("range", range);
        return loc;
    }

    private static JsonObject position(int line) {
        JsonObject p = new JsonObject();
        p.addProperty("line", line);
        p.addProperty("character", 0);
        return p;
    }

    /** A run given as one file keeps the client's spelling of its URI. */
    private static void name(Map<String, String> uris, String uri, List<Path> files) {
        if (files.size() == 1) {
            uris.put(files.get(0).toString(), uri);
        }
    }

    private static JsonObject arguments(ExecuteCommandParams params) {
        List<Object> args = params == null ? null : params.getArguments();
        if (args == null || args.isEmpty()) {
            throw invalid(ID + " takes one argument, {\"good\": uri, \"bad\": uri}");
        }
        Object a = args.get(0);
        if (a instanceof JsonObject o) {
            return o;
        }
        if (a instanceof Map<?, ?> m) {
            return new com.google.gson.Gson().toJsonTree(m).getAsJsonObject();
        }
        throw invalid(ID + " takes one argument, {\"good\": uri, \"bad\": uri}");
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw invalid(ID + ": \"" + key + "\" must be the URI of a trace");
        }
        return e.getAsString();
    }

    private static int pair(JsonObject o) {
        try {
            return o.get("pair").getAsInt();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static List<Path> files(String uri) {
        Path path;
        try {
            URI u = new URI(uri);
            if (!"file".equals(u.getScheme())) {
                throw invalid(ID + ": only file: URIs can be compared, not " + uri);
            }
            path = Path.of(u).normalize();
        } catch (java.net.URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw invalid(ID + ": not a file URI: " + uri);
        }
        try {
            return RunFiles.resolve(path.toString());
        } catch (IllegalArgumentException e) {
            throw invalid(ID + ": " + e.getMessage());
        }
    }

    private static ResponseErrorException invalid(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }
}
