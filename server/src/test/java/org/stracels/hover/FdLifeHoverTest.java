package org.stracels.hover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;

/** Hover on fds tells their life from the fd model; hover on a resumed half shows the whole call. */
class FdLifeHoverTest {
    private static String hover(Trace trace, String lineText, String at) {
        int line = trace.text().indexOf(lineText);
        assertThat(line).as(lineText).isNotNegative();
        int offset = trace.text().indexOf(at, line);
        return HoverProvider.hover(trace, offset).map(Hover::markdown).orElse("");
    }

    @Test
    void anInheritedFdPredatesTheTrace() {
        Trace trace = Trace.of("execve(\"/bin/echo\", [\"echo\"], 0x7ffd /* 1 var */) = 0\nwrite(1, \"hi\\n\", 3) = 3\n");
        assertThat(hover(trace, "write(1", "1,")).contains("fd 1. Standard output, inherited: it predates the trace",
                "Still open when the trace ends.");
    }

    @Test
    void aDupNamesItsMakerItsOriginalAndItsEnd() {
        Trace trace = Trace.of(Testdata.read("fdlife.strace"));
        String text = trace.text();
        int dup2 = text.substring(0, text.indexOf("dup2(3, 5)")).split("\n", -1).length;
        int open = text.substring(0, text.indexOf("fdlife-a.txt")).split("\n", -1).length;
        int close = text.substring(0, text.indexOf("close(5)")).split("\n", -1).length;
        assertThat(hover(trace, "write(5, \"c\"", "5,")).isEqualTo(
                "**fd** `int` — Descriptor to write to; 1 and 2 are normally stdout and stderr.\n\n"
                        + "fd 5. Made by `dup2` on line " + dup2 + " for `/tmp/strace-ls-testdata/fdlife-a.txt`. A copy of fd 3"
                        + " made by `openat` on line " + open + ". Closed on line " + close + ".");
        assertThat(hover(trace, "write(11, \"c\", 1)", "11")).contains("Not an open fd here: the call failed with `EBADF`.");
    }

    @Test
    void theResumedHalfShowsTheWholeCall() {
        Trace trace = Trace.of("10 read(3,  <unfinished ...>\n11 write(1, \"x\", 1) = 1\n10 <... read resumed>\"abc\", 16) = 3\n");
        assertThat(hover(trace, "<... read", "read resumed")).contains("Resumed half: the call started on line 1. The whole call:\n\n"
                + "```text\nread(3, \"abc\", 16) = 3\n```");
    }
}
