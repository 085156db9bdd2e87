package org.stracels.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strace-ls diff GOOD BAD}, in-process, on the real pairs of testdata/diff. */
class DiffCliTest {
    @TempDir
    Path scratch;

    private static int line(String file, String... parts) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file));
        for (int i = 0; i < lines.size(); i++) {
            boolean all = true;
            for (String p : parts) {
                all &= lines.get(i).contains(p);
            }
            if (all) {
                return i + 1;
            }
        }
        throw new AssertionError(file + " has no line with " + List.of(parts));
    }

    @Test
    void printsTheReasonFirstWithBothLinesAndExitsOne() throws IOException {
        String good = CliTest.file("diff/missing.good.strace");
        String bad = CliTest.file("diff/missing.bad.strace");
        CliTest.Run r = CliTest.run("diff", good, bad);
        assertThat(r.code()).isEqualTo(Cli.FOUND_ERRORS);
        assertThat(r.err()).isEmpty();
        List<String> out = r.outLines();
        assertThat(out.get(0)).startsWith("BAD failed: the process (cat) exited with 1");
        assertThat(out.get(1)).startsWith("1. failed-in-bad: openat on /tmp/strace-ls-testdata/diff/app.conf succeeded in GOOD and failed in BAD with ENOENT");
        assertThat(out.get(2)).isEqualTo("   good: " + good + ":" + line(good, "openat(", "app.conf"));
        assertThat(out.get(3)).isEqualTo("   bad:  " + bad + ":" + line(bad, "openat(", "app.conf", "ENOENT"));
        assertThat(out.get(out.size() - 1)).matches("[0-9]+ ranked differences? \\([0-9]+ routine or minor ones hidden; --all shows them\\)");
    }

    @Test
    void twoWorkingRunsExitZero() {
        CliTest.Run r = CliTest.run("diff", CliTest.file("diff/same.1.strace"), CliTest.file("diff/same.2.strace"));
        assertThat(r.code()).isZero();
        assertThat(r.outLines()).containsExactly("0 ranked differences; BAD did not fail where GOOD worked");
    }

    @Test
    void jsonIsAnArrayMostLikelyFirstWithOneBasedLinesOrNull() throws IOException {
        String good = CliTest.file("diff/home.good.strace");
        String bad = CliTest.file("diff/home.bad.strace");
        CliTest.Run r = CliTest.run("diff", "--json", good, bad);
        assertThat(r.code()).isEqualTo(Cli.FOUND_ERRORS);
        JsonArray a = r.json().getAsJsonArray();
        assertThat(a.size()).isGreaterThan(1);
        int previous = Integer.MAX_VALUE;
        boolean sawNull = false;
        for (JsonElement e : a) {
            JsonObject o = e.getAsJsonObject();
            assertThat(o.keySet()).contains("kind", "why", "good", "bad");
            assertThat(o.get("score").getAsInt()).isLessThanOrEqualTo(previous);
            previous = o.get("score").getAsInt();
            for (String side : List.of("good", "bad")) {
                if (o.get(side).isJsonNull()) {
                    sawNull = true;
                    continue;
                }
                JsonObject l = o.getAsJsonObject(side);
                assertThat(l.get("file").getAsString()).isEqualTo(side.equals("good") ? good : bad);
                assertThat(l.get("line").getAsInt()).isBetween(1, Files.readAllLines(Path.of(l.get("file").getAsString())).size());
            }
        }
        assertThat(sawNull).isTrue();
        JsonObject first = a.get(0).getAsJsonObject();
        assertThat(first.get("kind").getAsString()).isEqualTo("environment");
        assertThat(first.getAsJsonObject("bad").get("line").getAsInt()).isEqualTo(line(bad, "execve(\"/bin/sh\""));
        JsonObject second = a.get(1).getAsJsonObject();
        assertThat(second.get("good").isJsonNull()).isTrue();
        assertThat(second.getAsJsonObject("bad").get("line").getAsInt()).isEqualTo(line(bad, "openat(", "\"/.apprc\""));
    }

    @Test
    void allShowsTheRoutineDifferencesToo() {
        String good = CliTest.file("diff/lang.good.strace");
        String bad = CliTest.file("diff/lang.bad.strace");
        int ranked = CliTest.run("diff", "--json", good, bad).json().getAsJsonArray().size();
        JsonArray all = CliTest.run("diff", "--json", "--all", good, bad).json().getAsJsonArray();
        assertThat(all.size()).isGreaterThan(ranked);
        assertThat(all.get(all.size() - 1).getAsJsonObject().get("routine").getAsBoolean()).isTrue();
        // the locale files only the UTF-8 run reads are there, routine
        assertThat(all.toString()).contains("/usr/lib/locale/C.utf8");
    }

    @Test
    void ffFoldersAndPrefixesAreRuns() {
        CliTest.Run folder = CliTest.run("diff", CliTest.file("diff/missing-ff.good"), CliTest.file("diff/missing-ff.bad"));
        CliTest.Run prefix = CliTest.run("diff", CliTest.file("diff/missing-ff.good/trace"), CliTest.file("diff/missing-ff.bad/trace"));
        assertThat(folder.code()).isEqualTo(Cli.FOUND_ERRORS);
        assertThat(folder.out()).isEqualTo(prefix.out());
        assertThat(folder.outLines().get(1)).startsWith("1. failed-in-bad: openat on /tmp/strace-ls-testdata/diff/app.conf");
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() throws IOException {
        Path empty = Files.createFile(scratch.resolve("empty.strace"));
        Path folder = Files.createDirectory(scratch.resolve("nothing"));
        String good = CliTest.file("diff/missing.good.strace");
        String[][] calls = {
            {"diff"},
            {"diff", good},
            {"diff", good, good, good},
            {"diff", "--frobnicate", good, good},
            {"diff", good, scratch.resolve("absent").toString()},
            {"diff", good, empty.toString()},
            {"diff", folder.toString(), good},
        };
        for (String[] call : calls) {
            CliTest.Run r = CliTest.run(call);
            assertThat(r.code()).as(String.join(" ", call)).isEqualTo(Cli.USAGE);
            assertThat(r.out()).as(String.join(" ", call)).isEmpty();
            assertThat(r.err().lines()).as(String.join(" ", call)).singleElement().asString().startsWith("strace-ls: ");
        }
    }
}
