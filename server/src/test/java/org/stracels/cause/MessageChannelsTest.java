package org.stracels.cause;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.analysis.Trace;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.parse.CancelCheck;

/**
 * Where messages go and a few ends, one rule at a time on hand-written lines in strace 6.1's forms (the real
 * traces of testdata cover the common cases; these are the channels no trace of this machine can show: syslog
 * and the journal need their daemons).
 */
class MessageChannelsTest {
    private static final String EXIT_1 = "exit_group(1)                     = ?\n+++ exited with 1 +++\n";

    private static CauseAnalysis analyse(String text) {
        return CauseAnalysis.analyze(Trace.of(text), DiagnosticPolicy::routineReason, CancelCheck.NONE);
    }

    @Test
    void syslogThroughAConnectedSocketAndThroughSendtoAndTheJournal() {
        CauseAnalysis connected = analyse("""
                socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0) = 3
                connect(3, {sa_family=AF_UNIX, sun_path="/dev/log"}, 110) = 0
                openat(AT_FDCWD, "/etc/demo/demo.conf", O_RDONLY) = -1 EACCES (Permission denied)
                sendto(3, "<27>Dec  6 17:00:00 demo[42]: cannot read configuration", 55, MSG_NOSIGNAL, NULL, 0) = 55
                """ + EXIT_1);
        assertThat(connected.reports()).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo("syslog (/dev/log)");
            assertThat(r.toStderr()).isFalse();
            assertThat(r.causes().get(0).call()).startsWith("openat(AT_FDCWD, \"/etc/demo/demo.conf\"");
        });
        CauseAnalysis unconnected = analyse("""
                socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0) = 3
                openat(AT_FDCWD, "/etc/demo/demo.conf", O_RDONLY) = -1 EACCES (Permission denied)
                sendto(3, "<27>demo: fatal error, exiting", 30, MSG_NOSIGNAL, {sa_family=AF_UNIX, sun_path="/dev/log"}, 110) = 30
                """ + EXIT_1);
        assertThat(unconnected.reports()).singleElement().satisfies(r -> assertThat(r.channel()).isEqualTo("syslog (/dev/log)"));
        CauseAnalysis journal = analyse("""
                socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0) = 3
                connect(3, {sa_family=AF_UNIX, sun_path="/run/systemd/journal/socket"}, 30) = 0
                openat(AT_FDCWD, "/etc/demo/demo.conf", O_RDONLY) = -1 EACCES (Permission denied)
                sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="MESSAGE=demo: cannot start", iov_len=26}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL) = 26
                """ + EXIT_1);
        assertThat(journal.reports()).singleElement().satisfies(r -> assertThat(r.channel()).isEqualTo("the journal"));
    }

    @Test
    void aLogUnderVarLogShownByDashYAndOneOpenedForAppending() {
        CauseAnalysis decorated = analyse("""
                openat(AT_FDCWD, "/srv/data", O_RDONLY|O_DIRECTORY) = -1 ENOENT (No such file or directory)
                write(5</var/log/demo/demo-errors>, "demo: failed to open the data directory\\n", 40) = 40
                """ + EXIT_1);
        assertThat(decorated.reports()).singleElement().satisfies(r ->
                assertThat(r.channel()).isEqualTo("the log file /var/log/demo/demo-errors"));
        // a line that reads like no error is not a report, wherever it goes
        CauseAnalysis quiet = analyse("""
                openat(AT_FDCWD, "/tmp/demo/trace.txt", O_WRONLY|O_CREAT|O_APPEND, 0644) = 4
                write(4, "demo: started, 3 workers\\n", 25) = 25
                exit_group(0)                     = ?
                +++ exited with 0 +++
                """);
        assertThat(quiet.reports()).isEmpty();
    }

    @Test
    void devNullOnFdTwoHearsNothingAndAFileOnFdTwoIsStillStderr() {
        CauseAnalysis silenced = analyse("""
                openat(AT_FDCWD, "/dev/null", O_WRONLY) = 3
                dup2(3, 2)                        = 2
                openat(AT_FDCWD, "/etc/demo/demo.conf", O_RDONLY) = -1 EACCES (Permission denied)
                write(2, "demo: cannot read configuration\\n", 32) = 32
                """ + EXIT_1);
        assertThat(silenced.reports()).isEmpty();
        CauseAnalysis toFile = analyse("""
                openat(AT_FDCWD, "/tmp/demo/errors.txt", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 3
                dup3(3, 2, 0)                     = 2
                openat(AT_FDCWD, "/etc/demo/demo.conf", O_RDONLY) = -1 EACCES (Permission denied)
                write(2, "demo: cannot read configuration\\n", 32) = 32
                """ + EXIT_1);
        assertThat(toFile.reports()).singleElement().satisfies(r -> assertThat(r.channel()).isEqualTo("stderr"));
    }

    @Test
    void anFcntlLockHeldByAnotherProcess() {
        CauseAnalysis a = analyse("""
                openat(AT_FDCWD, "/var/lib/demo/lock", O_RDWR|O_CREAT, 0644) = 3
                fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=0}) = -1 EAGAIN (Resource temporarily unavailable)
                write(2, "demo: could not get the lock\\n", 29) = 29
                """ + EXIT_1);
        List<String> reasons = a.reports().get(0).causes().get(0).reasons().stream().map(Cause.Reason::toString).toList();
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("+4 a lock held by another process: fcntl without"
                + " waiting (F_SETLK) answers EAGAIN"));
    }

    @Test
    void anAlarmWithNoHandlerEndsTheProcess() {
        Trace trace = Trace.of("""
                alarm(1)                          = 0
                pause()                           = ? ERESTARTNOHAND (To be restarted if no handler)
                --- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---
                +++ killed by SIGALRM +++
                """);
        CauseAnalysis a = CauseAnalysis.analyze(trace, DiagnosticPolicy::routineReason, CancelCheck.NONE);
        List<Cause> causes = a.causesOfExit(trace, 3);
        assertThat(causes.get(0).line()).isZero();
        assertThat(causes.get(0).reasons().get(0).toString()).startsWith("+8 its own alarm went off: it set a timer"
                + " (alarm on line 1) and no handler for SIGALRM");
        assertThat(a.ending(3)).isEqualTo("its own alarm went off (alarm on line 1) and it had no handler for SIGALRM");
    }
}
