package org.stracels.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;

/**
 * The diagnostics of the traces of issue 12: {@code nonzero-exit} and {@code killed-by-signal} name their top
 * cause (down the via chain) and list every cause as related information; errors hidden in calls that succeeded
 * are failures with their errno as code; rt_sigreturn's -1 is no finding; a producer stopped by SIGPIPE is
 * information, not an error.
 */
class ExitFindingsTest {

    private static List<Finding> check(String file) {
        return Checker.check(Trace.of(Testdata.read(file)));
    }

    private static Finding only(List<Finding> findings, String code) {
        List<Finding> with = findings.stream().filter(f -> f.code().equals(code)).toList();
        assertThat(with).as(code).hasSize(1);
        return with.get(0);
    }

    @Test
    void aShellsNonzeroExitNamesTheCallItsChildFailedOn() {
        List<Finding> findings = check("sh-c-fail.strace");
        List<Finding> exits = findings.stream().filter(f -> f.code().equals("nonzero-exit")).toList();
        assertThat(exits).hasSize(2);
        Finding sh = exits.get(1);
        assertThat(sh.message()).matches("Process \\d+ exited with status 3; likely cause: pid \\d+ \\(/usr/bin/cat\\)"
                + " exited with 1 ← read\\(…\\) = -1 EISDIR, line 99");
        // the child's exit, then the call at the end of its chain, then the process start
        assertThat(sh.related()).extracting(Finding.Related::line).startsWith(108, 98);
        assertThat(sh.related().get(0).message()).startsWith("likely cause #1 (score ");
        assertThat(sh.related().get(1).message()).startsWith("its own likely cause: read(3, ");
        assertThat(exits.get(0).message()).endsWith("exited with status 1; likely cause: read(…) = -1 EISDIR on line 99");
    }

    @Test
    void timeoutsExitAndItsChildsKillNameTheLoop() {
        List<Finding> findings = check("stuck-lock.strace");
        Finding killed = only(findings, "killed-by-signal");
        assertThat(killed.severity()).isEqualTo(Severity.ERROR);
        assertThat(killed.message()).matches("Process \\d+ was killed by SIGTERM: SIGTERM came from timeout \\(pid \\d+\\)"
                + " while it was blocked in clock_nanosleep \\(line 93\\); likely cause: openat\\(…\\) = -1 EEXIST on line 92");
        assertThat(killed.related().get(0).message()).contains("stuck: openat(“/tmp/strace-ls-testdata/run/stale.lock”, …)"
                + " failed with EEXIST 5 times over 2.0 s until timeout");
        Finding exit = only(findings, "nonzero-exit");
        assertThat(exit.message()).contains("exited with status 124; likely cause: pid ")
                .endsWith("killed by SIGTERM ← openat(…) = -1 EEXIST, line 92");
        // timeout's rt_sigreturn(…) = -1 EINTR: no finding at all
        assertThat(findings).noneSatisfy(f -> assertThat(f.message()).contains("rt_sigreturn"));
        assertThat(check("signals.strace")).noneSatisfy(f -> assertThat(f.message()).startsWith("rt_sigreturn"));
    }

    @Test
    void abortAndSigsegvSayHowTheProcessEnded() {
        Finding abort = only(check("abort.strace"), "killed-by-signal");
        assertThat(abort.message()).isEqualTo("The process was killed by SIGABRT: it called abort(): the program killed"
                + " itself with SIGABRT on purpose (line 34)");
        assertThat(abort.related().get(0).line()).isEqualTo(33);
        assertThat(abort.related().get(0).message()).contains("it killed itself: abort()");
    }

    @Test
    void yesStoppedBySigpipeIsNormalAndOnlyInformation() {
        Finding yes = only(check("yes-head.strace"), "killed-by-signal");
        assertThat(yes.severity()).isEqualTo(Severity.INFORMATION);
        assertThat(yes.message()).matches("Process \\d+ was killed by SIGPIPE: normal: it wrote to a pipe whose reader had"
                + " finished \\(EPIPE on line 206\\), and SIGPIPE stopped it, as it stops yes in yes \\| head");
    }

    @Test
    void errorsHiddenInCallsThatSucceededAreFailures() {
        List<Finding> findings = check("nb-connect.strace");
        Finding refused = only(findings, "ECONNREFUSED");
        Trace trace = Trace.of(Testdata.read("nb-connect.strace"));
        assertThat(trace.text().substring(refused.start(), refused.end())).isEqualTo("ECONNREFUSED");
        assertThat(refused.severity()).isEqualTo(Severity.WARNING);
        assertThat(refused.message()).startsWith("getsockopt succeeded, but what it returns holds an error: ECONNREFUSED"
                + " (Connection refused)");
        Finding pollerr = only(findings, "POLLERR");
        assertThat(trace.text().substring(pollerr.start(), pollerr.end())).isEqualTo("POLLERR");
        assertThat(only(findings, "nonzero-exit").message()).endsWith("likely cause: getsockopt(…) = 0 [ECONNREFUSED] on line 33");
    }

    @Test
    void theLoaderAndTheLockAreNamedOnTheExit() {
        assertThat(only(check("missing-lib.strace"), "nonzero-exit").message())
                .isEqualTo("The process exited with status 127; likely cause: openat(…) = -1 ENOENT on line 117");
        assertThat(only(check("flock-held.strace"), "nonzero-exit").message())
                .isEqualTo("The process exited with status 1; likely cause: flock(…) = -1 EAGAIN on line 34");
        assertThat(only(check("flock-held.strace"), "EAGAIN").severity()).isEqualTo(Severity.WARNING);
    }
}
