package org.stracels.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/**
 * The outline of real traces, written out as an indented tree: each symbol with its kind, name, detail, the
 * lines its range covers (0-based, first-last) and the text its selection range covers, between « ».
 */
class OutlineTest {
    @Test
    void followForkedProcessesEachWithTheirProgramTheirFailuresAndTheirExit() {
        assertThat(render("follow.strace", 50)).isEqualTo("""
                PROCESS pid 9614 — /usr/bin/sh (sh -c 'cat /tmp/strace-ls-testdata/hell…') 0-258 «9614»
                  EXEC /usr/bin/sh (sh -c 'cat /tmp/strace-ls-testdata/hell…') 0-258 «"/usr/bin/sh"»
                    FAILED_CALL close → EBADF (Bad file descriptor) 66-68 «EBADF»
                    SIGNAL SIGCHLD ({si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=9615, si_uid=0, si_status=0, si_utime=0, si_stime=0}) 127-127 «SIGCHLD»
                    SIGNAL SIGCHLD ({si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=9616, si_uid=0, si_status=0, si_utime=0, si_stime=0}) 172-172 «SIGCHLD»
                    SIGNAL SIGCHLD ({si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=9617, si_uid=0, si_status=2, si_utime=0, si_stime=0}) 254-254 «SIGCHLD»
                    EXIT exited with 0 () 258-258 «0»
                PROCESS pid 9615 — /usr/bin/cat (cat /tmp/strace-ls-testdata/hello.tx…) 50-124 «9615»
                  EXEC /usr/bin/cat (cat /tmp/strace-ls-testdata/hello.tx…) 59-124 «"/usr/bin/cat"»
                    EXIT exited with 0 () 124-124 «0»
                PROCESS pid 9616 — /usr/bin/wc (wc -c) 61-170 «9616»
                  EXEC /usr/bin/wc (wc -c) 80-170 «"/usr/bin/wc"»
                    FAILED_CALL fadvise64 → ESPIPE (Illegal seek) 161-161 «ESPIPE»
                    EXIT exited with 0 () 170-170 «0»
                PROCESS pid 9617 — /usr/bin/ls (ls /nonexistent) 178-252 «9617»
                  EXEC /usr/bin/ls (ls /nonexistent) 179-252 «"/usr/bin/ls"»
                    FAILED_CALL statx → ENOENT (/nonexistent) 243-243 «ENOENT»
                    FAILED_CALL statx → ENOENT (/nonexistent) 244-244 «ENOENT»
                    EXIT exited with 2 () 252-252 «2»
                """);
    }

    @Test
    void aThreadSitsUnderItsProcessAndEndsWhenItsExecveSupersedesIt() {
        assertThat(render("thread-exec.strace", 50)).isEqualTo("""
                PROCESS pid 9719 — /bin/true (true) 0-80 «9719»
                  EXEC /tmp/strace-ls-testdata/bin/thread-exec (/tmp/strace-ls-testdata/bin/thre…) 0-46 «"/tmp/strace-ls-testdata/bin/thread-exec"»
                  THREAD thread 9720 — /tmp/strace-ls-testdata/bin/thread-exec (thread of pid 9719) 38-49 «9720»
                    ENDED superseded by its execve (called execve, which made it the thread group leader: it continues as pid 9719) 49-49 «9720»
                  EXEC /bin/true (true) 47-80 «"/bin/true"»
                    EXIT exited with 0 () 80-80 «0»
                """);
    }

    @Test
    void killedProcessesEndWithTheSignal() {
        String outline = render("killed.strace", 50);
        assertThat(outline).contains("""
                PROCESS pid 10094 — /usr/bin/sleep (sleep 5)""").contains("""
                    KILLED killed by SIGKILL () 96-96 «SIGKILL»
                """);
    }

    @Test
    void routineFailuresAreNotEventsAndASingleProcessTraceHasNoPid() {
        // plain.strace fails 7 calls; 5 are the loader and libselinux probing, which the outline leaves out
        assertThat(render("plain.strace", 50)).isEqualTo("""
                PROCESS process — /usr/bin/ls (ls /etc/hostname /nonexistent) 0-73 «execve»
                  EXEC /usr/bin/ls (ls /etc/hostname /nonexistent) 0-73 «"/usr/bin/ls"»
                    FAILED_CALL statx → ENOENT (/nonexistent) 62-62 «ENOENT»
                    FAILED_CALL statx → ENOENT (/nonexistent) 63-63 «ENOENT»
                    EXIT exited with 2 () 73-73 «2»
                """);
    }

    @Test
    void theEventCapLeavesOutTheRestAndSaysHowManyButAlwaysShowsTheEnd() {
        assertThat(render("signals.strace", 2)).isEqualTo("""
                PROCESS process — /tmp/strace-ls-testdata/bin/signals (/tmp/strace-ls-testdata/bin/sign…) 0-87 «execve»
                  EXEC /tmp/strace-ls-testdata/bin/signals (/tmp/strace-ls-testdata/bin/sign…) 0-87 «"/tmp/strace-ls-testdata/bin/signals"»
                    SIGNAL SIGALRM ({si_signo=SIGALRM, si_code=SI_KERNEL}) 33-33 «SIGALRM»
                    SIGNAL SIGALRM ({si_signo=SIGALRM, si_code=SI_KERNEL}) 40-40 «SIGALRM»
                    EXIT exited with 0 () 87-87 «0»
                  MORE … 10 more events (left out of the outline (setting strace.outline.maxEventsPerProcess)) 46-84 «»
                """);
        // rt_sigreturn(…) = -1 EINTR hands back the interrupted call's result: not a failure, not an event
        assertThat(render("signals.strace", 50)).doesNotContain("rt_sigreturn");
    }

    @Test
    void aDetachedProcessEndsWithTheDetach() {
        assertThat(render("b-execve.strace", 50)).contains("""
                PROCESS pid 9707 — /usr/bin/sh (forked by pid 9706) 48-53 «9707»
                  ENDED detached (strace let go of it in execve) 53-53 «<detached ...>»
                """);
    }

    @Test
    void aPathWithANewlineStaysOnOneLineInTheDetail() {
        String text = "openat(AT_FDCWD, \"/tmp/a\\nb\", O_RDONLY) = -1 EACCES (Permission denied)\n+++ exited with 1 +++\n";
        Outline.Symbol process = Outline.symbols(Trace.of(text), 50, CancelCheck.NONE).get(0);
        assertThat(process.children()).extracting(Outline.Symbol::name, Outline.Symbol::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("openat → EACCES", "/tmp/a\\nb"),
                        org.assertj.core.groups.Tuple.tuple("exited with 1", ""));
    }

    @Test
    void everyTraceHasAWellFormedOutline() {
        for (Path file : Testdata.traces()) {
            String text = Testdata.read(file);
            List<Outline.Symbol> outline = Outline.symbols(Trace.of(text), 50, CancelCheck.NONE);
            for (Outline.Symbol s : outline) {
                wellFormed(s, text, file);
            }
        }
    }

    /** Names are never empty, selections lie in their ranges, children in their parents, in text order. */
    private static void wellFormed(Outline.Symbol s, String text, Path file) {
        assertThat(s.name()).as(file + " name").isNotBlank();
        assertThat(s.start()).as(file + " " + s.name()).isLessThanOrEqualTo(s.selectionStart());
        assertThat(s.selectionEnd()).as(file + " " + s.name()).isLessThanOrEqualTo(s.end());
        assertThat(s.end()).isLessThanOrEqualTo(text.length());
        int previous = s.start();
        for (Outline.Symbol c : s.children()) {
            assertThat(c.start()).as(file + " child of " + s.name()).isGreaterThanOrEqualTo(previous);
            assertThat(c.end()).as(file + " child of " + s.name()).isLessThanOrEqualTo(s.end());
            previous = c.start();
            wellFormed(c, text, file);
        }
    }

    static String render(String file, int maxEvents) {
        String text = Testdata.read(file);
        Trace trace = Trace.of(text);
        StringBuilder b = new StringBuilder();
        for (Outline.Symbol s : Outline.symbols(trace, maxEvents, CancelCheck.NONE)) {
            render(trace, s, "", b);
        }
        return b.toString();
    }

    private static void render(Trace trace, Outline.Symbol s, String indent, StringBuilder b) {
        b.append(indent).append(s.kind()).append(' ').append(s.name()).append(" (").append(s.detail()).append(") ")
                .append(trace.parsed().lineAt(s.start())).append('-').append(trace.parsed().lineAt(s.end()))
                .append(" «").append(trace.text(), s.selectionStart(), s.selectionEnd()).append("»\n");
        for (Outline.Symbol c : s.children()) {
            render(trace, c, indent + "  ", b);
        }
    }
}
