package org.stracels.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process on the real traces of testdata/. Expected positions come from the files. */
class CliTest {
    private static final Path TESTDATA = Path.of(System.getProperty("testdata.dir", "../testdata"));

    /** What one run printed. */
    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        JsonElement json() {
            return JsonParser.parseString(out);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String file(String name) {
        return TESTDATA.resolve(name).toString();
    }

    static List<String> lines(String name) throws IOException {
        return Files.readAllLines(TESTDATA.resolve(name), StandardCharsets.UTF_8);
    }

    /** 0-based index of the first line that matches. */
    static int firstLine(List<String> lines, Predicate<String> p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such line");
    }

    // ---- check ----

    @Test
    void checkListsTheFailedStatOfNonexistentAsAWarningAtTheErrno() throws IOException {
        List<String> text = lines("plain.strace");
        int line = firstLine(text, l -> l.contains("\"/nonexistent\"") && l.contains("= -1 ENOENT"));
        int column = text.get(line).indexOf("ENOENT") + 1;

        Run r = run("check", file("plain.strace"));

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        String prefix = file("plain.strace") + ":" + (line + 1) + ":" + column + ": warning: ";
        assertThat(r.outLines()).anySatisfy(l -> assertThat(l)
                .startsWith(prefix + "statx failed with ENOENT")
                .contains("\"/nonexistent\"")
                .endsWith(" [ENOENT]"));
    }

    @Test
    void checkReportsEveryFailedCallOnItsLineAndSummarisesTheCounts() throws IOException {
        List<String> text = lines("plain.strace");
        Set<Integer> failedLines = new LinkedHashSet<>();
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).matches(".*\\) += -1 E[A-Z0-9]+ \\(.*")) {
                failedLines.add(i + 1);
            }
        }

        Run r = run("check", file("plain.strace"));

        Pattern finding = Pattern.compile(Pattern.quote(file("plain.strace"))
                + ":(\\d+):(\\d+): (error|warning|information|hint): .* \\[([A-Za-z0-9-]+)]");
        List<String> out = r.outLines();
        Set<Integer> reported = new LinkedHashSet<>();
        Map<String, Integer> bySeverity = new HashMap<>();
        for (String l : out.subList(0, out.size() - 1)) {
            Matcher m = finding.matcher(l);
            assertThat(m.matches()).as(l).isTrue();
            bySeverity.merge(m.group(3), 1, Integer::sum);
            if (m.group(4).startsWith("E")) {
                reported.add(Integer.parseInt(m.group(1)));
            }
        }
        assertThat(reported).containsExactlyElementsOf(failedLines);
        // information: ls's message on stderr (a reported error, its causes related)
        assertThat(bySeverity).containsOnlyKeys("warning", "information", "hint");
        assertThat(out.get(out.size() - 1)).isEqualTo(file("plain.strace") + ": " + bySeverity.get("warning")
                + " warnings, " + bySeverity.get("information") + " information, " + bySeverity.get("hint")
                + " hints (" + text.size() + " lines)");
    }

    @Test
    void checkExitsOneWhenAProcessWasKilledBySigsegv() throws IOException {
        List<String> text = lines("segv.strace");
        int line = firstLine(text, l -> l.startsWith("+++ killed by SIGSEGV"));
        int column = text.get(line).indexOf("SIGSEGV") + 1;

        Run r = run("check", file("segv.strace"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).contains(file("segv.strace") + ":" + (line + 1) + ":" + column
                + ": error: The process was killed by SIGSEGV and dumped core: a fault in the program itself (SIGSEGV from the kernel, line 31) [killed-by-signal]");
        assertThat(r.outLines().get(r.outLines().size() - 1)).startsWith(file("segv.strace") + ": 1 error, ");
    }

    @Test
    void checkOfACleanTraceSaysSoAndExitsZero() throws IOException {
        int lineCount = lines("x.strace").size();

        Run r = run("check", file("x.strace"));

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(file("x.strace") + ": no findings (" + lineCount + " lines)\n");
    }

    @Test
    void checkOfSeveralFilesExitsOneIfAnyHasAnErrorAndSummarisesEach() {
        Run r = run("check", file("x.strace"), file("segv.strace"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.outLines()).filteredOn(l -> l.matches(".*: (no findings|\\d+ \\w+.*) \\(\\d+ lines\\)"))
                .extracting(l -> l.substring(0, l.lastIndexOf(": ")))
                .containsExactly(file("x.strace"), file("segv.strace"));
    }

    @Test
    void checkJsonIsOneArrayOfFindingsWithOneBasedRanges() throws IOException {
        List<String> text = lines("plain.strace");
        int line = firstLine(text, l -> l.contains("\"/nonexistent\"") && l.contains("= -1 ENOENT"));
        int column = text.get(line).indexOf("ENOENT") + 1;

        Run r = run("check", "--json", file("plain.strace"));

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonArray findings = r.json().getAsJsonArray();
        assertThat(findings).isNotEmpty();
        for (JsonElement e : findings) {
            assertThat(e.getAsJsonObject().keySet()).containsExactlyInAnyOrder(
                    "file", "line", "column", "endLine", "endColumn", "severity", "code", "message");
        }
        JsonObject enoent = findings.get(indexOf(findings, line + 1)).getAsJsonObject();
        assertThat(enoent.get("file").getAsString()).isEqualTo(file("plain.strace"));
        assertThat(enoent.get("column").getAsInt()).isEqualTo(column);
        assertThat(enoent.get("endLine").getAsInt()).isEqualTo(line + 1);
        assertThat(enoent.get("endColumn").getAsInt()).isEqualTo(column + "ENOENT".length());
        assertThat(enoent.get("severity").getAsString()).isEqualTo("warning");
        assertThat(enoent.get("code").getAsString()).isEqualTo("ENOENT");
        assertThat(enoent.get("message").getAsString()).contains("/nonexistent");
    }

    @Test
    void checkJsonExitsOneOnAnError() {
        Run r = run("check", "--json", file("segv.strace"));

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().getAsJsonArray()).anySatisfy(e -> assertThat(
                e.getAsJsonObject().get("severity").getAsString()).isEqualTo("error"));
    }

    @Test
    void checkReadsMalformedUtf8WithoutFailing(@TempDir Path dir) throws IOException {
        byte[] plain = Files.readAllBytes(TESTDATA.resolve("plain.strace"));
        String marker = "/etc/hostname";
        int at = new String(plain, StandardCharsets.ISO_8859_1).indexOf(marker);
        byte[] broken = plain.clone();
        broken[at + 1] = (byte) 0xff; // "/\xfftc/hostname": not UTF-8
        Path file = dir.resolve("broken.strace");
        Files.write(file, broken);

        Run ok = run("check", file("plain.strace"));
        Run r = run("check", file.toString());

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).hasSameSizeAs(ok.outLines());
    }

    private static int indexOf(JsonArray findings, int line) {
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).getAsJsonObject().get("line").getAsInt() == line) {
                return i;
            }
        }
        throw new AssertionError("no finding on line " + line);
    }

    // ---- stats ----

    @Test
    void statsOfTtTShowsTheTimingOptionsNoMalformedLinesAndTheSumOfDurations() throws IOException {
        BigDecimal sum = BigDecimal.ZERO;
        Pattern duration = Pattern.compile(" <(\\d+\\.\\d+)>$");
        for (String l : lines("tt-T.strace")) {
            Matcher m = duration.matcher(l);
            if (m.find()) {
                sum = sum.add(new BigDecimal(m.group(1)));
            }
        }
        String expected = sum.setScale(6, RoundingMode.HALF_UP).toPlainString();

        Run r = run("stats", file("tt-T.strace"));

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).contains("options: -f -tt -T", "total -T time: " + expected + " s");
        assertThat(r.outLines()).anyMatch(l -> l.matches(" +malformed +0"));
        assertThat(sum).isPositive();

        JsonObject json = run("stats", "--json", file("tt-T.strace")).json().getAsJsonObject();
        assertThat(json.getAsJsonObject("options").getAsJsonArray("flags")).extracting(JsonElement::getAsString)
                .contains("-tt", "-T");
        assertThat(json.getAsJsonObject("options").get("timestamps").getAsString()).isEqualTo("-tt");
        assertThat(json.getAsJsonObject("options").get("durations").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonObject("kinds").get("malformed").getAsInt()).isZero();
        assertThat(json.get("totalSeconds").getAsBigDecimal()).isEqualByComparingTo(expected);
    }

    @Test
    void statsOfFollowListsEachProcessWithTheParentThatCreatedIt() throws IOException {
        List<String> text = lines("follow.strace");
        Set<Integer> pids = new LinkedHashSet<>();
        Map<Integer, Integer> parentOf = new HashMap<>();
        Pattern created = Pattern.compile("^(\\d+) +(?:<\\.\\.\\. )?(?:clone3?|v?fork)\\b.*\\) += (\\d+)$");
        for (String l : text) {
            pids.add(Integer.parseInt(l.substring(0, l.indexOf(' '))));
            Matcher m = created.matcher(l);
            if (m.matches()) {
                parentOf.put(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
        }
        assertThat(parentOf).hasSizeGreaterThanOrEqualTo(2);

        JsonObject json = run("stats", "--json", file("follow.strace")).json().getAsJsonObject();
        JsonArray processes = json.getAsJsonArray("processes");
        Map<Integer, Integer> reported = new HashMap<>();
        List<Integer> reportedPids = new ArrayList<>();
        for (JsonElement e : processes) {
            JsonObject p = e.getAsJsonObject();
            reportedPids.add(p.get("pid").getAsInt());
            if (!p.get("parentPid").isJsonNull()) {
                reported.put(p.get("pid").getAsInt(), p.get("parentPid").getAsInt());
            }
            assertThat(p.get("programs").getAsJsonArray()).hasSize(1);
            assertThat(p.get("ending").getAsString()).isEqualTo("exited");
        }
        assertThat(reportedPids).containsExactlyElementsOf(pids);
        assertThat(reported).isEqualTo(parentOf);

        Run r = run("stats", file("follow.strace"));
        assertThat(r.outLines()).contains("processes: " + pids.size());
        parentOf.forEach((child, parent) -> assertThat(r.outLines())
                .anyMatch(l -> l.matches(" +" + child + " +" + parent + " +process +\\d+ +exited with \\d+ +/.*")));
    }

    @Test
    void statsCountsEachCallOnceAndFailuresByErrno() throws IOException {
        List<String> text = lines("follow.strace");
        int calls = 0;
        Map<String, Integer> errnos = new HashMap<>();
        Pattern failed = Pattern.compile("= -1 (E[A-Z0-9]+) \\(");
        for (String l : text) {
            // each call has exactly one line with its result: a complete line or a resumed half
            if (l.matches("^\\d+ +[a-z_0-9]+\\(.*") && !l.endsWith("<unfinished ...>") || l.matches("^\\d+ +<\\.\\.\\. .*")) {
                calls++;
            }
            Matcher m = failed.matcher(l);
            if (m.find()) {
                errnos.merge(m.group(1), 1, Integer::sum);
            }
        }

        JsonObject json = run("stats", "--json", file("follow.strace")).json().getAsJsonObject();

        int reportedCalls = json.getAsJsonObject("syscalls").entrySet().stream()
                .mapToInt(e -> e.getValue().getAsJsonObject().get("calls").getAsInt()).sum();
        assertThat(reportedCalls).isEqualTo(calls);
        Map<String, Integer> reportedErrnos = new HashMap<>();
        json.getAsJsonObject("failedCalls").entrySet().forEach(e -> reportedErrnos.put(e.getKey(), e.getValue().getAsInt()));
        assertThat(reportedErrnos).isEqualTo(errnos);
        List<Integer> order = json.getAsJsonObject("failedCalls").entrySet().stream()
                .map(e -> e.getValue().getAsInt()).toList();
        assertThat(order).isSortedAccordingTo((a, b) -> b - a);
        assertThat(json.get("lines").getAsInt()).isEqualTo(text.size());
        assertThat(json.get("totalSeconds").isJsonNull()).isTrue();
    }

    @Test
    void statsCountsACallCutInTwoByTheProgramsOutputOnce() throws IOException {
        // on stderr, "write(1, \"hello\\n\", 6hello" + ")  = 6" is one call; so is "vfork(strace: Process N attached"
        // + " <unfinished ...>" + "<... vfork resumed>": every call shows its name and "(" once, at its start
        Map<String, Integer> starts = new HashMap<>();
        Pattern start = Pattern.compile("^(?:\\[pid +\\d+] )?([a-z_0-9]+)\\(");
        for (String l : lines("follow-stderr.stderr.strace")) {
            Matcher m = start.matcher(l);
            if (m.find()) {
                starts.merge(m.group(1), 1, Integer::sum);
            }
        }

        JsonObject json = run("stats", "--json", file("follow-stderr.stderr.strace")).json().getAsJsonObject();

        assertThat(json.getAsJsonObject("kinds").get("partial").getAsInt()).isPositive();
        Map<String, Integer> calls = new HashMap<>();
        json.getAsJsonObject("syscalls").entrySet()
                .forEach(e -> calls.put(e.getKey(), e.getValue().getAsJsonObject().get("calls").getAsInt()));
        assertThat(calls).isEqualTo(starts);
    }

    @Test
    void statsJsonOfASummaryOnlyTraceCountsSummaryLines() throws IOException {
        int lineCount = lines("c.strace").size();

        Run r = run("stats", "--json", file("c.strace"));

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonObject json = r.json().getAsJsonObject();
        assertThat(json.keySet()).contains("lines", "kinds", "options", "processes", "failedCalls", "syscalls",
                "totalSeconds");
        assertThat(json.getAsJsonObject("kinds").get("summary").getAsInt()).isEqualTo(lineCount).isPositive();
        assertThat(json.getAsJsonObject("kinds").get("malformed").getAsInt()).isZero();
        assertThat(json.getAsJsonObject("options").get("summary").getAsString()).isEqualTo("-c");
        assertThat(json.getAsJsonObject("syscalls").size()).isZero();
    }

    @Test
    void statsListsEveryLineKind() {
        Run r = run("stats", file("plain.strace"));

        for (org.stracels.parse.LineKind kind : org.stracels.parse.LineKind.values()) {
            assertThat(r.outLines()).anyMatch(l -> l.matches(" +" + Pattern.quote(kind.id()) + " +\\d+"));
        }
    }

    // ---- help, version ----

    @Test
    void helpPrintsTheUsageOnStdout() {
        Run r = run("--help");

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage:").contains("check [--json] FILE...", "stats [--json] [--coverage] FILE");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Run r = run("--version");

        assertThat(r.code()).isZero();
        assertThat(r.out()).matches("strace-ls \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    // ---- mistakes: exit 2, one line on stderr, nothing on stdout ----

    static void assertUsageError(Run r, String message) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("strace-ls: " + message + "\n");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        String missing = dir.resolve("missing.strace").toString();
        assertUsageError(run("check", missing), missing + ": no such file");
        assertUsageError(run("stats", missing), missing + ": no such file");
    }

    @Test
    void missingFileAmongSeveralPrintsNothingForTheOthers(@TempDir Path dir) {
        String missing = dir.resolve("missing.strace").toString();
        assertUsageError(run("check", file("segv.strace"), missing), missing + ": no such file");
    }

    @Test
    void directory(@TempDir Path dir) {
        assertUsageError(run("check", dir.toString()), dir + ": is a directory");
    }

    @Test
    void emptyFile(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.strace"));
        assertUsageError(run("stats", empty.toString()), empty + ": is empty");
    }

    @Test
    void binaryFileWithNulBytes(@TempDir Path dir) throws IOException {
        Path binary = Files.write(dir.resolve("core"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        assertUsageError(run("check", binary.toString()), binary + ": is not a text file (binary data)");
    }

    @Test
    void binaryFileWithoutNulBytes(@TempDir Path dir) throws IOException {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noise[i] == 0 ? 1 : noise[i];
        }
        Path binary = Files.write(dir.resolve("noise.gz"), noise);
        assertUsageError(run("stats", binary.toString()), binary + ": is not a text file (binary data)");
    }

    @Test
    void unknownOption() {
        assertUsageError(run("check", "--jsn", file("plain.strace")), "check: unknown option '--jsn' (see strace-ls --help)");
        assertUsageError(run("--frobnicate"), "unknown option '--frobnicate' (see strace-ls --help)");
    }

    @Test
    void unknownCommand() {
        assertUsageError(run("lint", file("plain.strace")), "unknown command 'lint' (see strace-ls --help)");
    }

    @Test
    void noFileForCheck() {
        assertUsageError(run("check"), "check: missing FILE (see strace-ls --help)");
        assertUsageError(run("check", "--json"), "check: missing FILE (see strace-ls --help)");
    }

    @Test
    void statsTakesOneFile() {
        assertUsageError(run("stats"), "stats: missing FILE (see strace-ls --help)");
        assertUsageError(run("stats", file("plain.strace"), file("fail.strace")), "stats: takes one FILE, got 2");
    }

    @Test
    void noArgumentsInProcessIsAMissingCommand() {
        assertUsageError(run(), "missing command (see strace-ls --help)");
    }
}
