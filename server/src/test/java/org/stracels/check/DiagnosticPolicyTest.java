package org.stracels.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** Severities per class of finding as the user sets them, applied by the checker to real traces. */
class DiagnosticPolicyTest {
    private static List<Finding> check(String file, Map<FindingClass, Optional<Severity>> severities) {
        return Checker.check(Trace.of(Testdata.read(file)), new DiagnosticPolicy(new DiagnosticSettings(severities)),
                CancelCheck.NONE);
    }

    @Test
    void theDefaultsAreTheFindingsOfTheDefaultCheck() {
        Trace trace = Trace.of(Testdata.read("follow.strace"));
        assertThat(Checker.check(trace, DiagnosticPolicy.DEFAULT, CancelCheck.NONE)).isEqualTo(Checker.check(trace));
        assertThat(DiagnosticPolicy.DEFAULT.severity(FindingClass.NOISE)).contains(Severity.HINT);
        assertThat(DiagnosticPolicy.DEFAULT.severity(FindingClass.KILLED)).contains(Severity.ERROR);
    }

    @Test
    void noiseOffLeavesTheRoutineFailuresOut() {
        // plain.strace: 5 probes of the loader and libselinux (hints) and the two statx of /nonexistent, and the exit
        assertThat(check("plain.strace", Map.of())).extracting(Finding::line).containsExactly(3, 48, 49, 58, 59, 62, 63, 64, 73);
        assertThat(check("plain.strace", Map.of(FindingClass.NOISE, Optional.empty())))
                .extracting(Finding::line).containsExactly(62, 63, 64, 73);
    }

    @Test
    void eachClassTakesTheSeverityTheUserGave() {
        List<Finding> findings = check("plain.strace", Map.of(FindingClass.FAILURE, Optional.of(Severity.ERROR),
                FindingClass.NONZERO_EXIT, Optional.of(Severity.HINT)));
        assertThat(findings).filteredOn(f -> f.line() == 62).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(findings).filteredOn(f -> f.line() == 73).extracting(Finding::severity).containsExactly(Severity.HINT);
        assertThat(findings).filteredOn(f -> f.line() == 3).extracting(Finding::severity).containsExactly(Severity.HINT);
    }

    @Test
    void killedUnmatchedAndMalformedCanBeSwitchedOff() {
        assertThat(check("killed.strace", Map.of())).extracting(Finding::code).contains("killed-by-signal");
        assertThat(check("killed.strace", Map.of(FindingClass.KILLED, Optional.empty())))
                .extracting(Finding::code).doesNotContain("killed-by-signal");
        // the leader's file of a thread's execve (-ff) holds a re-printed "<... execve resumed>" without its start
        assertThat(check("thread-exec-ff/trace.9733", Map.of())).extracting(Finding::code).contains("resumed-without-start");
        assertThat(check("thread-exec-ff/trace.9733", Map.of(FindingClass.UNMATCHED, Optional.empty())))
                .extracting(Finding::code).doesNotContain("resumed-without-start");
        String broken = "close(3) = 0\nthis is not strace\n";
        assertThat(Checker.check(Trace.of(broken), new DiagnosticPolicy(new DiagnosticSettings(
                Map.of(FindingClass.MALFORMED, Optional.empty()))), CancelCheck.NONE)).isEmpty();
    }

    @Test
    void restartedCallsAreNoise() {
        // signals.strace: read(...) = ? ERESTARTSYS, a hint by default, gone with noise off
        assertThat(check("signals.strace", Map.of())).extracting(Finding::code).contains("ERESTARTSYS");
        assertThat(check("signals.strace", Map.of(FindingClass.NOISE, Optional.empty()))).extracting(Finding::code)
                .doesNotContain("ERESTARTSYS", "ERESTARTNOHAND", "ERESTART_RESTARTBLOCK");
    }

    @Test
    void settingNamesAreStable() {
        assertThat(FindingClass.values()).filteredOn(FindingClass::isSetting).extracting(FindingClass::settingName)
                .containsExactly("noise", "failure", "killed", "nonzeroExit", "malformed", "unmatched");
        // the classes that are not a choice have no name a setting could use
        assertThat(FindingClass.values()).filteredOn(c -> !c.isSetting())
                .containsExactly(FindingClass.REPORTED_ERROR, FindingClass.LEFT_OUT);
        assertThat(FindingClass.bySettingName("null")).isNull();
        assertThat(FindingClass.bySettingName("NonZeroExit")).isEqualTo(FindingClass.NONZERO_EXIT);
        assertThat(FindingClass.bySettingName("bogus")).isNull();
    }
}
