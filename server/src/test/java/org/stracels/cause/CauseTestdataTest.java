package org.stracels.cause;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.parse.CancelCheck;

/**
 * The misleading messages of testdata/ (made by make.sh, programs in testdata/src): on each, the call that
 * really failed is ranked first, and the reasons say why.
 */
class CauseTestdataTest {

    private record Analysed(Trace trace, CauseAnalysis analysis) {
        String line(int i) {
            return trace.text().substring(trace.parsed().lineStart(i), trace.parsed().lineEnd(i));
        }

        Report report(String containing) {
            return analysis.reports().stream().filter(r -> r.message().contains(containing)).findFirst()
                    .orElseThrow(() -> new AssertionError("no report containing " + containing + ": " + analysis.reports()));
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
    void xauthsLockingErrorIsTheLinkThatTheFileSystemRefused() {
        Analysed a = analyse("xauth-link.strace");
        Report report = a.report("error in locking");
        assertThat(a.line(report.line())).startsWith("write(2, \"xauth:  error in locking");
        assertThat(report.processFailed()).isTrue();
        Cause top = report.causes().get(0);
        assertThat(a.line(top.line())).startsWith("link(").contains("= -1 ESERVERFAULT");
        assertThat(top.title()).isEqualTo("link() ESERVERFAULT");
        assertThat(top.lensTitle()).isEqualTo("likely cause: link() ESERVERFAULT — line " + (top.line() + 1));
        assertThat(a.reasons(top)).anySatisfy(r -> assertThat(r).startsWith("+5 ESERVERFAULT is an error of the kernel's own"))
                .anySatisfy(r -> assertThat(r).startsWith("+5 the last failure before the message, right before it;"
                        + " then the program gave up"))
                .contains("strace injected this failure (-e inject)");
        // stat(FILE-c) = -1 ENOENT, then open(FILE-c, O_CREAT|O_EXCL): not a problem, and ranked so
        Cause stat = report.causes().stream().filter(c -> a.line(c.line()).contains("Xauthority-c\", 0x")).findFirst().orElseThrow();
        assertThat(stat.score()).isNegative();
        assertThat(stat.why()).startsWith("it worked later: newfstatat");
    }

    @Test
    void lnsMessageInFourWritesIsTheLinkatThatFailedWithEperm() {
        Analysed a = analyse("ln-link.strace");
        assertThat(a.analysis.reports()).singleElement().satisfies(report -> {
            // "ln: ", the text, (gettext looks for libc.mo three times), ": Operation not permitted", "\n"
            assertThat(report.lines()).hasSize(4);
            assertThat(report.message()).startsWith("ln: failed to create hard link").endsWith(": Operation not permitted\n");
            Cause top = report.causes().get(0);
            assertThat(a.line(top.line())).startsWith("linkat(").contains("= -1 EPERM");
            assertThat(a.reasons(top)).contains("+3 the message quotes its error: “Operation not permitted”")
                    .anySatisfy(r -> assertThat(r).startsWith("+2 the program came back to /tmp/strace-ls-testdata/hello.txt"));
            assertThat(report.causes().subList(1, report.causes().size()))
                    .allSatisfy(c -> assertThat(c.why()).startsWith("routine: "));
        });
    }

    @Test
    void permissionDeniedIsTheMissingDirectory() {
        Analysed a = analyse("perm-denied.strace");
        Report report = a.report("Permission denied");
        Cause top = report.causes().get(0);
        assertThat(a.line(top.line())).contains("access(\"/tmp/strace-ls-testdata/spool/perm-demo\", W_OK) = -1 ENOENT");
        assertThat(a.reasons(top)).contains("+3 the message names a path inside /tmp/strace-ls-testdata/spool/perm-demo",
                "the message says “permission denied”, but this call failed with ENOENT (No such file or directory):"
                        + " /tmp/strace-ls-testdata/spool/perm-demo is not there (or a directory on its way is missing)");
        // the configuration was searched in two places: both sink below the cause
        assertThat(report.causes()).filteredOn(c -> a.line(c.line()).contains("perm-demo.conf")).hasSize(2)
                .allSatisfy(c -> assertThat(a.reasons(c)).contains("-3 one of 2 places the program looked for perm-demo.conf"));
        // the shell that ran it exits 1 because its child did
        int shellExit = a.trace.parsed().lineCount() - 1;
        assertThat(a.line(shellExit)).endsWith("+++ exited with 1 +++");
        Cause child = a.analysis.causesOfExit(a.trace, shellExit).get(0);
        assertThat(child.title()).matches("pid \\d+ exited with 1");
        assertThat(child.why()).contains("a child process failed", "perm-denied");
    }

    @Test
    void noConfigurationFoundIsTheConfigurationThatWasADirectory() {
        Analysed a = analyse("config-search.strace");
        Report report = a.report("no configuration");
        Cause top = report.causes().get(0);
        assertThat(a.line(top.line())).startsWith("read(3, ").endsWith("= -1 EISDIR (Is a directory)");
        assertThat(a.reasons(top)).anySatisfy(r -> assertThat(r).startsWith("fd 3 is what openat returned on line")
                .endsWith("for /tmp/strace-ls-testdata/etc/conf-demo.conf"));
        Cause last = report.causes().get(1);
        assertThat(a.line(last.line())).contains("\"/etc/conf-demo/conf-demo.conf\"");
        assertThat(a.reasons(last)).contains("-3 one of 2 places the program looked for conf-demo.conf");
        assertThat(report.causes()).filteredOn(c -> a.line(c.line()).contains("\"./conf-demo.conf\"")).singleElement()
                .satisfies(c -> assertThat(c.why()).startsWith("optional: the program found conf-demo.conf elsewhere"));
    }

    @Test
    void aTimeoutThatWasAConnectionRefused() {
        Analysed a = analyse("net-timeout.strace");
        Report report = a.report("timed out");
        Cause top = report.causes().get(0);
        assertThat(a.line(top.line())).startsWith("connect(3<TCP:[").contains("= -1 ECONNREFUSED");
        assertThat(top.repeats()).hasSize(3);
        assertThat(a.reasons(top)).anySatisfy(r -> assertThat(r).startsWith("+3 retried: it failed the same way 3 times"))
                .contains("the message says “timed out”, but this call failed with ECONNREFUSED (Connection refused):"
                        + " nothing listens at that address; the peer answered at once");
        assertThat(report.causes()).filteredOn(c -> a.line(c.line()).contains("nscd")).singleElement()
                .satisfies(c -> assertThat(c.why()).startsWith("routine: the C library asking the name service cache"));
    }

    @Test
    void aStaleLockIsTheLinkThatFoundItsNameTaken() {
        Analysed a = analyse("xauth-lock.strace");
        Cause top = a.report("timeout in locking").causes().get(0);
        assertThat(a.line(top.line())).contains("link(").contains("= -1 EEXIST");
        assertThat(a.reasons(top)).anySatisfy(r -> assertThat(r).startsWith("+3 the name the link should make already exists"))
                .anySatisfy(r -> assertThat(r).startsWith("+3 retried: it failed the same way 3 times"));
    }

    @Test
    void lsCannotAccessIsTheStatxThatFoundNothing() {
        Analysed a = analyse("plain.strace");
        Cause top = a.report("cannot access").causes().get(0);
        assertThat(a.line(top.line())).startsWith("statx(AT_FDCWD, \"/nonexistent\"");
        assertThat(a.reasons(top)).contains("+3 the message names /nonexistent",
                "+3 the message quotes its error: “No such file or directory”");
    }

    @Test
    void everyTraceOfTheCorpusIsAnalysedAndItsReportsAreWritesWithCausesBeforeThem() {
        for (Path file : Testdata.traces()) {
            Trace trace = Trace.of(Testdata.read(file));
            CauseAnalysis analysis = CauseAnalysis.analyze(trace, DiagnosticPolicy::routineReason, CancelCheck.NONE);
            for (Report r : analysis.reports()) {
                assertThat(trace.parsed().name(r.line())).as(file + " " + r).startsWith("write").isNotNull();
                assertThat(r.start()).isGreaterThanOrEqualTo(trace.parsed().lineStart(r.line()));
                assertThat(r.end()).isLessThanOrEqualTo(trace.parsed().lineEnd(r.line())).isGreaterThan(r.start());
                for (int k = 0; k < r.causes().size(); k++) {
                    assertThat(r.causes().get(k).line()).isLessThan(r.line());
                    if (k > 0) {
                        assertThat(r.causes().get(k).score()).isLessThanOrEqualTo(r.causes().get(k - 1).score());
                    }
                }
            }
            for (int i = 0; i < trace.parsed().lineCount(); i++) {
                for (Cause c : analysis.causesOfExit(trace, i)) {
                    assertThat(c.line()).as(file + " exit " + i).isLessThan(i);
                }
            }
        }
    }
}
