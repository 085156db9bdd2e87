package org.stracels.cause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.parse.CancelCheck;

/**
 * The traces of issue 12 (testdata/make.sh, section "Causes all the way down"): on each, the analysis names the
 * real cause first, through children, timeouts, the loader, hidden errors, logs and signals, and says why in
 * words.
 */
class CauseAllTheWayDownTest {

    private record Analysed(Trace trace, CauseAnalysis analysis) {
        String line(int i) {
            return trace.text().substring(trace.parsed().lineStart(i), trace.parsed().lineEnd(i));
        }

        ProcessInfo process(String program) {
            return trace.model().processes().stream().filter(p -> !p.execs().isEmpty()
                    && p.execs().get(p.execs().size() - 1).path().endsWith("/" + program)).findFirst().orElseThrow();
        }

        List<Cause> exit(String program) {
            return analysis.causesOfExit(trace, process(program).endLine());
        }

        List<String> reasons(Cause c) {
            return c.reasons().stream().map(Cause.Reason::toString).toList();
        }
    }

    private static Analysed analyse(String file) {
        Trace trace = Trace.of(Testdata.read(file));
        return new Analysed(trace, CauseAnalysis.analyze(trace, DiagnosticPolicy::routineReason, CancelCheck.NONE));
    }

    @Test
    void timeoutKillingAProgramStuckOnAStaleLockFile() {
        Analysed a = analyse("stuck-lock.strace");
        // the program: stuck retrying open(O_EXCL) until timeout sent SIGTERM
        Cause stuck = a.exit("stale-lock").get(0);
        assertThat(a.line(stuck.line())).contains("stale.lock").contains("= -1 EEXIST");
        assertThat(a.reasons(stuck)).anySatisfy(r -> assertThat(r).matches(
                "\\+5 stuck: openat\\(“/tmp/strace-ls-testdata/run/stale\\.lock”, …\\) failed with EEXIST 5 times over"
                        + " 2\\.0 s until timeout \\(pid \\d+\\) sent SIGTERM"))
                .anySatisfy(r -> assertThat(r).startsWith("+3 the file it would create (O_CREAT|O_EXCL) already exists"));
        assertThat(a.analysis.ending(a.process("stale-lock").endLine()))
                .matches("SIGTERM came from timeout \\(pid \\d+\\) while it was blocked in clock_nanosleep \\(line \\d+\\)");
        // timeout exits 124: its child, whose own cause is the loop
        Cause child = a.exit("timeout").get(0);
        assertThat(child.title()).endsWith("killed by SIGTERM");
        assertThat(child.via()).isEqualTo(stuck);
        assertThat(child.root()).isEqualTo(stuck);
        assertThat(child.chain()).matches("pid \\d+ \\(/tmp/strace-ls-testdata/bin/stale-lock\\) killed by SIGTERM"
                + " ← openat\\(…\\) = -1 EEXIST, line " + (stuck.line() + 1));
        assertThat(a.reasons(child)).contains(
                "+2 it passed the child's failure on: it exited with 124, what timeout says when the command timed out");
        assertThat(child.lensTitle()).isEqualTo("likely cause: openat() EEXIST via " + child.title() + " — line "
                + (stuck.line() + 1));
    }

    @Test
    void aProgramBlockedInOneCallWhenTimeoutSentSigterm() {
        Analysed a = analyse("term.strace");
        Cause blocked = a.exit("sleep").get(0);
        assertThat(a.line(blocked.line())).contains("clock_nanosleep(").endsWith("<unfinished ...>");
        assertThat(a.reasons(blocked)).singleElement().satisfies(r -> assertThat(r)
                .matches("\\+6 blocked: clock_nanosleep\\(…\\) was waiting when timeout \\(pid \\d+\\) sent SIGTERM"));
        assertThat(a.exit("timeout").get(0).root()).isEqualTo(blocked);
    }

    @Test
    void flockOnALockSomeoneHolds() {
        Analysed a = analyse("flock-held.strace");
        Cause top = a.exit("flock").get(0);
        assertThat(a.line(top.line())).startsWith("flock(3, LOCK_EX|LOCK_NB)").contains("= -1 EAGAIN");
        assertThat(a.reasons(top)).anySatisfy(r -> assertThat(r).startsWith("+4 a lock held by another process: flock"
                + " without waiting (LOCK_NB) answers EAGAIN when someone else has the lock"))
                .contains("fd 3 is what openat returned on line 33, for /tmp/strace-ls-testdata/held.lock");
    }

    @Test
    void aMissingSharedLibrarySaysWhichAndWhereTheLoaderLooked() {
        Analysed a = analyse("missing-lib.strace");
        Report report = a.analysis.reports().get(0);
        assertThat(report.message()).contains("error while loading shared libra");
        Cause top = report.causes().get(0);
        assertThat(a.line(top.line())).contains("libdemo.so.1").contains("= -1 ENOENT");
        assertThat(top.title()).isEqualTo("libdemo.so.1 not found (openat() ENOENT)");
        // every failed lookup of the library is one cause, and the loader's search is no longer routine
        assertThat(top.repeats().length).isGreaterThan(10);
        assertThat(a.reasons(top)).anySatisfy(r -> assertThat(r).startsWith("+6 the dynamic loader could not find"
                + " libdemo.so.1 and stopped the program: it looked in 5 directories (/tmp/strace-ls-testdata/lib, "));
        assertThat(a.reasons(top)).noneSatisfy(r -> assertThat(r).contains("routine"));
        // exit 127: the same cause, guided by the message
        assertThat(a.exit("uselib").get(0).line()).isEqualTo(top.line());
    }

    @Test
    void aNonBlockingConnectRefusedIsFoundInsideCallsThatSucceeded() {
        Analysed a = analyse("nb-connect.strace");
        Cause top = a.analysis.reports().get(0).causes().get(0);
        assertThat(a.line(top.line())).startsWith("getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0");
        assertThat(top.title()).isEqualTo("getsockopt() ECONNREFUSED");
        assertThat(top.shortCall()).isEqualTo("getsockopt(…) = 0 [ECONNREFUSED]");
        assertThat(a.reasons(top)).contains("+2 an error hidden in a call that succeeded: the socket's pending error,"
                + " read with getsockopt(SO_ERROR), is ECONNREFUSED: the connection it was making failed");
        Cause poll = a.analysis.reports().get(0).causes().get(1);
        assertThat(a.line(poll.line())).startsWith("poll(").contains("POLLERR");
        assertThat(poll.title()).isEqualTo("poll() POLLERR");
    }

    @Test
    void aDaemonThatLogsItsFailureToAFile() {
        Analysed a = analyse("daemon-log.strace");
        // "starting" is a log line too, but reads like no error
        Report report = a.analysis.reports().stream().filter(r -> !r.toStderr()).findFirst().orElseThrow();
        assertThat(report.message()).startsWith("daemon-demo: fatal: cannot start");
        assertThat(report.channel()).isEqualTo("the log file /tmp/strace-ls-testdata/log/daemon-demo.log");
        assertThat(a.analysis.reports()).hasSize(1);
        assertThat(a.line(report.causes().get(0).line())).contains("daemon.pid").contains("= -1 ENOENT");
    }

    @Test
    void shDashCPassesItsChildsFailureOnAndTheChildsMessageWentToDevNull() {
        Analysed a = analyse("sh-c-fail.strace");
        // cat's "Is a directory" went to /dev/null (the shell's dup2 onto fd 2): no report
        assertThat(a.analysis.reports()).isEmpty();
        Cause top = a.exit("sh").get(0);
        assertThat(top.title()).endsWith("exited with 1");
        assertThat(a.line(top.root().line())).contains("read(3, ").contains("= -1 EISDIR");
        assertThat(top.chain()).matches("pid \\d+ \\(/usr/bin/cat\\) exited with 1 ← read\\(…\\) = -1 EISDIR, line \\d+");
        assertThat(a.reasons(top)).contains("its own likely cause: " + top.via().chain());
    }

    @Test
    void aSetDashEScriptStopsAtItsFailingChild() {
        Analysed a = analyse("set-e.strace");
        Cause top = a.exit("sh").get(0);
        assertThat(a.line(top.root().line())).contains("statx(").contains("missing-input").contains("= -1 ENOENT");
        assertThat(a.reasons(top)).contains("+2 it passed the child's failure on: it exited with 2, the child's status");
    }

    @Test
    void aFileDupedOntoFdTwoIsStillStderr() {
        Analysed a = analyse("dup2-stderr.strace");
        Report report = a.analysis.reports().get(0);
        assertThat(report.toStderr()).isTrue();
        assertThat(report.channel()).isEqualTo("stderr");
        assertThat(report.message()).startsWith("dup2-demo: could not load settin");
        assertThat(a.line(report.causes().get(0).line())).contains("settings.ini").contains("= -1 ENOENT");
    }

    @Test
    void aShellsEchoToFdTwoCopiedOntoFdOneIsOnStderr() {
        Analysed a = analyse("sh-stderr.strace");
        // echo ... >&2: fcntl(1, F_DUPFD, 10), dup2(2, 1), write(1, …), dup2(11, 1)
        Report report = a.analysis.reports().get(0);
        assertThat(a.line(report.line())).startsWith("write(1, \"backup: target directory missing\"");
        assertThat(report.toStderr()).isTrue();
        assertThat(report.channel()).isEqualTo("stderr");
        assertThat(a.line(report.causes().get(0).line())).contains("backup-target").contains("= -1 ENOENT");
    }

    @Test
    void abortIsTheProgramKillingItselfNotTheProbeBeforeIt() {
        Analysed a = analyse("abort.strace");
        int end = a.trace.model().processes().get(0).endLine();
        List<Cause> causes = a.analysis.causesOfExit(a.trace, end);
        assertThat(a.line(causes.get(0).line())).startsWith("tgkill(").contains("SIGABRT");
        assertThat(a.reasons(causes.get(0))).singleElement().satisfies(r -> assertThat(r)
                .startsWith("+10 it killed itself: abort(), tgkill(…, SIGABRT) from the process itself"));
        assertThat(causes.get(1).score()).isLessThan(causes.get(0).score());
        assertThat(a.analysis.ending(end)).startsWith("it called abort(): the program killed itself with SIGABRT on purpose");
    }

    @Test
    void timeoutDashSKillKillsItsOwnProcessGroup() {
        Analysed a = analyse("killed.strace");
        Cause top = a.exit("timeout").get(0);
        assertThat(a.line(top.line())).contains("kill(0, SIGKILL)");
        assertThat(a.reasons(top).get(0)).startsWith("+10 it killed itself: kill(0, SIGKILL) sends SIGKILL to its whole"
                + " process group, itself included");
    }

    @Test
    void yesKilledBySigpipeWhenHeadFinishedIsNormal() {
        Analysed a = analyse("yes-head.strace");
        int end = a.process("yes").endLine();
        assertThat(a.analysis.endedNormally(end)).isTrue();
        assertThat(a.analysis.ending(end)).startsWith("normal: it wrote to a pipe whose reader had finished");
        Cause top = a.analysis.causesOfExit(a.trace, end).get(0);
        assertThat(a.line(top.line())).contains("= -1 EPIPE");
        assertThat(a.reasons(top)).anySatisfy(r -> assertThat(r).startsWith("+6 normal: the reader of its pipe had finished"));
        // a segfault is not normal
        Analysed segv = analyse("segv.strace");
        int crash = segv.trace.model().processes().get(0).endLine();
        assertThat(segv.analysis.endedNormally(crash)).isFalse();
        assertThat(segv.line(segv.analysis.causesOfExit(segv.trace, crash).get(0).line())).startsWith("--- SIGSEGV");
    }

    @Test
    void rtSigreturnsMinusOneIsNeverACause() {
        Analysed a = analyse("stuck-lock.strace");
        // timeout's handler returns with rt_sigreturn(…) = -1 EINTR: the interrupted call's result, not a failure
        assertThat(a.trace.text()).contains("rt_sigreturn({mask=[HUP INT QUIT ALRM TERM CHLD]}) = -1 EINTR");
        for (Cause c : a.exit("timeout")) {
            assertThat(a.line(c.line())).doesNotContain("rt_sigreturn");
        }
        Analysed signals = analyse("signals.strace");
        ProcessInfo p = signals.trace.model().processes().get(0);
        TraceScan scan = TraceScan.of(signals.trace, CancelCheck.NONE);
        for (int line : scan.failures(scan.groupOf(p.id()))) {
            assertThat(signals.trace.parsed().name(line)).isNotEqualTo("rt_sigreturn");
        }
    }
}
