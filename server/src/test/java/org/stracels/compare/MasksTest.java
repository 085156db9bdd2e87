package org.stracels.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.stracels.parse.LineParser;
import org.stracels.parse.ParsedLine;

/** Normalising single lines (copied from testdata traces) and masking names that change on every run. */
class MasksTest {
    private static String normal(String line, Masks.Pids pids) {
        ParsedLine pl = LineParser.parse(line, 0, line.length());
        return Normaliser.call(line, pl, new HashMap<>(), pids).text();
    }

    @Test
    void temporaryNamesAreMasked() {
        Masks.Pids pids = new Masks.Pids();
        assertThat(Masks.path("/tmp/tmp.Ab3dE5fG7h/out", pids)).isEqualTo("/tmp/tmp.XXXXXXXXXX/out");
        assertThat(Masks.path("/tmp/buildaB3x9Q", pids)).isEqualTo("/tmp/buildXXXXXX");
        assertThat(Masks.path("/tmp/tmpk2j_x8q1/file", pids)).isEqualTo("/tmp/tmpXXXXXXXX/file");
        assertThat(Masks.path("/etc/passwd", pids)).isEqualTo("/etc/passwd");
        assertThat(Masks.path("/tmp/report", pids)).isEqualTo("/tmp/report");
        pids.add(22147);
        assertThat(Masks.path("/proc/22147/status", pids)).isEqualTo("/proc/<pid>/status");
        assertThat(Masks.path("/var/run/app.22147.lock", pids)).isEqualTo("/var/run/app.<pid>.lock");
    }

    @Test
    void addressesSizesOfMappingsAndPidsDropOut() {
        Masks.Pids pids = new Masks.Pids();
        pids.add(22462);
        assertThat(normal("mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f00c6f61000", pids))
                .isEqualTo("mmap(NULL, N, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, N) = 0x…");
        assertThat(normal("vfork()                                 = 22462", pids)).isEqualTo("vfork() = <pid>");
        assertThat(normal("rt_sigreturn({mask=[]})                 = 22462", pids)).isEqualTo("rt_sigreturn({mask=[]}) = <pid>");
        assertThat(normal("wait4(22462, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 22462", pids))
                .isEqualTo("wait4(<pid>, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = <pid>");
        assertThat(normal("clock_gettime(CLOCK_REALTIME, {tv_sec=1733500000, tv_nsec=123456789}) = 0", pids))
                .isEqualTo("clock_gettime(CLOCK_REALTIME, {tv_sec=…, tv_nsec=…}) = 0");
        assertThat(normal("getrandom(\"\\x6d\\x0e\\x41\\xc5\\x3e\\xd5\\x52\\x8e\", 8, GRND_NONBLOCK) = 8", pids))
                .isEqualTo("getrandom(\"…\", 8, GRND_NONBLOCK) = 8");
    }

    @Test
    void fdsBecomeTheirFiles() {
        Masks.Pids pids = new Masks.Pids();
        String y = "read(3</tmp/strace-ls-testdata/hello.txt>, \"hello, strace-ls\\n\", 131072) = 17";
        assertThat(normal(y, pids)).isEqualTo("read(</tmp/strace-ls-testdata/hello.txt>, \"hello, strace-ls\\n\", 131072) = 17");
        String pipe = "write(1<pipe:[123456]>, \"x\", 1) = 1";
        assertThat(normal(pipe, pids)).isEqualTo("write(<pipe:[…]>, \"x\", 1) = 1");
        String open = "openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = 3";
        assertThat(normal(open, pids)).isEqualTo("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = </etc/ld.so.cache>");
        String failed = "openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000012>";
        assertThat(normal(failed, pids)).isEqualTo("openat(AT_FDCWD, \"/nonexistent\", O_RDONLY) = -1 ENOENT");
    }
}
