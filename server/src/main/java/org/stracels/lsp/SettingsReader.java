package org.stracels.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.check.DiagnosticSettings;
import org.stracels.check.FindingClass;
import org.stracels.check.Severity;
import org.stracels.settings.Settings;
import org.stracels.structure.InlayHints;

/**
 * Reads {@code {"strace": {…}}}, the one shape of the settings, from initializationOptions and from
 * workspace/didChangeConfiguration alike. Tolerant, as lemminx's FaultTolerantTypeAdapterFactory: a value
 * of the wrong type or out of range logs one warning naming the setting and falls back to its default; the
 * other settings are read as usual. Keys it does not know are logged at fine level only, since clients send
 * their whole section (with client-side keys such as {@code strace.trace.server}). An empty JSON array where an
 * object is expected counts as an empty object, without a warning: Lua has one kind of table, and Neovim's
 * JSON encoder writes an empty one ({@code init_options = {}}, {@code strace = {}}) as {@code []}.
 */
final class SettingsReader {
    private static final Logger LOG = Logger.getLogger(SettingsReader.class.getName());

    private SettingsReader() {
    }

    /** Whether {@code json} holds a {@code strace} section at all (null, {@code {}} or other sections do not). */
    static boolean hasSection(Object json) {
        JsonElement root = json instanceof JsonElement e ? e : json == null ? null : new Gson().toJsonTree(json);
        return root != null && root.isJsonObject() && root.getAsJsonObject().has("strace")
                && !root.getAsJsonObject().get("strace").isJsonNull();
    }

    /** The settings in {@code json} (a JsonElement as lsp4j delivers it, or any object gson can turn into one). */
    static Settings read(Object json) {
        JsonElement root = json instanceof JsonElement e ? e : json == null ? null : new Gson().toJsonTree(json);
        if (root == null || root.isJsonNull()) {
            return Settings.DEFAULT;
        }
        if (isEmptyArray(root)) {
            LOG.fine("settings: an empty array (an empty Lua table): using the defaults");
            return Settings.DEFAULT;
        }
        if (!root.isJsonObject()) {
            LOG.warning(() -> "settings: expected an object {\"strace\": {…}}, got " + root + "; using the defaults");
            return Settings.DEFAULT;
        }
        JsonElement strace = root.getAsJsonObject().get("strace");
        if (strace == null || strace.isJsonNull()) {
            LOG.fine("settings without a \"strace\" section: using the defaults");
            return Settings.DEFAULT;
        }
        if (!strace.isJsonObject() && !isEmptyArray(strace)) {
            LOG.warning(() -> "strace: expected an object, got " + strace + "; using the defaults");
            return Settings.DEFAULT;
        }
        Section s = new Section("strace", strace.isJsonObject() ? strace.getAsJsonObject() : new JsonObject());
        Section diagnostics = s.section("diagnostics");
        Section hints = s.section("inlayHints");
        double thresholdMs = hints.number("slowCallThresholdMs", 0, 1e9,
                InlayHints.Options.DEFAULT_SLOW_CALL_NANOS / 1e6);
        InlayHints.Options options = new InlayHints.Options(hints.bool("parameterNames", true),
                hints.bool("fdPaths", true), hints.bool("slowCalls", true), Math.round(thresholdMs * 1e6));
        Settings settings = new Settings(severities(diagnostics.section("severity")),
                (int) diagnostics.number("maxPerFile", 0, Integer.MAX_VALUE, Settings.DEFAULT_MAX_DIAGNOSTICS),
                options, s.section("hover").bool("manPages", true),
                (int) s.section("outline").number("maxEventsPerProcess", 0, 100_000, Settings.DEFAULT_OUTLINE_MAX_EVENTS),
                (int) s.section("folding").number("minRun", 2, 1_000_000, Settings.DEFAULT_FOLDING_MIN_RUN));
        s.unknownKeys("diagnostics", "inlayHints", "hover", "outline", "folding");
        diagnostics.unknownKeys("severity", "maxPerFile");
        hints.unknownKeys("parameterNames", "fdPaths", "slowCalls", "slowCallThresholdMs");
        return settings;
    }

    /** {@code []}: how Neovim (Lua) encodes an empty table, meant as an empty object. */
    private static boolean isEmptyArray(JsonElement e) {
        return e.isJsonArray() && e.getAsJsonArray().isEmpty();
    }

    private static DiagnosticSettings severities(Section section) {
        Map<FindingClass, Optional<Severity>> map = new EnumMap<>(FindingClass.class);
        for (Map.Entry<String, JsonElement> e : section.object.entrySet()) {
            FindingClass c = FindingClass.bySettingName(e.getKey());
            String key = section.path + "." + e.getKey();
            if (c == null) {
                LOG.warning(() -> key + ": no such class of diagnostics (noise, failure, killed, nonzeroExit,"
                        + " malformed, unmatched); ignored");
                continue;
            }
            String value = e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isString()
                    ? e.getValue().getAsString().toLowerCase(Locale.ROOT) : null;
            Optional<Severity> severity = value == null ? null : switch (value) {
                case "error" -> Optional.of(Severity.ERROR);
                case "warning" -> Optional.of(Severity.WARNING);
                case "information", "info" -> Optional.of(Severity.INFORMATION);
                case "hint" -> Optional.of(Severity.HINT);
                case "off", "none" -> Optional.empty();
                default -> null;
            };
            if (severity == null) {
                LOG.warning(() -> key + ": expected \"error\", \"warning\", \"information\", \"hint\" or \"off\", got "
                        + e.getValue() + "; using " + DiagnosticPolicy.defaultSeverity(c).id());
                continue;
            }
            map.put(c, severity);
        }
        return new DiagnosticSettings(map);
    }

    /** One object of the settings, with its dotted path for the log. */
    private static final class Section {
        final String path;
        final JsonObject object;

        Section(String path, JsonObject object) {
            this.path = path;
            this.object = object;
        }

        Section section(String key) {
            JsonElement e = object.get(key);
            if (e != null && !e.isJsonNull() && !e.isJsonObject() && !isEmptyArray(e)) {
                LOG.warning(() -> path + "." + key + ": expected an object, got " + e + "; using the defaults");
            }
            return new Section(path + "." + key, e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject());
        }

        boolean bool(String key, boolean fallback) {
            JsonElement e = object.get(key);
            if (e == null || e.isJsonNull()) {
                return fallback;
            }
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
                return e.getAsBoolean();
            }
            LOG.warning(() -> path + "." + key + ": expected true or false, got " + e + "; using " + fallback);
            return fallback;
        }

        double number(String key, double min, double max, double fallback) {
            JsonElement e = object.get(key);
            if (e == null || e.isJsonNull()) {
                return fallback;
            }
            JsonPrimitive p = e.isJsonPrimitive() ? e.getAsJsonPrimitive() : null;
            if (p != null && p.isNumber()) {
                double v = p.getAsDouble();
                if (v >= min && v <= max) {
                    return v;
                }
            }
            LOG.warning(() -> path + "." + key + ": expected a number from " + plain(min) + " to " + plain(max)
                    + ", got " + e + "; using " + plain(fallback));
            return fallback;
        }

        void unknownKeys(String... known) {
            for (String key : object.keySet()) {
                if (!java.util.List.of(known).contains(key)) {
                    LOG.fine(() -> path + "." + key + ": not a setting of the server; ignored");
                }
            }
        }

        private static String plain(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
