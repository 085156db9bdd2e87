package org.stracels.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;

class CheckerTest {

    private static List<Finding> check(String file) {
        return Checker.check(Trace.of(Testdata.read(file)));
    }

    private static String at(String text, Finding f) {
        return text.substring(f.start(), f.end());
    }

    @Test
    void aRealFailureIsAWarningOnTheErrnoAndLoaderProbesAreHints() {
        String text = Testdata.read("plain.strace");
        List<Finding> findings = Checker.check(Trace.of(text));
        Finding nonexistent = findings.stream().filter(f -> f.message().contains("\"/nonexistent\"")).findFirst().orElseThrow();
        assertThat(nonexistent.severity()).isEqualTo(Severity.WARNING);
        assertThat(nonexistent.code()).isEqualTo("ENOENT");
        assertThat(at(text, nonexistent)).isEqualTo("ENOENT");
        assertThat(nonexistent.message()).contains("No such file or directory");
        Finding preload = findings.stream().filter(f -> f.message().contains("/etc/ld.so.preload")).findFirst().orElseThrow();
        assertThat(preload.severity()).isEqualTo(Severity.HINT);
        assertThat(preload.message()).contains("dynamic loader");
        Finding exit = findings.stream().filter(f -> f.code().equals("nonzero-exit")).findFirst().orElseThrow();
        assertThat(exit.severity()).isEqualTo(Severity.WARNING);
        assertThat(at(text, exit)).isEqualTo("2");
    }

    @Test
    void hexEscapedPathsOfXxTracesAreDecodedBeforeThePolicyLooksAtThem() {
        List<Finding> findings = check("xx.strace");
        assertThat(findings).filteredOn(f -> f.code().equals("ENOENT")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.HINT);
            assertThat(f.message()).contains("\"/etc/ld.so.preload\"");
        });
    }

    @Test
    void aFailedCallCutByTheProgramsOutputIsReportedOnItsRest() {
        String text = "strace: Process 7 attached\n"
                + "[pid     7] openat(AT_FDCWD, \"/etc/missing.conf\", O_RDONLYhello from the program\n"
                + "more program text\n"
                + ") = -1 ENOENT (No such file or directory)\n";
        List<Finding> findings = Checker.check(Trace.of(text));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(at(text, f)).isEqualTo("ENOENT");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("openat failed with ENOENT (No such file or directory): \"/etc/missing.conf\"");
            assertThat(f.related()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(1));
        });
    }

    @Test
    void aSignalDeathIsAnError() {
        String text = Testdata.read("segv.strace");
        Finding killed = Checker.check(Trace.of(text)).stream()
                .filter(f -> f.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertThat(killed.code()).isEqualTo("killed-by-signal");
        assertThat(at(text, killed)).isEqualTo("SIGSEGV");
        assertThat(killed.message()).contains("dumped core");
    }

    @Test
    void theXauthLockDanceShowsItsFailedLinksAndExitStatus() {
        String text = Testdata.read("xauth-lock.strace");
        List<Finding> findings = Checker.check(Trace.of(text));
        assertThat(findings).filteredOn(f -> f.code().equals("EEXIST"))
                .hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).startsWith("link failed with EEXIST (File exists)");
                });
        assertThat(findings).filteredOn(f -> f.code().equals("nonzero-exit")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("exited with status 1; likely cause: link(…) = -1 EEXIST on line "));
    }

    @Test
    void restartsAndRoutineFailuresAreHints() {
        List<Finding> findings = check("signals.strace");
        assertThat(findings).filteredOn(f -> f.code().startsWith("ERESTART")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HINT));
        assertThat(check("follow.strace")).filteredOn(f -> f.code().equals("ECHILD"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.HINT));
    }

    @Test
    void anUnfinishedCallThatNeverResumesPointsAtTheProcessEnd() {
        // strace usually closes such calls with "<... read resumed> <unfinished ...>) = ?"; a trace cut short does not
        String text = "100   execve(\"/bin/cat\", [\"cat\"], 0x7ffc /* 1 var */) = 0\n"
                + "100   read(3,  <unfinished ...>\n"
                + "101   getpid()                          = 101\n"
                + "100   +++ killed by SIGKILL +++\n";
        List<Finding> never = Checker.check(Trace.of(text)).stream()
                .filter(f -> f.code().equals("unfinished-never-resumed")).toList();
        assertThat(never).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFORMATION);
            assertThat(f.line()).isEqualTo(1);
            assertThat(at(text, f)).isEqualTo("<unfinished ...>");
            assertThat(f.related()).extracting(Finding.Related::line).containsExactly(3, 0);
            assertThat(f.related().get(0).message()).contains("killed by SIGKILL");
        });
    }

    @Test
    void killedProcessesCloseTheirCallsWithResumedNeverReturnedLines() {
        Trace trace = Trace.of(Testdata.read("killed.strace"));
        assertThat(trace.model().unmatchedUnfinished()).isEmpty();
        assertThat(Checker.check(trace)).filteredOn(f -> f.code().equals("killed-by-signal")).hasSize(2);
    }

    @Test
    void aResumedLineWithoutItsStartPointsAtTheProcessStart() {
        for (var file : Testdata.perProcessFiles("thread-exec-ff")) {
            String text = Testdata.read(file);
            for (Finding f : Checker.check(Trace.of(text))) {
                if (f.code().equals("resumed-without-start")) {
                    assertThat(f.severity()).isEqualTo(Severity.INFORMATION);
                    assertThat(at(text, f)).isEqualTo("execve");
                    assertThat(f.related()).singleElement().satisfies(r -> assertThat(r.line()).isZero());
                    return;
                }
            }
        }
        throw new AssertionError("no resumed-without-start finding in thread-exec-ff");
    }

    @Test
    void malformedLinesAreWarningsCoveringTheLine() {
        String text = "getpid() = 5\nthis is not strace\n";
        List<Finding> findings = Checker.check(Trace.of(text));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("malformed-line");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.line()).isEqualTo(1);
            assertThat(at(text, f)).isEqualTo("this is not strace");
        });
    }

    @Test
    void everyTestdataTraceChecksWithoutMalformedFindingsAndWithRangesInsideTheirLine() {
        for (var file : Testdata.traces()) {
            Trace trace = Trace.of(Testdata.read(file));
            for (Finding f : Checker.check(trace)) {
                assertThat(f.code()).as(file + " " + f).isNotEqualTo("malformed-line");
                assertThat(f.start()).isGreaterThanOrEqualTo(trace.parsed().lineStart(f.line()));
                assertThat(f.end()).isLessThanOrEqualTo(trace.parsed().lineEnd(f.line())).isGreaterThan(f.start());
            }
        }
    }
}
