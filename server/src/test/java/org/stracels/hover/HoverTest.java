package org.stracels.hover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stracels.hover.HoverAssert.hover;
import static org.stracels.hover.HoverAssert.hoverAt;

import org.junit.jupiter.api.Test;

/** Hovers on lines strace 6.1 printed (from testdata/), the cursor written as $0. */
class HoverTest {

    @Test
    void syscallNameShowsSignatureSummaryAndWhatThisCallDid() {
        HoverAssert.Result r = hover("op$0enat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3</etc/ld.so.cache> <0.000031>");
        assertThat(r.covered()).isEqualTo("openat");
        assertThat(r.markdown()).contains("int openat(int dirfd, const char *pathname, int flags")
                .contains("Returned fd `3` → `/etc/ld.so.cache`.").contains("Took 31 µs.")
                .contains("(https://man7.org/linux/man-pages/man2/openat.2.html)");
    }

    @Test
    void aFailedCallSaysWhyForThisSyscall() {
        HoverAssert.Result r = hover("ex$0ecve(\"/nonexistent\", [\"/nonexistent\"], 0x7ffd /* 1 var */) = -1 ENOENT (No such file or directory)");
        assertThat(r.markdown()).contains("Failed with `ENOENT` (No such file or directory)").doesNotContainPattern("[^.]\\.\\.[^.]");
        HoverAssert.Result errno = hover("execve(\"/nonexistent\", [\"/nonexistent\"], 0x7ffd /* 1 var */) = -1 EN$0OENT (No such file or directory)");
        assertThat(errno.covered()).isEqualTo("ENOENT");
        assertThat(errno.markdown()).startsWith("**ENOENT (2)**").contains("*From execve:*");
    }

    @Test
    void eachFlagOfASetAndItsParameter() {
        HoverAssert.Result one = hover("mmap(NULL, 12288, PROT_READ|PROT_WR$0ITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f4440cd6000");
        assertThat(one.covered()).isEqualTo("PROT_WRITE");
        assertThat(one.markdown()).startsWith("**prot** `int`").contains("`PROT_WRITE` (0x2)");
        HoverAssert.Result bar = hover("mmap(NULL, 12288, PROT_READ$0|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f4440cd6000");
        assertThat(bar.covered()).isEqualTo("PROT_READ|PROT_WRITE");
        assertThat(bar.markdown()).contains("- `PROT_READ`").contains("- `PROT_WRITE`");
    }

    @Test
    void sizesInReadableUnitsAndModesAsPermissions() {
        assertThat(hover("read(3, \"\\177ELF\"..., 83$02) = 832").markdown()).contains("832 bytes");
        assertThat(hover("mmap(NULL, 122$088, PROT_READ, MAP_PRIVATE, -1, 0) = 0x7f44").markdown()).contains("12 KiB");
        HoverAssert.Result mode = hover("openat(AT_FDCWD, \"/tmp/x\", O_WRONLY|O_CREAT|O_EXCL, 06$0755) = 3");
        assertThat(mode.covered()).isEqualTo("06755");
        assertThat(mode.markdown()).contains("`rwsr-sr-x`").contains("Set-user-ID");
    }

    @Test
    void anFdArgumentSaysWhichCallMadeIt() {
        String text = "9917  socketpair(AF_UNIX, SOCK_STREAM, 0, [5<UNIX-STREAM:[13746->13747]>, 6<UNIX-STREAM:[13747->13746]>]) = 0\n"
                + "9917  read(5$0<UNIX-STREAM:[13746->13747]>, \"ping\", 16) = 4\n";
        HoverAssert.Result r = hover(text);
        assertThat(r.covered()).isEqualTo("5<UNIX-STREAM:[13746->13747]>");
        assertThat(r.markdown()).contains("fd 5 → `UNIX-STREAM:[13746->13747]`").contains("Made by `socketpair` on line 1");
        assertThat(hover("write($01, \"hi\\n\", 3) = 3").markdown()).contains("Standard output");
    }

    @Test
    void signalSiCodeAndSiginfoFields() {
        String line = "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6685, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---";
        HoverAssert.Result name = hover(line.replace("--- SIGCHLD", "--- SIGC$0HLD"));
        assertThat(name.covered()).isEqualTo("SIGCHLD");
        assertThat(name.markdown()).startsWith("**SIGCHLD (17)**").contains("*Default action:* it is ignored");
        HoverAssert.Result code = hover(line.replace("CLD_EXITED", "CLD_EX$0ITED"));
        assertThat(code.covered()).isEqualTo("CLD_EXITED");
        assertThat(code.markdown()).startsWith("**CLD_EXITED (1)**");
        HoverAssert.Result field = hover(line.replace("si_status", "si_st$0atus"));
        assertThat(field.covered()).isEqualTo("si_status");
    }

    @Test
    void processEndings() {
        HoverAssert.Result killed = hover("+++ killed by SIGS$0EGV (core dumped) +++");
        assertThat(killed.covered()).isEqualTo("SIGSEGV");
        assertThat(killed.markdown()).contains("core dump");
        HoverAssert.Result exited = hover("exit_group(1) = ?\n+++ exited with $01 +++");
        assertThat(exited.covered()).isEqualTo("1");
        assertThat(exited.markdown()).startsWith("**Exited with status 1**");
    }

    @Test
    void aPidShowsItsProgramParentAndEnding() {
        String text = "100   execve(\"/usr/bin/sh\", [\"sh\", \"-c\", \"true\"], 0x7ffd /* 1 var */) = 0\n"
                + "100   clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 101\n"
                + "1$001   exit_group(3)                     = ?\n"
                + "101   +++ exited with 3 +++\n";
        HoverAssert.Result r = hover(text);
        assertThat(r.covered()).isEqualTo("101");
        assertThat(r.markdown()).contains("Child of pid 100 (line 2)").contains("exited with 3 (line 4)");
        HoverAssert.Result parent = hover(text.replace("\"sh\", \"-c\"", "\"s$0h\", \"-c\"").replace("1$001", "101"));
        assertThat(parent.markdown()).startsWith("**argv** `char *const []`");
        HoverAssert.Result ran = hover(text.replace("1$001", "101").replace("100   clone", "1$000   clone"));
        assertThat(ran.markdown()).contains("Ran `sh -c true` (line 1)");
    }

    @Test
    void timestampsAndDurations() {
        String text = "6726  02:25:30.267398 close(4) = 0 <0.000100>\n6726  02:25:30.269398 cl$1ose(5) = 0 <1.5>\n";
        HoverAssert.Result duration = hover(text.replace("<1.5>", "<1.$05>").replace("$1", ""));
        assertThat(duration.covered()).isEqualTo("<1.5>");
        assertThat(duration.markdown()).startsWith("**Took 1.5 s**");
        HoverAssert.Result time = hover(text.replace("02:25:30.269398", "02:25:30.2$069398").replace("$1", ""));
        assertThat(time.markdown()).contains("*Since this process's previous line* (line 1): 2 ms.");
        HoverAssert.Result epoch = hover("1795746030.4$009938 brk(NULL) = 0x55");
        assertThat(epoch.markdown()).startsWith("**2026-11-27T");
    }

    @Test
    void xVerboseNamesAndRawNumbers() {
        HoverAssert.Result verbose = hover("mprotect(0x7f, 4096, 0x1 /* PROT_RE$0AD */) = 0");
        assertThat(verbose.markdown()).contains("`PROT_READ` (0x1)");
        HoverAssert.Result number = hover("mmap(NULL, 8192, 0x$03 /* PROT_READ|PROT_WRITE */, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0) = 0x7f");
        assertThat(number.covered()).isEqualTo("0x3");
        assertThat(number.markdown()).startsWith("**prot** `int`").contains("`PROT_WRITE` (0x2)");
        String raw = "openat(-100, \"/etc/ld.so.cache\", 0x80000) = 3\nmmap(NULL, 12288, 0x3, 0x2$02, -1, 0) = 0x7f\n";
        HoverAssert.Result flags = hover(raw);
        assertThat(flags.markdown()).contains("`0x22` stands for `MAP_PRIVATE|MAP_ANONYMOUS`");
        HoverAssert.Result dirfd = hover(raw.replace("0x2$02", "0x22").replace("openat(-100", "openat(-1$000"));
        assertThat(dirfd.markdown()).contains("stands for `AT_FDCWD`");
        HoverAssert.Result open = hover(raw.replace("0x2$02", "0x22").replace("0x80000", "0x8$00000"));
        assertThat(open.markdown()).contains("stands for `O_CLOEXEC`");
    }

    @Test
    void truncatedStringsAndAbbreviations() {
        HoverAssert.Result s = hover("write(1, \"PRETTY_NAME=\\\"Debian GNU/Linux 12\"$0..., 267) = 267");
        assertThat(s.markdown()).contains("cut by strace's string limit");
        HoverAssert.Result env = hover("execve(\"/bin/ls\", [\"ls\"], 0x7ffe7016ce20 /* 6 v$0ars */) = 0");
        assertThat(env.markdown()).contains("environment passed to the new program has 6 vars");
    }

    @Test
    void signalSetsWithoutTheSigPrefix() {
        HoverAssert.Result r = hover("rt_sigprocmask(SIG_SETMASK, ~[RTMIN RT_1 TE$0RM], NULL, 8) = 0");
        assertThat(r.covered()).isEqualTo("TERM");
        assertThat(r.markdown()).contains("`TERM` (15)");
    }

    @Test
    void nothingOnBlankOrUnknownText() {
        assertThat(hoverAt("read(3, \"x\", 1) = 1 $0 ")).isEmpty();
        assertThat(hoverAt("$0")).isEmpty();
    }
}
