package org.stracels.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** The summaries above the first line of a trace and of each process, written as "line: title". */
class CodeLensesTest {
    @Test
    void aForkingTraceWithTimesAndDurations() {
        // counted independently: grep -v 'resumed>\|+++\|---' tt-T.strace | wc -l = 232, grep -c ' = -1 ' = 14;
        // 9753 runs from 06.741553 (line 53) to its exit at 06.743317 (line 127)
        assertThat(lenses("tt-T.strace")).containsExactly(
                "0: 4 processes · 232 syscalls · 14 failures · wall 8.2 ms · strace -f -tt -T",
                "0: pid 9752 — /usr/bin/sh · 68 calls · 4 failed · exited with 0 · 8.2 ms",
                "53: pid 9753 — /usr/bin/cat · 49 calls · 1 failed · exited with 0 · 1.76 ms",
                "54: pid 9754 — /usr/bin/wc · 45 calls · 2 failed · exited with 0 · 2.9 ms",
                "180: pid 9755 — /usr/bin/ls · 70 calls · 7 failed · exited with 2 · 2.33 ms");
    }

    @Test
    void aPlainTraceHasNoTimesAndNoOptions() {
        assertThat(lenses("plain.strace")).containsExactly("0: 1 process · 73 syscalls · 7 failures",
                "0: process — /usr/bin/ls · 73 calls · 7 failed · exited with 2");
    }

    @Test
    void wholeSecondTimesSayLessThanASecondAndEpochTimesWork() {
        assertThat(lenses("t.strace").get(0)).isEqualTo("0: 1 process · 73 syscalls · 7 failures · wall < 1 s · strace -t");
        assertThat(lenses("ttt.strace").get(0)).isEqualTo("0: 1 process · 73 syscalls · 7 failures · wall 1.91 ms · strace -ttt");
    }

    @Test
    void threadsAreCountedApartAndKillsAndDetachesAreTheEnding() {
        assertThat(lenses("busy.strace").get(0)).startsWith("0: 2 processes + 8 threads · 2,871 syscalls · 1 failure ·");
        assertThat(lenses("killed.strace")).anyMatch(l -> l.contains("pid 10094 — /usr/bin/sleep") && l.contains("killed by SIGKILL"));
        assertThat(lenses("attach.strace")).containsExactly("0: 1 process · 1 syscall · 0 failures", "0: process · 1 call · detached");
    }

    @Test
    void aSummaryTableAloneSaysSo() {
        assertThat(lenses("c.strace")).containsExactly("0: a summary table only, no calls · strace -c");
    }

    @Test
    void anEmptyTraceHasNoLens() {
        assertThat(CodeLenses.lenses(Trace.of(""), CancelCheck.NONE)).hasSize(1); // "" is one empty line
        assertThat(CodeLenses.lenses(Trace.of(""), CancelCheck.NONE).get(0).title()).isEqualTo("0 processes · 0 syscalls · 0 failures");
    }

    private static List<String> lenses(String file) {
        return CodeLenses.lenses(Trace.of(Testdata.read(file)), CancelCheck.NONE).stream()
                .map(l -> l.line() + ": " + l.title()).toList();
    }
}
