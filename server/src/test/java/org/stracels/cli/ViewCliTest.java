package org.stracels.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stracels.cli.CliTest.file;
import static org.stracels.cli.CliTest.lines;
import static org.stracels.cli.CliTest.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stracels.stream.WindowScanner;

/**
 * {@code view} and {@code summary} on real traces, and what every command does with input that is not a whole
 * trace: a line of many megabytes, a file that grows while it is read, binary data, bad filters. Windows are made
 * small here, so that each test also crosses many window edges.
 */
class ViewCliTest {
    @TempDir
    Path dir;

    @AfterEach
    void defaultWindows() {
        TraceFile.windows = WindowScanner.Options.DEFAULT;
    }

    private static List<Integer> numbers(List<String> out) {
        List<Integer> n = new ArrayList<>();
        for (String line : out) {
            n.add(Integer.parseInt(line.substring(0, line.indexOf(':'))));
        }
        return n;
    }

    @Test
    void aViewIsTheChosenLinesVerbatimWithTheirNumbers() throws IOException {
        TraceFile.windows = new WindowScanner.Options(50, 20, 20);
        List<String> trace = lines("busy.strace");
        CliTest.Run r = run("view", "--pid", "10268", "--syscall", "openat", "--line-numbers", file("busy.strace"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            String l = trace.get(i);
            if (l.startsWith("10268 ") && (l.contains(" openat(") || l.contains("<... openat resumed>"))) {
                expected.add(i + 1);
            }
        }
        assertThat(numbers(r.outLines())).isNotEmpty().isEqualTo(expected);
        for (String line : r.outLines()) {
            int n = Integer.parseInt(line.substring(0, line.indexOf(':')));
            assertThat(line.substring(line.indexOf(':') + 1)).isEqualTo(trace.get(n - 1));
        }
        // without numbers, the view is a trace of its own: check reads it
        CliTest.Run plain = run("view", "--pid", "10268", "--syscall", "openat", file("busy.strace"));
        Path view = dir.resolve("view.strace");
        Files.writeString(view, plain.out());
        assertThat(run("check", view.toString()).err()).isEmpty();
    }

    @Test
    void failuresKeepBothHalvesOfACutCallAndContextStaysInTheProcess() throws IOException {
        TraceFile.windows = new WindowScanner.Options(40, 16, 16);
        List<String> trace = lines("xauth-link.strace");
        CliTest.Run r = run("view", "--failed", "--context", "1", "--line-numbers", file("xauth-link.strace"));
        List<Integer> n = numbers(r.outLines());
        int link = CliTest.firstLine(trace, l -> l.contains("link(") && l.contains("ESERVERFAULT")) + 1;
        assertThat(n).contains(link - 1, link, link + 1).isSorted().doesNotHaveDuplicates();
        // routine failures (the loader's probing) are left out unless asked for
        CliTest.Run noise = run("view", "--failed", "--noise", file("xauth-link.strace"));
        CliTest.Run failures = run("view", "--failed", file("xauth-link.strace"));
        assertThat(noise.outLines().size()).isGreaterThan(failures.outLines().size());

        List<String> follow = lines("follow.strace");
        CliTest.Run calls = run("view", "--syscall", "wait4", "--line-numbers", file("follow.strace"));
        for (int k : numbers(calls.outLines())) {
            String l = follow.get(k - 1);
            if (l.contains("<unfinished ...>")) {
                assertThat(numbers(calls.outLines())).as("the resumed half of line " + k).anyMatch(m -> m > k
                        && follow.get(m - 1).contains("<... wait4 resumed>"));
            }
        }
    }

    @Test
    void aTreeIsAProcessAndAllItsDescendants() throws IOException {
        TraceFile.windows = new WindowScanner.Options(30, 16, 16);
        List<String> trace = lines("follow.strace");
        CliTest.Run all = run("view", "--line-numbers", file("follow.strace"));
        assertThat(all.outLines()).hasSize(trace.size());
        String firstPid = trace.get(0).substring(0, trace.get(0).indexOf(' '));
        CliTest.Run tree = run("view", "--pid", firstPid, "--tree", file("follow.strace"));
        CliTest.Run alone = run("view", "--pid", firstPid, file("follow.strace"));
        assertThat(tree.outLines().size()).isEqualTo(trace.size() - (int) trace.stream().filter(l -> !Character.isDigit(l.charAt(0))).count());
        assertThat(alone.outLines().size()).isLessThan(tree.outLines().size());
        assertThat(alone.outLines()).allMatch(l -> l.startsWith(firstPid + " "));
    }

    @Test
    void anFdsLifeRunsFromTheCallThatMadeItToTheOneThatEndedIt() throws IOException {
        List<String> trace = lines("fdlife.strace");
        int open = CliTest.firstLine(trace, l -> l.contains("openat(") && l.contains("= 3"));
        String pid = trace.get(open).substring(0, trace.get(open).indexOf(' '));
        CliTest.Run r = run("view", "--fd", pid + ":3@" + (open + 1), "--line-numbers", file("fdlife.strace"));
        assertThat(r.err()).isEmpty();
        List<Integer> n = numbers(r.outLines());
        assertThat(n.get(0)).isEqualTo(open + 1);
        assertThat(r.outLines()).anyMatch(l -> l.contains("close(3"));
    }

    @Test
    void theSummaryNamesEachItemsLine() throws IOException {
        TraceFile.windows = new WindowScanner.Options(64, 20, 20);
        List<String> trace = lines("xauth-link.strace");
        CliTest.Run r = run("summary", file("xauth-link.strace"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Summary of xauth-link.strace: " + trace.size() + " lines")
                .contains("Processes (", "Failures and their likely causes", "ESERVERFAULT", "Syscalls (");
        Matcher m = Pattern.compile("— line (\\d+)$", Pattern.MULTILINE).matcher(r.out());
        int links = 0;
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isBetween(1, trace.size());
            links++;
        }
        assertThat(links).isGreaterThan(3);
        int link = CliTest.firstLine(trace, l -> l.contains("link(") && l.contains("ESERVERFAULT")) + 1;
        assertThat(r.out()).contains("link(").contains("line " + link);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--noise|noise only adds routine failures",
        "--tree|tree needs a pid",
        "--class,files|unknown class 'files'",
        "--lines,9-3|reversed",
        "--pid,abc|--pid takes a number",
        "--fd,12:3|--fd takes PID:FD@LINE",
        "--time,10:00:00-09:00:00|reversed",
        "--context,-1|context must be between",
        "--bogus|unknown option '--bogus'",
        "--syscall=|--syscall needs a value",
    })
    void badFiltersEndInOneLineAndExit2(String args, String message) {
        List<String> argv = new ArrayList<>(List.of("view"));
        argv.addAll(List.of(args.split(",")));
        argv.add(file("plain.strace"));
        CliTest.Run r = run(argv.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("strace-ls: view: ").contains(message).endsWith("\n");
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aTimeRangeNeedsTimestampsInTheTracesOwnForm() {
        assertThat(run("view", "--time", "10:00:00-11:00:00", file("plain.strace")).err()).contains("no timestamps");
        assertThat(run("view", "--time", "1700000000-1800000000", file("tt-T.strace")).err())
                .contains("times of day");
    }

    @Test
    void aLineOfManyMegabytesCostsBoundedMemoryAndIsCut() throws IOException {
        Path huge = dir.resolve("huge.strace");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write(Files.readAllBytes(Path.of(file("plain.strace"))));
            out.write("write(1, \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 48; i++) { // 3 MiB on one line, without a line break at the end
                out.write(chunk);
            }
        }
        int lines = lines("plain.strace").size() + 1;
        CliTest.Run stats = run("stats", huge.toString());
        assertThat(stats.code()).isZero();
        assertThat(stats.out()).startsWith(huge + ": " + lines + " lines").contains("note: 1 line was longer than 1 MiB and cut there");
        CliTest.Run check = run("check", huge.toString());
        assertThat(check.out()).contains("(" + lines + " lines)\n" + huge + ": note: 1 line was longer than 1 MiB");
    }

    @Test
    void binaryAndEmptyFilesAreRefusedInOneLine() throws IOException {
        Path binary = dir.resolve("core");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0});
        Path empty = dir.resolve("empty.strace");
        Files.writeString(empty, "");
        for (String command : List.of("check", "stats", "view", "summary")) {
            CliTest.Run b = run(command, binary.toString());
            assertThat(b.code()).isEqualTo(Cli.USAGE);
            assertThat(b.err()).isEqualTo("strace-ls: " + binary + ": is not a text file (binary data)\n");
            assertThat(run(command, empty.toString()).err()).contains("is empty");
            assertThat(run(command, dir.resolve("gone").toString()).err()).contains("no such file");
        }
    }

    @Test
    void aFileThatGrowsWhileItIsReadIsReadAsFarAsItWasAndSaysSo() throws Exception {
        Path growing = dir.resolve("growing.strace");
        String text = Files.readString(Path.of(file("busy.strace")));
        Files.writeString(growing, text.repeat(20));
        TraceFile.windows = new WindowScanner.Options(500, 100, 100);
        // the first window is read; then strace writes on
        TraceFile file = TraceFile.open(growing.toString());
        int[] windows = {0};
        WindowScanner.Result result = file.scan(w -> {
            if (windows[0]++ == 0) {
                Files.writeString(growing, text, java.nio.file.StandardOpenOption.APPEND);
            }
        });
        assertThat(result.lines()).isEqualTo(lines("busy.strace").size() * 20);
        assertThat(result.notice()).contains("grew while it was read").contains("strace may still be writing it");
    }
}
