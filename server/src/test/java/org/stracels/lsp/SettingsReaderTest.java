package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stracels.check.FindingClass;
import org.stracels.check.Severity;
import org.stracels.settings.Settings;
import org.stracels.structure.InlayHints;

/** The one shape of the settings, read tolerantly: a bad value logs a warning and falls back to its default. */
class SettingsReaderTest {
    private final Logger logger = Logger.getLogger(SettingsReader.class.getName());
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    private static Settings read(String json) {
        return SettingsReader.read(JsonParser.parseString(json));
    }

    @Test
    void everySettingIsRead() {
        Settings s = read("""
                {"strace": {
                  "diagnostics": {"severity": {"noise": "off", "failure": "error", "killed": "warning",
                                               "nonzeroExit": "information", "malformed": "hint", "unmatched": "off"},
                                  "maxPerFile": 20},
                  "inlayHints": {"parameterNames": false, "fdPaths": false, "slowCalls": true, "slowCallThresholdMs": 2.5},
                  "hover": {"manPages": false},
                  "outline": {"maxEventsPerProcess": 7},
                  "folding": {"minRun": 3}}}""");
        assertThat(s.diagnostics().severities()).containsEntry(FindingClass.NOISE, Optional.empty())
                .containsEntry(FindingClass.FAILURE, Optional.of(Severity.ERROR))
                .containsEntry(FindingClass.KILLED, Optional.of(Severity.WARNING))
                .containsEntry(FindingClass.NONZERO_EXIT, Optional.of(Severity.INFORMATION))
                .containsEntry(FindingClass.MALFORMED, Optional.of(Severity.HINT))
                .containsEntry(FindingClass.UNMATCHED, Optional.empty());
        assertThat(s.maxDiagnostics()).isEqualTo(20);
        assertThat(s.inlayHints()).isEqualTo(new InlayHints.Options(false, false, true, 2_500_000));
        assertThat(s.manPages()).isFalse();
        assertThat(s.outlineMaxEvents()).isEqualTo(7);
        assertThat(s.foldingMinRun()).isEqualTo(3);
        assertThat(warnings).isEmpty();
    }

    @Test
    void nothingOrNoStraceSectionMeansTheDefaults() {
        assertThat(SettingsReader.read(null)).isEqualTo(Settings.DEFAULT);
        assertThat(read("null")).isEqualTo(Settings.DEFAULT);
        assertThat(read("{}")).isEqualTo(Settings.DEFAULT);
        assertThat(read("{\"strace\": {}}")).isEqualTo(Settings.DEFAULT);
        assertThat(read("{\"other\": {\"x\": 1}}")).isEqualTo(Settings.DEFAULT);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aBadValueFallsBackToItsDefaultWithOneWarningAndTheOthersStillApply() {
        Settings s = read("""
                {"strace": {
                  "diagnostics": {"severity": {"noise": "loud", "failure": "error", "bogus": "hint", "killed": 3},
                                  "maxPerFile": "many"},
                  "inlayHints": {"parameterNames": "no", "slowCallThresholdMs": -5},
                  "hover": {"manPages": 1},
                  "outline": {"maxEventsPerProcess": 2.5e9},
                  "folding": {"minRun": 1}}}""");
        assertThat(s.diagnostics().severities()).containsOnlyKeys(FindingClass.FAILURE)
                .containsEntry(FindingClass.FAILURE, Optional.of(Severity.ERROR));
        assertThat(s.maxDiagnostics()).isEqualTo(Settings.DEFAULT_MAX_DIAGNOSTICS);
        assertThat(s.inlayHints()).isEqualTo(InlayHints.Options.DEFAULT);
        assertThat(s.manPages()).isTrue();
        assertThat(s.outlineMaxEvents()).isEqualTo(Settings.DEFAULT_OUTLINE_MAX_EVENTS);
        assertThat(s.foldingMinRun()).isEqualTo(Settings.DEFAULT_FOLDING_MIN_RUN);
        assertThat(warnings).containsExactlyInAnyOrder(
                "strace.diagnostics.severity.noise: expected \"error\", \"warning\", \"information\", \"hint\" or \"off\", got \"loud\"; using hint",
                "strace.diagnostics.severity.bogus: no such class of diagnostics (noise, failure, killed, nonzeroExit, malformed, unmatched); ignored",
                "strace.diagnostics.severity.killed: expected \"error\", \"warning\", \"information\", \"hint\" or \"off\", got 3; using error",
                "strace.diagnostics.maxPerFile: expected a number from 0 to 2147483647, got \"many\"; using 1000",
                "strace.inlayHints.parameterNames: expected true or false, got \"no\"; using true",
                "strace.inlayHints.slowCallThresholdMs: expected a number from 0 to 1000000000, got -5; using 100",
                "strace.hover.manPages: expected true or false, got 1; using true",
                "strace.outline.maxEventsPerProcess: expected a number from 0 to 100000, got 2.5e9; using 50",
                "strace.folding.minRun: expected a number from 2 to 1000000, got 1; using 4");
    }

    @Test
    void anEmptyArrayIsAnEmptyLuaTableAndMeansNoSettingsWithoutAWarning() {
        // Neovim encodes an empty Lua table as []: init_options = {}, strace = {}, severity = {}
        assertThat(read("[]")).isEqualTo(Settings.DEFAULT);
        assertThat(read("{\"strace\": []}")).isEqualTo(Settings.DEFAULT);
        assertThat(read("{\"strace\": {\"diagnostics\": [], \"inlayHints\": [], \"hover\": [], \"outline\": [],"
                + " \"folding\": []}}")).isEqualTo(Settings.DEFAULT);
        Settings s = read("{\"strace\": {\"diagnostics\": {\"severity\": [], \"maxPerFile\": 7}}}");
        assertThat(s.maxDiagnostics()).isEqualTo(7);
        assertThat(s.diagnostics().severities()).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(SettingsReader.hasSection(JsonParser.parseString("[]"))).isFalse();
        assertThat(SettingsReader.hasSection(JsonParser.parseString("{\"strace\": []}"))).isTrue();
    }

    @Test
    void aNonEmptyArrayIsStillTheWrongType() {
        assertThat(read("{\"strace\": [1]}")).isEqualTo(Settings.DEFAULT);
        assertThat(read("{\"strace\": {\"hover\": [false]}}")).isEqualTo(Settings.DEFAULT);
        assertThat(warnings).containsExactly("strace: expected an object, got [1]; using the defaults",
                "strace.hover: expected an object, got [false]; using the defaults");
    }

    @Test
    void sectionsOfTheWrongTypeFallBackAsAWhole() {
        assertThat(read("[1, 2]")).isEqualTo(Settings.DEFAULT);
        assertThat(read("{\"strace\": \"on\"}")).isEqualTo(Settings.DEFAULT);
        assertThat(read("{\"strace\": {\"inlayHints\": true}}")).isEqualTo(Settings.DEFAULT);
        assertThat(warnings).containsExactly(
                "settings: expected an object {\"strace\": {…}}, got [1,2]; using the defaults",
                "strace: expected an object, got \"on\"; using the defaults",
                "strace.inlayHints: expected an object, got true; using the defaults");
    }
}
