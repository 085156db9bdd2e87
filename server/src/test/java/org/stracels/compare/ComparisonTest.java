package org.stracels.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stracels.compare.Difference.Kind;

/**
 * Pairs of real runs (testdata/diff, made by testdata/make.sh): the same command, once working and once failing
 * for one known reason. The first ranked difference must be that reason, at the lines where the traces show it.
 */
class ComparisonTest {
    private static final Path TESTDATA = Path.of(System.getProperty("testdata.dir", "../testdata"));

    static Comparison compare(String good, String bad) throws IOException {
        List<Path> g = RunFiles.resolve(TESTDATA.resolve(good).toString());
        List<Path> b = RunFiles.resolve(TESTDATA.resolve(bad).toString());
        return Comparison.of(g, names(g), b, names(b));
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(Path::toString).toList();
    }

    /** The 1-based number of the first line of {@code file} that contains all of {@code parts}. */
    static int lineOf(String file, String... parts) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean all = true;
            for (String p : parts) {
                all &= l.contains(p);
            }
            if (all) {
                return i + 1;
            }
        }
        throw new AssertionError("no line of " + file + " holds " + List.of(parts));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "missing  | failed-in-bad      | openat  | app.conf\" | ENOENT",
        "readonly | failed-in-bad      | openat  | out/stamp\" | EACCES",
        "nobody   | failed-in-bad      | openat  | secret\"   | EACCES",
        "port     | failed-in-bad      | bind    | htons(48765) | EADDRINUSE",
        "config   | data               | read    | enabled=no | enabled=no",
    })
    void theFirstRankedDifferenceIsTheReason(String pair, String kind, String syscall, String what, String inWhy)
            throws IOException {
        Comparison c = compare("diff/" + pair + ".good.strace", "diff/" + pair + ".bad.strace");
        Difference first = c.rankedDifferences().get(0);
        assertThat(first.kind().id()).isEqualTo(kind);
        assertThat(first.why()).contains(inWhy);
        assertThat(first.bad().file()).endsWith(pair + ".bad.strace");
        assertThat(first.bad().line()).isEqualTo(lineOf(first.bad().file(), syscall + "(", what));
        assertThat(first.good().file()).endsWith(pair + ".good.strace");
        assertThat(first.good().line()).isEqualTo(lineOf(first.good().file(), syscall + "(",
                pair.equals("config") ? "enabled=yes" : what));
        assertThat(c.failures()).isNotEmpty();
        assertThat(c.explainsFailure()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "home | HOME is set in GOOD",
        "path | PATH differs",
        "lang | LANG is set in GOOD",
    })
    void anEnvironmentVariableLeadsWhenItIsTheReason(String pair, String inWhy) throws IOException {
        Comparison c = compare("diff/" + pair + ".good.strace", "diff/" + pair + ".bad.strace");
        Difference first = c.rankedDifferences().get(0);
        assertThat(first.kind()).isEqualTo(Kind.ENVIRONMENT);
        assertThat(first.why()).contains(inWhy);
        assertThat(first.bad().line()).isEqualTo(lineOf(first.bad().file(), "execve(\"/"));
        assertThat(c.explainsFailure()).isTrue();
    }

    @Test
    void theFailingCallsTheEnvironmentLedToFollow() throws IOException {
        Comparison c = compare("diff/path.good.strace", "diff/path.bad.strace");
        List<Difference> ranked = c.rankedDifferences();
        Difference second = ranked.get(1);
        assertThat(second.kind()).isEqualTo(Kind.FAILED_ONLY_IN_BAD);
        assertThat(second.good()).isNull();
        assertThat(second.why()).contains("nobin/cat").contains("cause analysis of BAD");
        assertThat(c.text(second.pair(), false)).contains("/tmp/strace-ls-testdata/diff/nobin/cat");
    }

    @Test
    void twoRunsOfTheSameWorkingCommandCompareAsEqual() throws IOException {
        Comparison c = compare("diff/same.1.strace", "diff/same.2.strace");
        assertThat(c.rankedDifferences()).isEmpty();
        assertThat(c.failures()).isEmpty();
        assertThat(c.explainsFailure()).isFalse();
        assertThat(c.pairs()).hasSizeGreaterThan(3).allSatisfy(p -> {
            assertThat(p.good()).isNotNull();
            assertThat(p.bad()).isNotNull();
            assertThat(p.goodCalls()).isPositive();
        });
        for (Comparison.PairInfo p : c.pairs()) {
            assertThat(c.text(p.id(), true)).isEqualTo(c.text(p.id(), false));
        }
    }

    @Test
    void aRunComparedWithItselfHasNoDifferenceAtAll() throws IOException {
        Comparison c = compare("busy.strace", "busy.strace");
        assertThat(c.differences()).isEmpty();
        assertThat(c.goodCalls()).isEqualTo(c.badCalls()).isGreaterThan(1000);
    }

    @Test
    void everyTestdataTraceComparedWithItselfHasNoDifference() throws IOException {
        List<Path> traces;
        try (var files = Files.list(TESTDATA)) {
            traces = files.filter(f -> f.toString().endsWith(".strace")).sorted().toList();
        }
        assertThat(traces).hasSizeGreaterThan(40);
        for (Path t : traces) {
            Comparison c = Comparison.of(List.of(t), List.of(t.toString()), List.of(t), List.of(t.toString()));
            assertThat(c.differences()).as(t.toString()).isEmpty();
            assertThat(c.explainsFailure()).as(t.toString()).isFalse();
        }
    }

    @Test
    void textThatIsNoTraceComparesWithoutError(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.strace");
        StringBuilder b = new StringBuilder();
        java.util.Random r = new java.util.Random(15);
        String alphabet = "abc(){}[]<>\"\\=, -0123456789x+.:/|*\t";
        for (int line = 0; line < 2000; line++) {
            int n = r.nextInt(120);
            for (int i = 0; i < n; i++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            b.append(line % 7 == 0 ? " <unfinished ...>\n" : line % 11 == 0 ? ") = -1 ENOENT (x)\n" : "\n");
        }
        Files.writeString(junk, b);
        Path trace = TESTDATA.resolve("follow.strace");
        Comparison c = Comparison.of(List.of(trace), List.of("good"), List.of(junk), List.of("bad"));
        assertThat(c.pairs()).isNotEmpty();
        Comparison back = Comparison.of(List.of(junk), List.of("good"), List.of(trace), List.of("bad"));
        assertThat(back.differences()).isNotNull();
    }

    @Test
    void aCallMuchSlowerInBadIsADifference(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        // tt-T.strace as it is, and the same run with the open of hello.txt taking half a second (-T)
        Path good = TESTDATA.resolve("tt-T.strace");
        List<String> lines = Files.readAllLines(good);
        int slow = -1;
        for (int i = 0; i < lines.size() && slow < 0; i++) {
            if (lines.get(i).contains("openat(") && lines.get(i).contains("hello.txt") && lines.get(i).matches(".*<0\\.0000[0-9]{2}>$")) {
                slow = i;
            }
        }
        assertThat(slow).isNotNegative();
        lines.set(slow, lines.get(slow).replaceAll("<0\\.0000[0-9]{2}>$", "<0.500000>"));
        Path bad = dir.resolve("slow.strace");
        Files.write(bad, lines);
        Comparison c = Comparison.of(List.of(good), List.of("good"), List.of(bad), List.of("bad"));
        assertThat(c.rankedDifferences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.SLOWER);
            assertThat(d.why()).startsWith("openat took 0.500 s in BAD and 0.0");
        });
        assertThat(c.rankedDifferences().get(0).bad().line()).isEqualTo(slow + 1);
    }

    @Test
    void theWorkingRunAsBadExplainsNoFailure() throws IOException {
        Comparison c = compare("diff/missing.bad.strace", "diff/missing.good.strace");
        assertThat(c.failures()).isEmpty();
        assertThat(c.explainsFailure()).isFalse();
        assertThat(c.rankedDifferences().get(0).kind()).isEqualTo(Kind.FAILED_IN_GOOD);
    }

    @ParameterizedTest
    @CsvSource({"diff/missing-ff.good, diff/missing-ff.bad", "diff/missing-ff.good/trace, diff/missing-ff.bad/trace"})
    void ffSetsCompareByFolderOrPrefix(String good, String bad) throws IOException {
        Comparison c = compare(good, bad);
        Difference first = c.rankedDifferences().get(0);
        assertThat(first.kind()).isEqualTo(Kind.FAILED_IN_BAD);
        assertThat(first.why()).contains("app.conf").contains("ENOENT");
        assertThat(first.bad().line()).isEqualTo(lineOf(first.bad().file(), "openat(", "app.conf"));
        assertThat(first.good().line()).isEqualTo(lineOf(first.good().file(), "openat(", "app.conf"));
        assertThat(Path.of(first.bad().file()).getParent().getFileName().toString()).isEqualTo("missing-ff.bad");
        assertThat(c.failures()).singleElement().asString().contains("(cat) exited with 1");
        // the process tree: sh, and cat under it, paired across the runs
        assertThat(c.pairs().stream().map(Comparison.PairInfo::good).collect(Collectors.joining("\n")))
                .contains("sh -c").contains("→ cat");
    }

    @Test
    void processesPairByPlaceNotPid() throws IOException {
        Comparison c = compare("diff/home.good.strace", "diff/home.bad.strace");
        assertThat(c.pairs()).hasSize(2);
        Comparison.PairInfo child = c.pairs().get(1);
        assertThat(child.good()).startsWith("sh -c cat \"$HOME/.apprc\" → cat /tmp/strace-ls-testdata/diff/hom");
        assertThat(child.bad()).startsWith("sh -c cat \"$HOME/.apprc\" → cat /.apprc");
        assertThat(c.rankedDifferences()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(Kind.ARGV);
            assertThat(d.why()).contains("argv[1]");
        });
    }

    @Test
    void normalisedTextsHoldNoPidsAddressesOrFdNumbers() throws IOException {
        Comparison c = compare("diff/same.1.strace", "diff/same.2.strace");
        String text = c.pairs().stream().map(p -> c.text(p.id(), false)).collect(Collectors.joining());
        assertThat(text).doesNotContainPattern("0x[0-9a-f]{7,}").doesNotContainPattern("= [0-9]{4,}\\n")
                .contains("0x…").contains(Masks.PID).contains("</usr/share/misc>");
    }
}
