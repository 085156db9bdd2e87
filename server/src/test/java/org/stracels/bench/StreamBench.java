package org.stracels.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark of the commands that read big files window by window. Not a test: run it by hand and read the figures.
 *
 * <pre>
 * mvn -q -B package -DskipTests && mvn -q -B test-compile
 * java -cp server/target/strace-ls.jar:server/target/test-classes org.stracels.bench.StreamBench [MiB=1024] [Xmx=512m]
 * </pre>
 *
 * It makes a file of the given size by repeating every trace of testdata one after the other (under /tmp, not in the
 * repository), then runs the built jar on it as a user would, each command in a fresh JVM with the given heap:
 * {@code stats}, {@code check}, {@code check --explain}, {@code view --pid} of one process, {@code summary},
 * {@code report} (and the size of the page it wrote). For each
 * it prints the wall time, the time per million lines and the peak resident memory (VmHWM, read from /proc while it
 * runs), and it checks that the counts of {@code stats} are those of one copy times the number of copies.
 */
public final class StreamBench {
    private StreamBench() {
    }

    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        String heap = args.length > 1 ? args[1] : "512m";
        Path jar = Path.of("server/target/strace-ls.jar");
        Path one = Path.of("/tmp/strace-ls-bench-one.strace");
        try (OutputStream out = Files.newOutputStream(one); Stream<Path> files = Files.list(Path.of("testdata"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".strace")).sorted().toList()) {
                byte[] b = Files.readAllBytes(p);
                out.write(b);
                if (b.length > 0 && b[b.length - 1] != '\n') {
                    out.write('\n');
                }
            }
        }
        long oneSize = Files.size(one);
        long copies = (mib << 20) / oneSize + 1;
        Path big = Path.of("/tmp/strace-ls-bench-" + mib + "m.strace");
        if (!Files.exists(big) || Files.size(big) != copies * oneSize) {
            byte[] b = Files.readAllBytes(one);
            try (OutputStream out = Files.newOutputStream(big)) {
                for (long k = 0; k < copies; k++) {
                    out.write(b);
                }
            }
        }
        JsonObject oneStats = stats(jar, one, heap);
        long lines = oneStats.get("lines").getAsLong() * copies;
        System.out.printf(Locale.ROOT, "file: %s, %,d bytes, %,d lines (%d copies of testdata), heap -Xmx%s, %d cores%n",
                big, Files.size(big), lines, copies, heap, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-22s %9s %12s %10s %5s%n", "command", "wall s", "s/M lines", "peak RSS", "exit");
        String pid = firstPid(Path.of("testdata/busy.strace"));
        Path page = Path.of("/tmp/strace-ls-bench-report.html");
        List<String[]> commands = List.of(new String[] {"stats"}, new String[] {"check"},
                new String[] {"check", "--explain"}, new String[] {"view", "--pid", pid}, new String[] {"summary"},
                new String[] {"report", "-o", page.toString()});
        for (String[] c : commands) {
            List<String> cmd = new ArrayList<>(List.of("java", "-Xmx" + heap, "-jar", jar.toString()));
            cmd.addAll(List.of(c));
            cmd.add(big.toString());
            Run r = run(cmd);
            System.out.printf(Locale.ROOT, "%-22s %9.1f %12.2f %7d MiB %5d%n", String.join(" ", c), r.seconds,
                    r.seconds / (lines / 1e6), r.peakKb >> 10, r.exit);
        }
        if (Files.exists(page)) {
            System.out.printf(Locale.ROOT, "report: %,d bytes of HTML (%s)%n", Files.size(page), page);
            Files.delete(page);
        }
        JsonObject bigStats = stats(jar, big, heap);
        boolean same = bigStats.get("lines").getAsLong() == lines;
        JsonObject k1 = oneStats.getAsJsonObject("kinds");
        JsonObject kn = bigStats.getAsJsonObject("kinds");
        for (String kind : k1.keySet()) {
            same &= kn.get(kind).getAsLong() == k1.get(kind).getAsLong() * copies;
        }
        System.out.println("stats of the big file = " + copies + " × stats of one copy (lines, line kinds): " + same);
    }

    private static String firstPid(Path trace) throws IOException {
        String first = Files.readAllLines(trace).get(0);
        return first.substring(0, first.indexOf(' '));
    }

    private static JsonObject stats(Path jar, Path file, String heap) throws Exception {
        Path out = Files.createTempFile("stats", ".json");
        Process p = new ProcessBuilder("java", "-Xmx" + heap, "-jar", jar.toString(), "stats", "--json", file.toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.waitFor();
        JsonObject o = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        Files.delete(out);
        return o;
    }

    private record Run(double seconds, long peakKb, int exit) { }

    private static Run run(List<String> cmd) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path status = Path.of("/proc/" + p.pid() + "/status");
        long peak = 0;
        while (p.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException e) {
                // the process ended between the check and the read
            }
            p.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return new Run((System.nanoTime() - start) / 1e9, peak, p.waitFor());
    }
}
