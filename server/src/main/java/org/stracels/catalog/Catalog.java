package org.stracels.catalog;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documentation of syscalls, errnos, signals, si_codes and constants, read from the JSON resources
 * in {@code org/stracels/catalog/} once, on first use.
 */
public final class Catalog {
    private static final String DIR = "/org/stracels/catalog/";
    private static final int MAX_PARTS = 9;

    private final Map<String, SyscallDoc> syscalls;
    private final Map<String, ErrnoDoc> errnos;
    private final Map<String, SignalDoc> signals;
    private final Map<String, SiCodeDoc> siCodes;
    private final Map<String, String> siginfoFields;
    private final Map<String, ConstantDoc> constants;
    private final String realtime;
    private final Map<String, String> fields;

    private Catalog(Map<String, SyscallDoc> syscalls, Map<String, ErrnoDoc> errnos, Map<String, SignalDoc> signals,
            Map<String, SiCodeDoc> siCodes, Map<String, String> siginfoFields, Map<String, ConstantDoc> constants,
            String realtime, Map<String, String> fields) {
        this.syscalls = syscalls;
        this.errnos = errnos;
        this.signals = signals;
        this.siCodes = siCodes;
        this.siginfoFields = siginfoFields;
        this.constants = constants;
        this.realtime = realtime;
        this.fields = fields;
    }

    private static final class Holder {
        static final Catalog INSTANCE = load();
    }

    /** The catalogue, loaded on the first call. */
    public static Catalog get() {
        return Holder.INSTANCE;
    }

    public SyscallDoc syscall(String name) {
        return name == null ? null : syscalls.get(name);
    }

    public ErrnoDoc errno(String name) {
        return name == null ? null : errnos.get(name);
    }

    /** A signal by its name, {@code SIGSEGV}; realtime signals ({@code SIGRT_3}) are described generically. */
    public SignalDoc signal(String name) {
        if (name == null) {
            return null;
        }
        SignalDoc doc = signals.get(name);
        if (doc == null && name.startsWith("SIGRT")) {
            return new SignalDoc(name, -1, "terminate", realtime);
        }
        return doc;
    }

    public SiCodeDoc siCode(String name) {
        return name == null ? null : siCodes.get(name);
    }

    /** What a siginfo field ({@code si_pid}, {@code si_status}) holds, or null. */
    public String siginfoField(String name) {
        return name == null ? null : siginfoFields.get(name);
    }

    /** What a struct field strace prints ({@code st_mode}, {@code tv_nsec}, {@code si_pid}) holds, or null. */
    public String field(String name) {
        if (name == null) {
            return null;
        }
        String doc = fields.get(name);
        return doc != null ? doc : siginfoFields.get(name);
    }

    public ConstantDoc constant(String name) {
        return name == null ? null : constants.get(name);
    }

    public Map<String, SyscallDoc> syscalls() {
        return syscalls;
    }

    public Map<String, ErrnoDoc> errnos() {
        return errnos;
    }

    public Map<String, SignalDoc> signals() {
        return signals;
    }

    public Map<String, SiCodeDoc> siCodes() {
        return siCodes;
    }

    public Map<String, ConstantDoc> constants() {
        return constants;
    }

    /** What each struct field and siginfo field strace prints holds, by field name. */
    public Map<String, String> fieldDocs() {
        Map<String, String> all = new HashMap<>(siginfoFields);
        all.putAll(fields);
        return Collections.unmodifiableMap(all);
    }

    // ---- loading -----------------------------------------------------------------------------------------

    private static Catalog load() {
        Gson gson = new Gson();
        Map<String, SyscallDoc> syscalls = new HashMap<>();
        Map<String, ConstantDoc> constants = new HashMap<>();
        for (int part = 1; part <= MAX_PARTS; part++) {
            JsonObject sys = read("syscalls-" + part + ".json");
            if (sys != null) {
                for (Map.Entry<String, JsonElement> e : sys.entrySet()) {
                    syscalls.put(e.getKey(), syscall(gson, e.getKey(), e.getValue().getAsJsonObject()));
                }
            }
            JsonObject consts = read("constants-" + part + ".json");
            if (consts != null) {
                for (Map.Entry<String, JsonElement> e : consts.entrySet()) {
                    constants.putIfAbsent(e.getKey(), constant(gson, e.getKey(), e.getValue().getAsJsonObject()));
                }
            }
        }
        Map<String, ErrnoDoc> errnos = new HashMap<>();
        JsonObject err = read("errnos.json");
        if (err != null) {
            for (Map.Entry<String, JsonElement> e : err.entrySet()) {
                JsonObject o = e.getValue().getAsJsonObject();
                errnos.put(e.getKey(), new ErrnoDoc(e.getKey(), intOr(o, "number", -1), string(o, "message"),
                        string(o, "meaning"), stringMap(gson, o.get("causes")), string(o, "aliasOf")));
            }
        }
        Map<String, SignalDoc> signals = new HashMap<>();
        Map<String, SiCodeDoc> siCodes = new HashMap<>();
        Map<String, String> fields = new HashMap<>();
        String realtime = null;
        JsonObject sig = read("signals.json");
        if (sig != null) {
            for (Map.Entry<String, JsonElement> e : object(sig, "signals").entrySet()) {
                JsonObject o = e.getValue().getAsJsonObject();
                signals.put(e.getKey(), new SignalDoc(e.getKey(), intOr(o, "number", -1), string(o, "action"),
                        string(o, "meaning")));
            }
            for (Map.Entry<String, JsonElement> e : object(sig, "siCodes").entrySet()) {
                JsonObject o = e.getValue().getAsJsonObject();
                Integer value = o.has("value") && !o.get("value").isJsonNull() ? o.get("value").getAsInt() : null;
                siCodes.put(e.getKey(), new SiCodeDoc(e.getKey(), string(o, "signal"), value, string(o, "meaning")));
            }
            fields.putAll(stringMap(gson, sig.get("fields")));
            realtime = string(sig, "realtime");
        }
        Map<String, String> structFields = new HashMap<>();
        JsonObject fieldDocs = read("fields.json");
        if (fieldDocs != null) {
            for (Map.Entry<String, JsonElement> e : fieldDocs.entrySet()) {
                String meaning = string(e.getValue().getAsJsonObject(), "meaning");
                if (meaning != null) {
                    structFields.put(e.getKey(), meaning);
                }
            }
        }
        return new Catalog(Collections.unmodifiableMap(syscalls), Collections.unmodifiableMap(errnos),
                Collections.unmodifiableMap(signals), Collections.unmodifiableMap(siCodes),
                Collections.unmodifiableMap(fields), Collections.unmodifiableMap(constants), realtime,
                Collections.unmodifiableMap(structFields));
    }

    private static SyscallDoc syscall(Gson gson, String name, JsonObject o) {
        List<SyscallDoc.ParamDoc> params = o.has("params")
                ? List.of(gson.fromJson(o.get("params"), SyscallDoc.ParamDoc[].class))
                : List.of();
        return new SyscallDoc(name, string(o, "class"), string(o, "signature"), params, string(o, "summary"),
                string(o, "returns"), o.has("returnsFd") && o.get("returnsFd").getAsBoolean(), string(o, "strace"));
    }

    private static ConstantDoc constant(Gson gson, String name, JsonObject o) {
        List<String> categories = o.has("categories") ? List.of(gson.fromJson(o.get("categories"), String[].class)) : List.of();
        return new ConstantDoc(name, categories, string(o, "value"), string(o, "meaning"));
    }

    private static JsonObject read(String file) {
        try (InputStream in = Catalog.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                return null;
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return JsonParser.parseReader(reader).getAsJsonObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject object(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonObject() ? o.getAsJsonObject(key) : new JsonObject();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static int intOr(JsonObject o, String key, int fallback) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsInt();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> stringMap(Gson gson, JsonElement e) {
        return e == null || !e.isJsonObject() ? Map.of() : gson.fromJson(e, Map.class);
    }
}
