package org.stracels.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per line kind and prefix form; lines are real strace 6.1 output (see strace-format.md). */
class LineParserTest {

    private static ParsedLine parse(String line) {
        return LineParser.parse(line, 0, line.length());
    }

    private static String text(String line, Span span) {
        return span.text(line);
    }

    @Test
    void completeSyscallWithAlignmentPadding() {
        String s = "read(3, \"vm\\n\", 131072)                 = 3";
        ParsedLine l = parse(s);
        assertThat(l.kind()).isEqualTo(LineKind.SYSCALL);
        assertThat(l.name()).isEqualTo("read");
        assertThat(text(s, l.nameSpan())).isEqualTo("read");
        assertThat(text(s, l.argsSpan())).isEqualTo("3, \"vm\\n\", 131072");
        assertThat(l.returnKind()).isEqualTo(ReturnKind.VALUE);
        assertThat(text(s, l.returnValueSpan())).isEqualTo("3");
        assertThat(l.equalsSpan().start()).isEqualTo(40);
    }

    @Test
    void failedCallWithErrnoTextAndDuration() {
        String s = "access(\"/etc/ld.so.preload\", R_OK) = -1 ENOENT (No such file or directory) <0.000011838>";
        ParsedLine l = parse(s);
        assertThat(l.returnKind()).isEqualTo(ReturnKind.ERROR);
        assertThat(l.failed()).isTrue();
        assertThat(l.errno()).isEqualTo("ENOENT");
        assertThat(text(s, l.errnoSpan())).isEqualTo("ENOENT");
        assertThat(text(s, l.errnoTextSpan())).isEqualTo("No such file or directory");
        assertThat(text(s, l.returnValueSpan())).isEqualTo("-1");
        assertThat(text(s, l.durationSpan())).isEqualTo("<0.000011838>");
        assertThat(l.durationNanos()).isEqualTo(11_838);
    }

    @Test
    void unknownErrnoNumber() {
        String s = "ioctl(3, 0x1234) = -1 (errno 1234)";
        ParsedLine l = parse(s);
        assertThat(l.returnKind()).isEqualTo(ReturnKind.ERROR);
        assertThat(text(s, l.errnoTextSpan())).isEqualTo("errno 1234");
    }

    @Test
    void unfinishedWithTwoSpacesBeforeTheMarker() {
        String s = "27426 read(3,  <unfinished ...>";
        ParsedLine l = parse(s);
        assertThat(l.kind()).isEqualTo(LineKind.UNFINISHED);
        assertThat(l.pid()).isEqualTo(27426);
        assertThat(text(s, l.argsSpan())).isEqualTo("3,");
        assertThat(text(s, l.unfinishedSpan())).isEqualTo("<unfinished ...>");
        assertThat(l.returnKind()).isEqualTo(ReturnKind.ABSENT);
    }

    @Test
    void resumedWithRestOfArgumentsAndStruct() {
        String s = "6728  02:25:30.291161 <... newfstatat resumed>{st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, AT_EMPTY_PATH) = 0 <0.000079>";
        ParsedLine l = parse(s);
        assertThat(l.kind()).isEqualTo(LineKind.RESUMED);
        assertThat(l.name()).isEqualTo("newfstatat");
        assertThat(text(s, l.absoluteTimeSpan())).isEqualTo("02:25:30.291161");
        assertThat(text(s, l.argsSpan())).isEqualTo("{st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, AT_EMPTY_PATH");
        assertThat(l.durationNanos()).isEqualTo(79_000);
    }

    @Test
    void neverReturnedForms() {
        assertThat(parse("exit_group(0)                           = ?").returnKind()).isEqualTo(ReturnKind.NEVER);
        String cut = "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=30, tv_nsec=0},  <unfinished ...>) = ?";
        ParsedLine l = parse(cut);
        assertThat(l.kind()).isEqualTo(LineKind.SYSCALL);
        assertThat(l.returnKind()).isEqualTo(ReturnKind.NEVER);
        assertThat(l.unfinishedSpan().isPresent()).isTrue();
        ParsedLine r = parse("6778  <... read resumed> <unfinished ...>) = ?");
        assertThat(r.kind()).isEqualTo(LineKind.RESUMED);
        assertThat(r.returnKind()).isEqualTo(ReturnKind.NEVER);
        assertThat(parse("read(3, 0x1, 16) = ? <unavailable>").returnKind()).isEqualTo(ReturnKind.UNAVAILABLE);
    }

    @Test
    void restartedCall() {
        String s = "27426 read(3, 0x7fff7a53d710, 16)       = ? ERESTARTSYS (To be restarted if SA_RESTART is set)";
        ParsedLine l = parse(s);
        assertThat(l.returnKind()).isEqualTo(ReturnKind.RESTART);
        assertThat(l.errno()).isEqualTo("ERESTARTSYS");
        assertThat(text(s, l.errnoTextSpan())).isEqualTo("To be restarted if SA_RESTART is set");
    }

    @Test
    void notesAfterTheResult() {
        String s = "fcntl(6, F_GETFL)                       = 0x8401 (flags O_WRONLY|O_APPEND|O_LARGEFILE)";
        ParsedLine l = parse(s);
        assertThat(text(s, l.returnValueSpan())).isEqualTo("0x8401");
        assertThat(l.notes()).extracting(n -> n.text(s)).containsExactly("(flags O_WRONLY|O_APPEND|O_LARGEFILE)");

        String p = "poll([{fd=3, events=POLLIN}], 1, 100) = 1 ([{fd=3, revents=POLLIN}])";
        assertThat(parse(p).notes()).extracting(n -> n.text(p)).containsExactly("([{fd=3, revents=POLLIN}])");

        String e = "openat(AT_FDCWD, \"/x\", O_RDONLY) = -1 ENOENT (No such file or directory) (INJECTED)";
        ParsedLine injected = parse(e);
        assertThat(injected.errno()).isEqualTo("ENOENT");
        assertThat(injected.notes()).extracting(n -> n.text(e)).containsExactly("(INJECTED)");

        String d = "clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=100000000}, 0x7ffe20a2fa90) = 0 (DELAYED)";
        assertThat(parse(d).notes()).extracting(n -> n.text(d)).containsExactly("(DELAYED)");
        assertThat(parse("select(0, NULL, NULL, NULL, {tv_sec=0, tv_usec=1}) = 0 (Timeout)").notes()).hasSize(1);
    }

    @Test
    void returnedFdDecorationsAndPidNamespaceComment() {
        String s = "accept(3<TCP:[127.0.0.1:18765]>, {sa_family=AF_INET, sin_port=htons(34054)}, [16]) = 4<TCP:[127.0.0.1:18765->127.0.0.1:34054]>";
        ParsedLine l = parse(s);
        assertThat(text(s, l.returnValueSpan())).isEqualTo("4");
        assertThat(text(s, l.returnDecorationSpan())).isEqualTo("<TCP:[127.0.0.1:18765->127.0.0.1:34054]>");
        String deleted = "memfd_create(\"x\", 0) = 11</memfd:x (deleted)>(deleted)";
        assertThat(text(deleted, parse(deleted).returnDecorationSpan())).isEqualTo("</memfd:x (deleted)>(deleted)");
        String ns = "29414 getpid()                          = 1 /* 29414 in strace's PID NS */";
        assertThat(text(ns, parse(ns).returnDecorationSpan())).isEqualTo("/* 29414 in strace's PID NS */");
    }

    @Test
    void argumentsThatLookLikeSyntax() {
        String s = "write(1, \"a) = -1 ENOENT (x) <unfinished ...>\\\"\", 40) = 40";
        ParsedLine l = parse(s);
        assertThat(l.kind()).isEqualTo(LineKind.SYSCALL);
        assertThat(l.returnKind()).isEqualTo(ReturnKind.VALUE);
        assertThat(text(s, l.returnValueSpan())).isEqualTo("40");
        String path = "read(14</tmp/corpus we\\74ird\\76\\n\\\"na\\tme\\303\\251>(deleted), \"x\", 1) = 1";
        assertThat(parse(path).returnKind()).isEqualTo(ReturnKind.VALUE);
        String paren = "read(3</tmp/a)b>, \"x\", 1) = 1";
        assertThat(text(paren, parse(paren).argsSpan())).isEqualTo("3</tmp/a)b>, \"x\", 1");
        String comment = "execve(\"/bin/ls\", [\"ls\"], 0x7ffe7016ce20 /* 6 vars */) = 0";
        assertThat(text(comment, parse(comment).argsSpan())).endsWith("/* 6 vars */");
        String shift = "futex(0x1, FUTEX_WAKE_OP_PRIVATE, 1, 1, 0x2, FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1) = 1";
        assertThat(parse(shift).returnKind()).isEqualTo(ReturnKind.VALUE);
        String resuming = "restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0";
        assertThat(text(resuming, parse(resuming).argsSpan())).isEqualTo("<... resuming interrupted clock_nanosleep ...>");
    }

    @Test
    void x32CallsOfA64BitOnlyNumberCarryASuffix() {
        String s = "rt_sigaction#64(0x1, 0, 0, 0x8) = -1 ENOSYS (Function not implemented)";
        ParsedLine l = parse(s);
        assertThat(l.kind()).isEqualTo(LineKind.SYSCALL);
        assertThat(l.name()).isEqualTo("rt_sigaction#64");
    }

    @Test
    void prefixForms() {
        String bracket = "[pid 31422] set_robust_list(0x7fa215ef0a20, 24) = 0";
        ParsedLine b = parse(bracket);
        assertThat(b.pid()).isEqualTo(31422);
        assertThat(text(bracket, b.pidSpan())).isEqualTo("[pid 31422]");

        String all = "31367<sh> 1795746032.086985 (+     0.000120) [   3] [00007f3aa87d59f0] <... close resumed>) = 0 <0.000025>";
        ParsedLine a = parse(all);
        assertThat(a.pid()).isEqualTo(31367);
        assertThat(text(all, a.commSpan())).isEqualTo("<sh>");
        assertThat(text(all, a.absoluteTimeSpan())).isEqualTo("1795746032.086985");
        assertThat(text(all, a.relativeTimeSpan())).isEqualTo("(+     0.000120)");
        assertThat(text(all, a.syscallNumberSpan())).isEqualTo("[   3]");
        assertThat(text(all, a.instructionPointerSpan())).isEqualTo("[00007f3aa87d59f0]");
        assertThat(a.kind()).isEqualTo(LineKind.RESUMED);

        String rel = "     0.000297 brk(NULL)                 = 0x55b3edac9000";
        ParsedLine r = parse(rel);
        assertThat(r.pid()).isEqualTo(-1);
        assertThat(text(rel, r.relativeTimeSpan())).isEqualTo("0.000297");

        String t = "02:20:30 brk(NULL) = 0x55cfe9734000";
        assertThat(text(t, parse(t).absoluteTimeSpan())).isEqualTo("02:20:30");
        String epochSeconds = "1795746030 brk(NULL) = 0x1";
        ParsedLine e = parse(epochSeconds);
        assertThat(e.pid()).isEqualTo(-1);
        assertThat(text(epochSeconds, e.absoluteTimeSpan())).isEqualTo("1795746030");
        String padded = "410   02:21:26.027571 close(3) = 0";
        assertThat(parse(padded).pid()).isEqualTo(410);
        String unknownNumber = "[???] [????????????????] read() = ? <unavailable>";
        ParsedLine u = parse(unknownNumber);
        assertThat(text(unknownNumber, u.syscallNumberSpan())).isEqualTo("[???]");
        assertThat(text(unknownNumber, u.instructionPointerSpan())).isEqualTo("[????????????????]");
        assertThat(parse("[1073741863] read(0, \"\", 1) = 0").syscallNumberSpan().isPresent()).isTrue();
    }

    @Test
    void signalStoppedExitKilledSupersededPersonality() {
        String sig = "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6685, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---";
        ParsedLine s = parse(sig);
        assertThat(s.kind()).isEqualTo(LineKind.SIGNAL);
        assertThat(s.name()).isEqualTo("SIGCHLD");
        assertThat(text(sig, s.argsSpan())).startsWith("{si_signo=SIGCHLD").endsWith("si_stime=0}");

        ParsedLine stopped = parse("--- stopped by SIGSTOP ---");
        assertThat(stopped.kind()).isEqualTo(LineKind.STOPPED);
        assertThat(stopped.name()).isEqualTo("SIGSTOP");

        String exit = "6528  +++ exited with 2 +++";
        ParsedLine x = parse(exit);
        assertThat(x.kind()).isEqualTo(LineKind.EXITED);
        assertThat(x.number()).isEqualTo(2);
        assertThat(text(exit, x.detailSpan())).isEqualTo("2");

        ParsedLine killed = parse("+++ killed by SIGSEGV (core dumped) +++");
        assertThat(killed.kind()).isEqualTo(LineKind.KILLED);
        assertThat(killed.name()).isEqualTo("SIGSEGV");
        assertThat(killed.coreDumped()).isTrue();
        assertThat(parse("+++ killed by SIGKILL +++").coreDumped()).isFalse();

        ParsedLine sup = parse("27062 +++ superseded by execve in pid 27063 +++");
        assertThat(sup.kind()).isEqualTo(LineKind.SUPERSEDED);
        assertThat(sup.number()).isEqualTo(27063);

        String pers = "[ Process PID=27101 runs in x32 mode. ]";
        ParsedLine p = parse(pers);
        assertThat(p.kind()).isEqualTo(LineKind.PERSONALITY);
        assertThat(p.number()).isEqualTo(27101);
        assertThat(text(pers, p.detailSpan())).isEqualTo("x32");
    }

    @Test
    void tailsOfCutLines() {
        String detached = "31427 clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=1014, tv_nsec=69616828},  <detached ...>";
        ParsedLine d = parse(detached);
        assertThat(d.kind()).isEqualTo(LineKind.DETACHED);
        assertThat(text(detached, d.tailSpan())).isEqualTo("<detached ...>");
        String changed = "execve(\"/bin/true\", [\"/bin/true\"], 0x7f6e3f122eb8 /* 0 vars */ <pid changed to 6765 ...>";
        ParsedLine c = parse(changed);
        assertThat(c.kind()).isEqualTo(LineKind.PID_CHANGED);
        assertThat(c.number()).isEqualTo(6765);
    }

    @Test
    void linesWithoutPrefix() {
        assertThat(parse(" > /tmp/ctest/tstatic(__write+0x10) [0x306f0]").kind()).isEqualTo(LineKind.STACK_FRAME);
        assertThat(parse(" | 00000  50 52 45 54 54 59 5f 4e  41 4d 45 3d 22 44 65 62  PRETTY_NAME=\"Deb |").kind())
                .isEqualTo(LineKind.HEX_DUMP);
        assertThat(parse(" * 8 bytes in buffer 0").kind()).isEqualTo(LineKind.HEX_DUMP);
        assertThat(parse("% time     seconds  usecs/call     calls    errors syscall").kind()).isEqualTo(LineKind.SUMMARY);
        assertThat(parse("------ ----------- ----------- --------- --------- ----------------").kind()).isEqualTo(LineKind.SUMMARY);
        assertThat(parse("  0.00    0.000000           0        16           read").kind()).isEqualTo(LineKind.SUMMARY);
        assertThat(parse("100.00    0.000000           0       463        68 total").kind()).isEqualTo(LineKind.SUMMARY);
        assertThat(parse("syscall              calls    errors  usecs/call shortest  longest     seconds").kind()).isEqualTo(LineKind.SUMMARY);
        assertThat(parse("access                   2         2           0 0.000000 0.000000    0.000000").kind()).isEqualTo(LineKind.SUMMARY);
        assertThat(parse("System call usage summary for 32 bit mode:").kind()).isEqualTo(LineKind.SUMMARY);
        assertThat(parse("strace: Process 31427 attached").kind()).isEqualTo(LineKind.STRACE_MESSAGE);
        assertThat(parse("/usr/bin/strace: exec: No such file or directory").kind()).isEqualTo(LineKind.STRACE_MESSAGE);
        assertThat(parse("").kind()).isEqualTo(LineKind.BLANK);
    }

    @Test
    void malformedLinesCarryAProblem() {
        for (String bad : new String[] {"garbage here", "read(3, \"x\", 1) = ", "read(3) 5", "--- SIGSEGV {si_signo=SIGSEGV",
                "+++ exited with x +++", "<... read resumed", "read(3, \"unterminated", "12345 ", "open(\"x\") = 3 trailing"}) {
            ParsedLine l = parse(bad);
            assertThat(l.kind()).as(bad).isEqualTo(LineKind.MALFORMED);
            assertThat(l.problem()).as(bad).isNotBlank();
        }
    }

    @Test
    void offsetsAreAbsoluteInsideALargerText() {
        String text = "xx\nopenat(AT_FDCWD, \"/x\", O_RDONLY) = -1 ENOENT (No such file or directory)\n";
        int start = 3;
        int end = text.indexOf('\n', start);
        ParsedLine l = LineParser.parse(text, start, end);
        assertThat(l.errnoSpan().start()).isEqualTo(text.indexOf("ENOENT"));
        assertThat(l.nameSpan().start()).isEqualTo(start);
    }
}
