package org.stracels.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stracels.Testdata;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;

class TraceModelTest {

    @Test
    void everyResumedLineOfABusyTracePairsWithItsStartOfTheSamePidAndName() {
        Trace trace = Trace.of(Testdata.read("busy.strace"));
        ParsedTrace p = trace.parsed();
        int pairs = 0;
        for (int i = 0; i < p.lineCount(); i++) {
            if (p.kind(i) == LineKind.RESUMED) {
                int start = trace.model().partner(i);
                assertThat(start).as("line %d", i + 1).isBetween(0, i - 1);
                assertThat(p.kind(start)).isEqualTo(LineKind.UNFINISHED);
                assertThat(p.pid(start)).isEqualTo(p.pid(i));
                assertThat(p.name(start)).isEqualTo(p.name(i));
                assertThat(trace.model().partner(start)).isEqualTo(i);
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(1000);
        assertThat(trace.model().unmatchedResumed()).isEmpty();
    }

    @Test
    void processesOfAPipelineKnowTheirParentProgramAndEnding() {
        Trace trace = Trace.of(Testdata.read("follow.strace"));
        List<ProcessInfo> processes = trace.model().processes();
        assertThat(processes).hasSize(4);
        ProcessInfo shell = processes.get(0);
        assertThat(shell.parentId()).isEqualTo(-1);
        assertThat(shell.execs()).extracting(ProcessInfo.Exec::path).containsExactly("/usr/bin/sh");
        assertThat(shell.ending()).isEqualTo(ProcessInfo.Ending.EXITED);
        for (ProcessInfo child : processes.subList(1, 4)) {
            assertThat(child.parentPid()).isEqualTo(shell.pid());
            assertThat(child.isThread()).isFalse();
            assertThat(trace.parsed().name(child.createdAtLine())).isIn("clone", "vfork", "fork", "clone3");
        }
        assertThat(processes).extracting(p -> p.execs().isEmpty() ? "" : p.execs().get(0).path())
                .contains("/usr/bin/cat", "/usr/bin/wc", "/usr/bin/ls");
        ProcessInfo ls = processes.stream().filter(p -> !p.execs().isEmpty() && p.execs().get(0).path().equals("/usr/bin/ls"))
                .findFirst().orElseThrow();
        assertThat(ls.exitStatus()).isEqualTo(2);
        assertThat(ls.endingText()).isEqualTo("exited with 2");
    }

    @Test
    void aThreadsExecveResumesUnderTheLeadersPid() {
        Trace trace = Trace.of(Testdata.read("thread-exec.strace"));
        ParsedTrace p = trace.parsed();
        int resumedExecve = -1;
        for (int i = 0; i < p.lineCount(); i++) {
            if (p.kind(i) == LineKind.RESUMED && "execve".equals(p.name(i))) {
                resumedExecve = i;
            }
        }
        assertThat(resumedExecve).isPositive();
        int start = trace.model().partner(resumedExecve);
        assertThat(start).isPositive();
        assertThat(p.pid(start)).isNotEqualTo(p.pid(resumedExecve));
        ProcessInfo thread = trace.model().process(trace.model().processOf(start));
        assertThat(thread.isThread()).isTrue();
        assertThat(thread.ending()).isEqualTo(ProcessInfo.Ending.SUPERSEDED);
        ProcessInfo leader = trace.model().process(trace.model().processOf(resumedExecve));
        assertThat(leader.execs()).extracting(ProcessInfo.Exec::path).endsWith("/bin/true");
        assertThat(trace.model().unmatchedResumed()).isEmpty();
    }

    @Test
    void withFfTheLeadersReprintedExecveHasNoStartInItsFile() {
        List<Path> files = Testdata.perProcessFiles("thread-exec-ff");
        int withoutStart = 0;
        for (Path file : files) {
            Trace trace = Trace.of(Testdata.read(file));
            for (int line : trace.model().unmatchedResumed()) {
                assertThat(trace.parsed().name(line)).isEqualTo("execve");
                withoutStart++;
            }
        }
        assertThat(withoutStart).isEqualTo(1);
    }

    @Test
    void aKilledProcessLeavesItsCallUnfinished() {
        Trace trace = Trace.of(Testdata.read("killed.strace"));
        assertThat(trace.model().processes()).allSatisfy(p -> {
            assertThat(p.ending()).isEqualTo(ProcessInfo.Ending.KILLED);
            assertThat(p.signal()).isEqualTo("SIGKILL");
        });
        assertThat(Trace.of(Testdata.read("segv.strace")).model().processes().get(0).endingText())
                .isEqualTo("killed by SIGSEGV (core dumped)");
    }

    @Test
    void theFirstProcessOfAStderrCaptureLearnsItsPidLate() {
        Trace trace = Trace.of(Testdata.read("follow-stderr.stderr.strace"));
        List<ProcessInfo> processes = trace.model().processes();
        ProcessInfo first = processes.get(0);
        assertThat(first.pid()).isPositive();
        assertThat(first.execs()).extracting(ProcessInfo.Exec::path).containsExactly("/usr/bin/sh");
        assertThat(processes.subList(1, processes.size())).allSatisfy(p -> assertThat(p.parentPid()).isEqualTo(first.pid()));
        assertThat(trace.model().options().pidForm()).isEqualTo(DetectedOptions.PidForm.BRACKET);
        assertThat(trace.model().options().stderrCapture()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "plain.strace; ''",
        "follow.strace; -f",
        "tt-T.strace; -f -tt -T",
        "t.strace; -t",
        "ttt.strace; -ttt",
        "ttt-ns.strace; --absolute-timestamps=format:unix,precision:ns",
        "r.strace; -r",
        "t-r.strace; -t -r",
        "n.strace; -n",
        "i.strace; -i",
        "Y.strace; -f -Y",
        "y.strace; -y",
        "yy.strace; -f -yy",
        "k.strace; -k",
        "X-verbose.strace; -X verbose",
        "X-raw.strace; -X raw",
        "c.strace; -c",
        "C.strace; -C",
        "dump.strace; -e read/write=",
        "all-prefix.strace; -f -ttt -r -T -n -i -Y",
        "busy.strace; -f -tt -T -yy",
    })
    void detectsTheOptionsThatMadeEachTrace(String file, String flags) {
        DetectedOptions options = Trace.of(Testdata.read(file)).model().options();
        assertThat(String.join(" ", options.flags())).isEqualTo(flags);
    }
}
