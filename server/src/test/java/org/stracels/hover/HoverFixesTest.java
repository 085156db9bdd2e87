package org.stracels.hover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.catalog.Catalog;

/**
 * Hovers on real testdata lines that an audit found wrong or imprecise (issue 13): each case puts the cursor on
 * a token of a line strace printed, in its whole trace, and checks what the hover says and no longer says.
 */
class HoverFixesTest {

    /** The hover at the {@code occurrence}-th {@code token} on 1-based {@code line} of testdata {@code file}. */
    static HoverAssert.Result at(String file, int line, String token, int occurrence) {
        String text = Testdata.read(file);
        assertThat(text).doesNotContain(HoverAssert.CURSOR);
        int start = 0;
        for (int i = 1; i < line; i++) {
            start = text.indexOf('\n', start) + 1;
        }
        int end = text.indexOf('\n', start);
        int col = -1;
        for (int k = 0; k < occurrence; k++) {
            col = text.substring(start, end).indexOf(token, col + 1);
            assertThat(col).as("%s line %d holds %s %d times", file, line, token, occurrence).isNotNegative();
        }
        int offset = start + col;
        return HoverAssert.hover(text.substring(0, offset) + HoverAssert.CURSOR + text.substring(offset));
    }

    static HoverAssert.Result at(String file, int line, String token) {
        return at(file, line, token, 1);
    }

    // ---- statements that were false ---------------------------------------------------------------------

    @Test
    void ioctlRequestCodesPrintAsOneName() {
        String md = at("C.strace", 60, "ioctl").markdown();
        assertThat(md).doesNotContain("alternatives").doesNotContain("FIONREAD or TIOCINQ")
                .contains("one name per request code");
    }

    @Test
    void atFdcwdSaysWhichGlibcCallsUseTheAtForms() {
        String md = at("plain.strace", 5, "AT_FDCWD").markdown();
        assertThat(md).doesNotContain("open, stat, unlink and friends through the *at calls")
                .contains("`unlink`, `access`, `readlink`, `mkdir`, `rename`, `link`, `chmod` and `rmdir` keep their plain syscalls");
    }

    @Test
    void futexWaitPrivateIsForMutexesConditionVariablesUseTheBitsetWait() {
        // no testdata line shows it (a contended mutex); the catalogue entry the hover quotes
        String text = Catalog.get().constant("FUTEX_WAIT_PRIVATE").meaning();
        assertThat(text).contains("mutex").contains("condition variables wait with `FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME`")
                .doesNotContain("mutexes and condition variables");
    }

    @Test
    void restartCodesSayWhatTheProgramSeesEachTheirOwnWay() {
        String nohand = at("signals.strace", 46, "ERESTARTNOHAND").markdown();
        assertThat(nohand).doesNotContain("depending on the signal handler's `SA_RESTART` flag")
                .contains("after a handler the program gets `EINTR`, whatever `SA_RESTART` says");
        String block = at("signals.strace", 52, "ERESTART_RESTARTBLOCK").markdown();
        assertThat(block).doesNotContain("depending on the signal handler's `SA_RESTART` flag")
                .contains("`restart_syscall`").contains("whatever `SA_RESTART` says");
        String call = at("signals.strace", 52, "clock_nanosleep").markdown();
        assertThat(call).doesNotContain("depending on the handler").contains("whatever `SA_RESTART` says");
        int sys = Testdata.read("signals.strace").lines().toList().indexOf(
                Testdata.read("signals.strace").lines().filter(l -> l.contains("ERESTARTSYS")).findFirst().orElseThrow());
        assertThat(at("signals.strace", sys + 1, "ERESTARTSYS").markdown())
                .contains("a handler installed with `SA_RESTART`").contains("without `SA_RESTART` the program gets `EINTR`");
    }

    @Test
    void eserverfaultComesFrom9pOrFuseNotFromTheNfsClient() {
        String md = at("xauth-link.strace", 39, "ESERVERFAULT").markdown();
        assertThat(md).contains("`EREMOTEIO`").contains("9p").contains("FUSE")
                .contains("the program's message blames locking")
                .doesNotContain("NFS: the server hit an error");
    }

    // ---- the line's own context --------------------------------------------------------------------------

    @Test
    void anInjectedFailureSaysStraceInjectedIt() {
        String errno = at("ln-link.strace", 107, "EPERM").markdown();
        assertThat(errno).contains("strace injected this failure").doesNotContain("*From linkat:*");
        String call = at("ln-link.strace", 107, "linkat").markdown();
        assertThat(call).contains("injected by strace: the kernel did not refuse it");
        String xauth = at("xauth-link.strace", 39, "link").markdown();
        assertThat(xauth).contains("Failed with `ESERVERFAULT`").contains("injected by strace");
    }

    @Test
    void theSiginfoSaysWhoSentTheSignal() {
        String timer = at("signals.strace", 76, "SIGUSR2").markdown();
        assertThat(timer).doesNotContain("`si_pid` tells who sent it").contains("Sent by a POSIX timer")
                .contains("no `si_pid`");
        assertThat(at("signals.strace", 34, "SIGALRM").markdown())
                .contains("Sent by the kernel, not by a process: `alarm()` or `setitimer(ITIMER_REAL)` expired");
        assertThat(at("signals.strace", 53, "SIGCHLD").markdown())
                .contains("Sent by the kernel because child pid 10055 exited with status 7");
        assertThat(at("signals.strace", 60, "SIGUSR1").markdown()).contains("Sent with `kill()` by pid 10054");
        assertThat(at("signals.strace", 65, "SIGUSR2").markdown()).contains("`tgkill()`");
        assertThat(at("signals.strace", 71, "SIGUSR1").markdown()).contains("Sent with `sigqueue()`");
        assertThat(at("term.strace", 110, "SIGTERM").markdown())
                .contains("by another process, pid 10112 (`/usr/bin/timeout`)");
        assertThat(at("term.strace", 102, "SIGTERM").markdown()).contains("Sent by this process itself, with `kill()` on its own pid or on its process group").doesNotContain("SIGPIPE");
    }

    @Test
    void sigcontIsOftenSentToARunningProcess() {
        String md = at("term.strace", 106, "SIGCONT").markdown();
        assertThat(md).contains("sent to a process that is running").contains("`timeout`");
    }

    @Test
    void anFdHoverNamesTheThreadThatMadeIt() {
        String other = at("fdlife.strace", 131, "8)").markdown();
        assertThat(other).contains("Made by `openat` on line 123 in thread 6997 of pid 6994");
        String same = at("busy.strace", 2673, "5<").markdown();
        assertThat(same).contains("Made by `openat` on line 192").doesNotContain("in pid 10263");
    }

    @Test
    void aRawModeDecodesItsFileType() {
        assertThat(at("X-raw-dev.strace", 60, "020666").markdown())
                .contains("File type `S_IFCHR` (character device").contains("`rw-rw-rw-`");
        assertThat(at("X-raw.strace", 6, "0100644").markdown()).contains("File type `S_IFREG`");
    }

    @Test
    void aKilledProcessWasKilled() {
        String md = at("killed.strace", 96, "10094").markdown();
        assertThat(md).contains("It was killed by SIGKILL").doesNotContain("It killed by");
    }

    // ---- small kernel facts --------------------------------------------------------------------------------

    @Test
    void smallKernelFacts() {
        assertThat(at("plain.strace", 42, "mprotect").markdown())
                .contains("EPERM when the range is sealed (`mseal`, Linux 6.10+)").contains("an LSM");
        Catalog c = Catalog.get();
        assertThat(c.errno("EPERM").causeFor("mprotect")).contains("mseal").contains("EACCES");
        assertThat(c.syscall("setresuid").summary()).contains("all three non-zero")
                .contains("keeps the permitted set only");
        assertThat(c.constant("CLONE_NEWPID").meaning()).contains("every child it creates afterwards")
                .doesNotContain("only the caller's next child");
        assertThat(c.constant("S_IFLNK").meaning()).contains("`O_PATH|O_NOFOLLOW`").doesNotContain("when creating links");
        assertThat(c.syscall("copy_file_range").returns()).contains("before Linux 5.3, and again since 5.19");
        assertThat(at("netlink.strace", 180, "AF_PACKET").markdown()).contains("it is no socket at all");
    }

    // ---- constants that had no explanation -----------------------------------------------------------------

    @Test
    void theKernelVocabularyOfRealTracesIsExplained() {
        assertThat(at("caps.strace", lineOf("caps.strace", "PR_CAPBSET_READ, CAP_CHOWN"), "CAP_CHOWN").markdown())
                .contains("`CAP_CHOWN` (0): Capability: change the owner");
        assertThat(at("mount.strace", 192, "MS_NOSUID").markdown()).contains("`MS_NOSUID` (0x2): Mount flag");
        assertThat(at("mount.strace", 37, "MS_REC").markdown()).contains("`MS_REC` (0x4000)");
        assertThat(at("statfs.strace", 60, "ST_RELATIME").markdown()).contains("statfs `f_flags`");
        assertThat(at("statfs.strace", lineOf("statfs.strace", "EXT2_SUPER_MAGIC"), "EXT2_SUPER_MAGIC").markdown())
                .contains("ext4");
        int link = lineOf("netlink.strace", "IPV4_DEVCONF_FORWARDING");
        assertThat(at("netlink.strace", link, "IPV4_DEVCONF_FORWARDING").markdown()).contains("net.ipv4.conf.<interface>.forwarding");
        assertThat(at("netlink.strace", lineOf("netlink.strace", "DEVCONF_MTU6"), "DEVCONF_MTU6").markdown()).contains("net.ipv6.conf.<interface>.mtu");
        assertThat(at("netlink.strace", lineOf("netlink.strace", "IPSTATS_MIB_NUM"), "IPSTATS_MIB_NUM").markdown()).contains("number of IPv6 counters");
        assertThat(at("netlink.strace", lineOf("netlink.strace", "ICMP6_MIB_INMSGS"), "ICMP6_MIB_INMSGS").markdown()).contains("ICMPv6 messages received");
        assertThat(at("netlink.strace", lineOf("netlink.strace", "IFLA_AF_SPEC"), "IFLA_AF_SPEC").markdown()).contains("per-address-family");
        assertThat(at("netlink.strace", lineOf("netlink.strace", "ARPHRD_LOOPBACK"), "ARPHRD_LOOPBACK").markdown()).contains("loopback interface");
        assertThat(at("netlink.strace", lineOf("netlink.strace", "IFF_LOWER_UP"), "IFF_LOWER_UP").markdown()).contains("physical layer up");
        assertThat(at("netlink.strace", lineOf("netlink.strace", "IFA_LOCAL"), "IFA_LOCAL").markdown()).contains("Address attribute");
        assertThat(at("netlink.strace", lineOf("netlink.strace", "IFA_F_PERMANENT"), "IFA_F_PERMANENT").markdown()).contains("does not expire");
        assertThat(at("netlink.strace", 180, "ARPHRD_NETROM").markdown()).contains("zero `ifi_type`");
    }

    @Test
    void aNumberUnderANetlinkAttributeIsItsType() {
        int nested = lineOf("netlink.strace", "NLA_F_NESTED|0x3e");
        String set = at("netlink.strace", nested, "0x3e").markdown();
        assertThat(set).contains("`0x3e`: the attribute's type number, 62 — not flag bits").doesNotContain("bits strace has no name for");
        int plain = lineOf("netlink.strace", "nla_type=0x43");
        assertThat(at("netlink.strace", plain, "0x43").markdown())
                .contains("the attribute's type number, 67").contains("`IFLA_*` table has no name for it");
    }

    // ---- the order of a syscall hover ----------------------------------------------------------------------

    @Test
    void aSyscallHoverLeadsWithWhatThisCallDid() {
        String md = at("plain.strace", 5, "openat").markdown();
        int signature = md.indexOf("```text");
        int thisCall = md.indexOf("*This call:*");
        int summary = md.indexOf(Catalog.get().syscall("openat").summary());
        int returns = md.indexOf("*Returns:*");
        int link = md.indexOf("[man openat(2)]");
        assertThat(signature).isZero();
        assertThat(thisCall).isGreaterThan(signature).isLessThan(summary);
        assertThat(summary).isLessThan(returns);
        assertThat(returns).isLessThan(link);
        assertThat(md).endsWith(")");
        String read = at("plain.strace", 10, "read").markdown();
        assertThat(read).contains("*On:* fd 3 → `/lib/x86_64-linux-gnu/libselinux.so.1`.");
        assertThat(read.indexOf("*On:*")).isLessThan(read.indexOf("*Returns:*"));
    }

    private static int lineOf(String file, String needle) {
        var lines = Testdata.read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + file);
    }
}
