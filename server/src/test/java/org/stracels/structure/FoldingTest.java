package org.stracels.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** Folding ranges of real traces, each written as "first-last KIND label" (0-based lines, inclusive). */
class FoldingTest {
    @Test
    void theLoaderPrologueAndRunsOfOneSyscallInAPlainTrace() {
        // lines 0-47: execve of ls, then ld.so and glibc start-up up to munmap of the cache; line 48 is
        // statfs("/sys/fs/selinux"), libselinux's first probe: the program's own work starts there
        assertThat(folds("plain.strace", 4)).containsExactly(
                "0-47 IMPORTS dynamic loader",
                "11-15 REGION 5 × mmap",
                "22-26 REGION 5 × mmap",
                "31-34 REGION 4 × mmap",
                "41-45 REGION 5 × mprotect",
                "60-63 REGION 4 × statx",
                "64-67 REGION 4 × write");
        assertThat(line("plain.strace", 48)).startsWith("statfs(\"/sys/fs/selinux\"");
        assertThat(line("plain.strace", 47)).startsWith("munmap(");
    }

    @Test
    void theMinimumRunIsASetting() {
        assertThat(folds("plain.strace", 6)).containsExactly("0-47 IMPORTS dynamic loader");
        // the two statfs of libselinux (lines 48, 49) make a run of 2
        assertThat(folds("plain.strace", 2)).contains("48-49 REGION 2 × statfs", "11-15 REGION 5 × mmap");
    }

    @Test
    void inInterleavedTracesEachExecHasItsPrologueAndCrossingRangesAreCutToNest() {
        List<String> folds = folds("follow.strace", 4);
        // 9615 execs cat on line 59, its loader ends with munmap on line 107; 9616 execs wc on line 80 while
        // cat's prologue runs: its own prologue is cut at 107 so that the two nest
        assertThat(folds).contains("0-28 IMPORTS dynamic loader", "59-107 IMPORTS dynamic loader",
                "80-107 IMPORTS dynamic loader", "179-230 IMPORTS dynamic loader");
        assertThat(line("follow.strace", 59)).startsWith("9615  execve(\"/usr/bin/cat\"");
        assertThat(line("follow.strace", 107)).startsWith("9615  munmap(");
        assertThat(line("follow.strace", 80)).startsWith("9616  execve(\"/usr/bin/wc\"");
    }

    @Test
    void stackFramesFoldUnderTheirCallOrSignal() {
        List<String> folds = folds("k-segv.strace", 4);
        assertThat(folds).contains("265-270 DETAIL 5 stack frames", "271-276 DETAIL 5 stack frames");
        assertThat(line("k-segv.strace", 265)).startsWith("write(1, \"about to crash\\n\"");
        assertThat(line("k-segv.strace", 271)).startsWith("--- SIGSEGV");
        assertThat(folds("k.strace", 4)).contains("0-1 DETAIL 1 stack frames", "2-6 DETAIL 4 stack frames");
    }

    @Test
    void aHexDumpFoldsUnderItsWrite() {
        assertThat(folds("dump.strace", 4)).contains("33-34 DETAIL hex dump");
        assertThat(line("dump.strace", 33)).startsWith("write(1, \"hi\\n\", 3)");
    }

    @Test
    void eachSummaryTableFolds() {
        assertThat(folds("c.strace", 4)).containsExactly("0-24 REGION summary table");
        assertThat(folds("C.strace", 4)).contains("74-98 REGION summary table");
        // one table per personality, each from its "System call usage summary for …" line
        assertThat(folds("personality-c.strace", 4)).containsExactly("0-21 REGION summary table",
                "22-28 REGION summary table", "29-34 REGION summary table");
        assertThat(line("personality-c.strace", 22)).isEqualTo("System call usage summary for 32 bit mode:");
    }

    @Test
    void aProcessWhoseLinesNoOtherInterruptsFoldsAsABlock() {
        // -Z prints failed calls only; pid 9690's eight lines (10-17) come one after the other
        assertThat(folds("Z.strace", 4)).containsExactly("10-17 REGION pid 9690");
        // in follow.strace every process is interleaved with another: no blocks
        assertThat(folds("follow.strace", 4)).noneMatch(f -> f.contains("pid "));
    }

    @Test
    void nestingCutsACrossingRangeToTheOneThatEnclosesItsStart() {
        List<Folding.Fold> nested = Folding.nest(List.of(new Folding.Fold(0, 10, Folding.Kind.IMPORTS, "a"),
                new Folding.Fold(5, 20, Folding.Kind.REGION, "b"), new Folding.Fold(8, 9, Folding.Kind.REGION, "c"),
                new Folding.Fold(12, 14, Folding.Kind.REGION, "d"), new Folding.Fold(10, 12, Folding.Kind.REGION, "e")));
        assertThat(nested).containsExactly(new Folding.Fold(0, 10, Folding.Kind.IMPORTS, "a"),
                new Folding.Fold(5, 10, Folding.Kind.REGION, "b"), new Folding.Fold(8, 9, Folding.Kind.REGION, "c"),
                new Folding.Fold(12, 14, Folding.Kind.REGION, "d"));
    }

    @Test
    void everyTraceFoldsIntoNestedRangesOfAtLeastTwoLines() {
        for (Path file : Testdata.traces()) {
            Trace trace = Trace.of(Testdata.read(file));
            List<Folding.Fold> folds = Folding.folds(trace, 4, CancelCheck.NONE);
            List<Folding.Fold> open = new ArrayList<>();
            for (Folding.Fold f : folds) {
                assertThat(f.endLine()).as(file + " " + f).isGreaterThan(f.startLine()).isLessThan(trace.parsed().lineCount());
                open.removeIf(o -> o.endLine() < f.startLine());
                for (Folding.Fold o : open) {
                    assertThat(f.endLine()).as(file + ": " + f + " crosses " + o).isLessThanOrEqualTo(o.endLine());
                }
                open.add(f);
            }
        }
    }

    private static List<String> folds(String file, int minRun) {
        List<String> result = new ArrayList<>();
        for (Folding.Fold f : Folding.folds(Trace.of(Testdata.read(file)), minRun, CancelCheck.NONE)) {
            result.add(f.startLine() + "-" + f.endLine() + " " + f.kind() + " " + f.label());
        }
        return result;
    }

    private static String line(String file, int i) {
        return Testdata.read(file).split("\n", -1)[i];
    }
}
