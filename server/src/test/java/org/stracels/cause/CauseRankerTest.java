package org.stracels.cause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.analysis.Trace;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.parse.CancelCheck;

/** One reason of the ranking (or one rule of finding messages) at a time, on a few hand-written lines. */
class CauseRankerTest {
    private static final String EXIT_1 = "exit_group(1)                     = ?\n+++ exited with 1 +++\n";

    private record Result(Trace trace, CauseAnalysis analysis) {
        Report report() {
            assertThat(analysis.reports()).hasSize(1);
            return analysis.reports().get(0);
        }

        /** The cause whose line holds {@code text}. */
        Cause cause(String text) {
            return report().causes().stream().filter(c -> line(c.line()).contains(text)).findFirst()
                    .orElseThrow(() -> new AssertionError("no cause on a line with " + text + ": " + report().causes()));
        }

        Cause top() {
            return report().causes().get(0);
        }

        String line(int i) {
            return trace.text().substring(trace.parsed().lineStart(i), trace.parsed().lineEnd(i));
        }

        List<String> reasons(Cause c) {
            return c.reasons().stream().map(Cause.Reason::toString).toList();
        }
    }

    private static Result analyse(String text) {
        Trace trace = Trace.of(text);
        return new Result(trace, CauseAnalysis.analyze(trace, DiagnosticPolicy::routineReason, CancelCheck.NONE));
    }

    @Test
    void routineFailuresSinkWithTheirReason() {
        Result r = analyse("""
                access("/etc/ld.so.preload", R_OK)      = -1 ENOENT (No such file or directory)
                openat(AT_FDCWD, "/srv/app/data", O_RDONLY) = -1 EACCES (Permission denied)
                ioctl(1, TCGETS, 0x7ffd)            = -1 ENOTTY (Inappropriate ioctl for device)
                write(2, "app: cannot load data\\n", 22) = 22
                """ + EXIT_1);
        assertThat(r.line(r.top().line())).contains("/srv/app/data");
        assertThat(r.reasons(r.cause("ld.so.preload"))).containsExactly("-10 routine: the dynamic loader probing for a library");
        assertThat(r.cause("TCGETS").score()).isEqualTo(-10);
        // the routine ioctl came later, but the nearest failure that counts is the openat
        assertThat(r.reasons(r.top())).contains("+5 the last failure before the message, 1 call before it; then the"
                + " program gave up: it exited 1 call later");
    }

    @Test
    void aFileCreatedAfterwardsOrFoundElsewhereSinks() {
        Result r = analyse("""
                newfstatat(AT_FDCWD, "/run/app.lock", 0x7ffd, 0) = -1 ENOENT (No such file or directory)
                openat(AT_FDCWD, "/run/app.lock", O_WRONLY|O_CREAT|O_EXCL, 0600) = 3
                openat(AT_FDCWD, "/usr/local/etc/app.conf", O_RDONLY) = -1 ENOENT (No such file or directory)
                openat(AT_FDCWD, "/etc/app.conf", O_RDONLY) = 4
                mkdir("/var/lib/app", 0755)             = -1 EROFS (Read-only file system)
                write(2, "app: setup failed\\n", 18)    = 18
                """ + EXIT_1);
        assertThat(r.line(r.top().line())).startsWith("mkdir(");
        assertThat(r.reasons(r.cause("app.lock"))).containsExactly("-6 the program created /run/app.lock afterwards, on line 2");
        assertThat(r.reasons(r.cause("/usr/local/etc/app.conf")))
                .containsExactly("-6 optional: the program found app.conf elsewhere, /etc/app.conf on line 4");
    }

    @Test
    void theSameCallFailingAgainIsARetryAndAPathUsedAgainRises() {
        Result r = analyse("""
                socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3
                connect(3, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)
                socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 4
                connect(4, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)
                linkat(AT_FDCWD, "/a/src", AT_FDCWD, "/a/dst", 0) = -1 EPERM (Operation not permitted)
                newfstatat(AT_FDCWD, "/a/src", {st_mode=S_IFREG|0644, st_size=1, ...}, AT_SYMLINK_NOFOLLOW) = 0
                write(2, "ln: failed\\n", 11)           = 11
                """ + EXIT_1);
        Cause connect = r.cause("connect(4");
        assertThat(connect.repeats()).containsExactly(1, 3);
        assertThat(r.reasons(connect)).contains("+2 retried: it failed the same way 2 times (lines 2, 4)");
        assertThat(r.reasons(r.cause("linkat"))).contains("+2 the program came back to /a/src on line 6 (newfstatat)");
    }

    @Test
    void whatTheMessageSaysRaisesACauseOrIsShownToContradictIt() {
        Result named = analyse("""
                openat(AT_FDCWD, "/etc/app/key.pem", O_RDONLY) = -1 EACCES (Permission denied)
                write(2, "app: /etc/app/key.pem: Permission denied\\n", 41) = 41
                """ + EXIT_1);
        assertThat(named.reasons(named.top())).contains("+3 the message names /etc/app/key.pem",
                "+3 the message quotes its error: “Permission denied”");
        Result belied = analyse("""
                connect(3, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)
                write(2, "client: timed out\\n", 18)      = 18
                """ + EXIT_1);
        assertThat(belied.reasons(belied.top()))
                .contains("the message says “timed out”, but this call failed with ECONNREFUSED (Connection refused):"
                        + " nothing listens at that address; the peer answered at once");
        Result agreed = analyse("""
                connect(3, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("10.0.0.1")}, 16) = -1 ETIMEDOUT (Connection timed out)
                write(2, "client: connect: timed out\\n", 27) = 27
                """ + EXIT_1);
        assertThat(agreed.reasons(agreed.top())).contains("+2 the message speaks of “timed out”, which is what ETIMEDOUT means");
    }

    @Test
    void errnosSpeakForThemselves() {
        Result r = analyse("""
                link("/x/a-c", "/x/a-l")                = -1 ESERVERFAULT (Unknown error 526) (INJECTED)
                rt_sigaction(SIGKILL, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER}, NULL, 8) = -1 EINVAL (Invalid argument)
                clone3({flags=CLONE_VM, exit_signal=SIGCHLD, stack=0x7f, stack_size=0x9000}, 88) = -1 ENOSYS (Function not implemented)
                write(2, "lock: error in locking\\n", 23) = 23
                """ + EXIT_1);
        assertThat(r.reasons(r.cause("link("))).contains("+5 ESERVERFAULT is an error of the kernel's own that should"
                + " never reach a program: the file system (often NFS) could not do what was asked",
                "strace injected this failure (-e inject)");
        assertThat(r.reasons(r.cause("clone3"))).contains("-3 ENOSYS: the kernel lacks this call; programs ask for it and fall back");
        assertThat(r.reasons(r.cause("rt_sigaction"))).noneMatch(reason -> reason.contains("EINVAL"));
        assertThat(r.line(r.top().line())).startsWith("link(");
    }

    @Test
    void oneNameLookedForInSeveralPlacesIsASearch() {
        Result r = analyse("""
                openat(AT_FDCWD, "./x.conf", O_RDONLY)  = -1 ENOENT (No such file or directory)
                openat(AT_FDCWD, "/etc/x.conf", O_RDONLY) = -1 ENOENT (No such file or directory)
                write(2, "x: no configuration\\n", 20)   = 20
                """ + EXIT_1);
        assertThat(r.report().causes()).hasSize(2)
                .allSatisfy(c -> assertThat(r.reasons(c)).contains("-3 one of 2 places the program looked for x.conf"));
    }

    @Test
    void aSecondMessageWithNoFailureOfItsOwnLooksBeforeTheFirst() {
        StringBuilder text = new StringBuilder("""
                unlink("/tmp/sock")                     = -1 EPERM (Operation not permitted)
                write(2, "srv: cannot remove /tmp/sock\\n", 29) = 29
                """);
        for (int i = 0; i < 70; i++) {
            text.append("getpid()                                = 7\n");
        }
        text.append("write(2, \"srv: giving up\\n\", 15)       = 15\n").append(EXIT_1);
        Result r = analyse(text.toString());
        assertThat(r.analysis.reports()).hasSize(2);
        Cause again = r.analysis.reports().get(1).causes().get(0);
        assertThat(again.line()).isZero();
        assertThat(r.reasons(again)).contains("-3 an earlier message, on line 2, already followed it");
    }

    @Test
    void aChildThatFailedIsACauseOfItsParentsFailure() {
        Result r = analyse("""
                100   clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 101
                101   execve("/usr/bin/cc", ["cc"], 0x7ffd /* 1 var */) = 0
                101   exit_group(1)                     = ?
                101   +++ exited with 1 +++
                100   wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 1}], 0, NULL) = 101
                100   write(2, "make: *** [all] Error 1\\n", 24) = 24
                100   exit_group(2)                     = ?
                100   +++ exited with 2 +++
                """);
        Cause child = r.top();
        assertThat(child.title()).isEqualTo("pid 101 exited with 1");
        assertThat(child.line()).isEqualTo(3);
        assertThat(r.reasons(child)).contains("+5 a child process failed: pid 101 (/usr/bin/cc) exited with 1");
        assertThat(r.analysis.causesOfExit(r.trace, 7)).first().satisfies(c -> assertThat(c.line()).isEqualTo(3));
        assertThat(r.analysis.causesOfExit(r.trace, 5)).isEmpty();
    }

    @Test
    void aCutCallIsShownOnItsResultWithItsStart() {
        Result r = analyse("""
                100   link("/a", "/b" <unfinished ...>
                101   getpid()                          = 101
                100   <... link resumed>)               = -1 EPERM (Operation not permitted)
                100   write(2, "lock failed\\n", 12)    = 12
                100   exit_group(1)                     = ?
                100   +++ exited with 1 +++
                """);
        assertThat(r.top().line()).isEqualTo(2);
        assertThat(r.top().entryLine()).isZero();
        assertThat(r.top().call()).isEqualTo("link(\"/a\", \"/b\") = -1 EPERM");
    }

    @Test
    void writesOfOneMessageAreOneReportEvenWithRoutineFailuresBetween() {
        Result r = analyse("""
                linkat(AT_FDCWD, "/a", AT_FDCWD, "/b", 0) = -1 EPERM (Operation not permitted)
                write(2, "ln: ", 4)                     = 4
                write(2, "failed to create hard link", 26) = 26
                openat(AT_FDCWD, "/usr/share/locale/C.UTF-8/LC_MESSAGES/libc.mo", O_RDONLY) = -1 ENOENT (No such file or directory)
                write(2, ": Operation not permitted", 25) = 25
                write(2, "\\n", 1)                       = 1
                """ + EXIT_1);
        Report report = r.report();
        assertThat(report.lines()).containsExactly(1, 2, 4, 5);
        assertThat(report.message()).isEqualTo("ln: failed to create hard link: Operation not permitted\n");
        assertThat(r.trace.text().substring(report.start(), report.end())).isEqualTo("\"ln: \"");
        assertThat(r.analysis.reportAt(4)).isSameAs(report);
    }

    @Test
    void whatCountsAsAReportedError() {
        // progress on stderr from a program that succeeds: not an error
        assertThat(analyse("write(2, \"50% done\\n\", 9) = 9\nexit_group(0) = ?\n+++ exited with 0 +++\n")
                .analysis.reports()).isEmpty();
        // an error message from a program that carries on and succeeds: reported, but the process did not fail
        Result warned = analyse("write(2, \"warning: cannot read ~/.rc\\n\", 27) = 27\nexit_group(0) = ?\n+++ exited with 0 +++\n");
        assertThat(warned.report().processFailed()).isFalse();
        // the last thing a failing program said on stderr, whatever it says
        assertThat(analyse("write(2, \"tool: /x\\n\", 9) = 9\n" + EXIT_1).report().toStderr()).isTrue();
        // -y: fd 2 that leads to /dev/null is nobody's stderr; a terminal on another fd is
        assertThat(analyse("write(2</dev/null>, \"error: x\\n\", 9) = 9\n" + EXIT_1).analysis.reports()).isEmpty();
        assertThat(analyse("write(1</dev/pts/0>, \"error: x\\n\", 9) = 9\n" + EXIT_1).report().toStderr()).isTrue();
        // on stdout, a message-like text just before a failing exit
        Result stdout = analyse("write(1, \"Error: bad input\\n\", 17) = 17\n" + EXIT_1);
        assertThat(stdout.report().toStderr()).isFalse();
        assertThat(analyse("write(1, \"42\\n\", 3) = 3\n" + EXIT_1).analysis.reports()).isEmpty();
    }

    @Test
    void aMessageWithNoFailureBeforeItHasNoCause() {
        Result r = analyse("getpid() = 5\nwrite(2, \"usage: tool FILE\\n\", 17) = 17\nexit_group(2) = ?\n+++ exited with 2 +++\n");
        assertThat(r.report().causes()).isEmpty();
        assertThat(r.analysis.causesOfExit(r.trace, 3)).isEmpty();
    }
}
