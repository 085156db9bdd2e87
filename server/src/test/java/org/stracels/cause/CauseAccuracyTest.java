package org.stracels.cause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.parse.CancelCheck;

/**
 * How often the first cause named is the right one, on the project's own failing traces (testdata/), each
 * labelled by hand with the line of the real cause. "The first cause named" is what a user reads first about
 * the failure they saw: for the command strace ran (or, when it succeeded, the first process that failed),
 * the top cause of its last message, else of its exit, followed down its {@code via} chain to the call at
 * its end. Prints the table; the README quotes the figures
 * ({@code mvn -B -q -o test -Dtest=CauseAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class CauseAccuracyTest {
    /** A trace and a pattern the line of its real cause matches. */
    private record Label(String file, String cause) { }

    private static final String LS_MISSING = "\"/nonexistent\".*= -1 ENOENT";

    static final List<Label> LABELS = List.of(
            new Label("plain.strace", LS_MISSING),
            new Label("fail.strace", LS_MISSING),
            new Label("t.strace", LS_MISSING),
            new Label("ttt.strace", LS_MISSING),
            new Label("ttt-ns.strace", LS_MISSING),
            new Label("r.strace", LS_MISSING),
            new Label("t-r.strace", LS_MISSING),
            new Label("n.strace", LS_MISSING),
            new Label("i.strace", LS_MISSING),
            new Label("C.strace", LS_MISSING),
            new Label("follow.strace", LS_MISSING),
            new Label("follow-stderr.stderr.strace", LS_MISSING),
            new Label("Y.strace", LS_MISSING),
            new Label("Z.strace", LS_MISSING),
            new Label("tt-T.strace", LS_MISSING),
            new Label("precision.strace", LS_MISSING),
            new Label("all-prefix.strace", LS_MISSING),
            new Label("inject.strace", "openat\\(.*hello\\.txt.*= -1 ENOENT.*INJECTED"),
            // timeout -s KILL kills its own process group, itself included
            new Label("killed.strace", "kill\\(0, SIGKILL\\)"),
            // timeout exits 124: its child was blocked in clock_nanosleep when it sent SIGTERM
            new Label("term.strace", "clock_nanosleep"),
            new Label("segv.strace", "--- SIGSEGV"),
            new Label("k-segv.strace", "--- SIGSEGV"),
            new Label("xauth-lock.strace", "link\\(.*= -1 EEXIST"),
            new Label("xauth-link.strace", "link\\(.*= -1 ESERVERFAULT"),
            new Label("ln-link.strace", "linkat\\(.*= -1 EPERM"),
            new Label("perm-denied.strace", "access\\(.*perm-demo\", W_OK\\) = -1 ENOENT"),
            new Label("config-search.strace", "read\\(3, .*= -1 EISDIR"),
            new Label("net-timeout.strace", "connect\\(.*= -1 ECONNREFUSED"),
            new Label("stuck-lock.strace", "stale\\.lock.*= -1 EEXIST"),
            new Label("flock-held.strace", "flock\\(3, LOCK_EX\\|LOCK_NB\\) += -1 EAGAIN"),
            new Label("missing-lib.strace", "libdemo\\.so\\.1.*= -1 ENOENT"),
            new Label("nb-connect.strace", "SO_ERROR, \\[ECONNREFUSED\\]|revents=.*POLLERR"),
            new Label("daemon-log.strace", "daemon\\.pid.*= -1 ENOENT"),
            new Label("sh-c-fail.strace", "read\\(3, .*= -1 EISDIR"),
            new Label("set-e.strace", "statx\\(.*missing-input.*= -1 ENOENT"),
            new Label("dup2-stderr.strace", "settings\\.ini.*= -1 ENOENT"),
            new Label("abort.strace", "tgkill\\(.*SIGABRT\\)"),
            new Label("yes-head.strace", "write.*= -1 EPIPE"),
            new Label("sh-stderr.strace", "backup-target.*= -1 ENOENT"));

    /** The first cause named for the failure of {@code trace}, down its via chain; null when none is named. */
    static Cause firstCause(Trace trace, CauseAnalysis analysis) {
        List<ProcessInfo> processes = trace.model().processes();
        ProcessInfo subject = processes.stream().filter(p -> !p.isThread()).findFirst().orElse(null);
        if (subject == null || !TraceScan.failed(subject)) {
            subject = processes.stream().filter(p -> p.endLine() >= 0 && TraceScan.failed(p))
                    .min((a, b) -> Integer.compare(a.endLine(), b.endLine())).orElse(null);
        }
        if (subject == null) {
            return null;
        }
        int id = subject.id();
        List<Report> said = analysis.reports().stream().filter(r -> r.processId() == id).toList();
        List<Cause> causes = said.isEmpty() ? analysis.causesOfExit(trace, subject.endLine())
                : said.get(said.size() - 1).causes();
        if (causes.isEmpty()) {
            return null;
        }
        return causes.get(0).root();
    }

    @Test
    void theFirstCauseNamedIsTheRealOneOnTheFailingTracesOfTheCorpus() {
        int right = 0;
        List<String> table = new ArrayList<>();
        for (Label label : LABELS) {
            Trace trace = Trace.of(Testdata.read(label.file()));
            CauseAnalysis analysis = CauseAnalysis.analyze(trace, DiagnosticPolicy::routineReason, CancelCheck.NONE);
            Cause first = firstCause(trace, analysis);
            String line = first == null ? "(none)" : trace.text().substring(trace.parsed().lineStart(first.line()),
                    trace.parsed().lineEnd(first.line()));
            boolean ok = first != null && Pattern.compile(label.cause()).matcher(line).find();
            right += ok ? 1 : 0;
            table.add(String.format("%-5s %-28s line %-4s %s", ok ? "right" : "WRONG", label.file(),
                    first == null ? "-" : String.valueOf(first.line() + 1), line.length() > 100 ? line.substring(0, 100) : line));
        }
        System.out.println("first cause named, right: " + right + " of " + LABELS.size());
        table.forEach(System.out::println);
        assertThat(right).as("traces whose first cause named is the labelled one").isEqualTo(LABELS.size());
    }
}
