package org.stracels.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stracels.view.ViewFilter;

/**
 * The argument object of {@code strace.view} and {@code strace.summary}: {@code {"uri", "pid", "tree", "failed",
 * "noise", "syscalls", "classes", "path", "fd": {"pid", "fd", "line"}, "fromLine", "toLine", "fromTime", "toTime",
 * "context"}}, lines 0-based. A wrong shape or value is an {@link IllegalArgumentException} with a message for the user.
 */
record ViewArguments(String uri, ViewFilter filter) {

    static ViewArguments read(List<Object> arguments) {
        if (arguments == null || arguments.isEmpty() || !(arguments.get(0) instanceof JsonObject o)) {
            throw new IllegalArgumentException("expected one argument object {\"uri\": …, filters…}");
        }
        String uri = string(o, "uri");
        if (uri == null) {
            throw new IllegalArgumentException("uri is missing: say which trace");
        }
        List<Integer> pids = new ArrayList<>();
        JsonElement pid = o.get("pid");
        if (pid != null && !pid.isJsonNull()) {
            if (pid.isJsonArray()) {
                for (JsonElement e : pid.getAsJsonArray()) {
                    pids.add(integer(e, "pid"));
                }
            } else {
                pids.add(integer(pid, "pid"));
            }
        }
        JsonElement fdJson = o.get("fd");
        ViewFilter.FdRef fd = null;
        if (fdJson != null && !fdJson.isJsonNull()) {
            if (!fdJson.isJsonObject()) {
                throw new IllegalArgumentException("fd must be {\"pid\", \"fd\", \"line\"}");
            }
            JsonObject f = fdJson.getAsJsonObject();
            fd = new ViewFilter.FdRef(integer(f.get("pid"), "fd.pid"), integer(f.get("fd"), "fd.fd"),
                    integer(f.get("line"), "fd.line"));
        }
        ViewFilter filter = new ViewFilter(pids, bool(o, "tree"), bool(o, "failed"), bool(o, "noise"),
                strings(o, "syscalls"), lower(strings(o, "classes")), string(o, "path"), fd, optInt(o, "fromLine"),
                optInt(o, "toLine"), time(o, "fromTime"), time(o, "toTime"), Math.max(0, optInt(o, "context")));
        String problem = filter.check();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new ViewArguments(uri, filter);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(key + " must be a string");
        }
        return e.getAsString();
    }

    /** A time as the trace prints it, or a number of seconds. */
    private static String time(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        throw new IllegalArgumentException(key + " must be a time (\"10:22:31.5\" or seconds)");
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(key + " must be true or false");
        }
        return e.getAsBoolean();
    }

    private static int optInt(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? -1 : integer(e, key);
    }

    private static int integer(JsonElement e, String key) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(key + " must be a number");
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
        return (int) d;
    }

    private static Set<String> strings(JsonObject o, String key) {
        JsonElement e = o.get(key);
        Set<String> out = new LinkedHashSet<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(key + " must be a list of strings");
        }
        JsonArray a = e.getAsJsonArray();
        for (JsonElement item : a) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException(key + " must be a list of strings");
            }
            out.add(item.getAsString());
        }
        return out;
    }

    private static Set<String> lower(Set<String> s) {
        Set<String> out = new LinkedHashSet<>();
        s.forEach(x -> out.add(x.toLowerCase(java.util.Locale.ROOT)));
        return out;
    }
}
