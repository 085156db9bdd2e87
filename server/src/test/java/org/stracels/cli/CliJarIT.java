package org.stracels.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar run as users run it: {@code java -jar strace-ls.jar ...} in a child process. */
class CliJarIT {
    private static final Path TESTDATA = Path.of(System.getProperty("testdata.dir", "../testdata")).toAbsolutePath();
    private static final Path JAR = Path.of(System.getProperty("server.jar", "target/strace-ls.jar")).toAbsolutePath();

    record Run(int code, String out, String err) { }

    @TempDir
    Path scratch;

    Run java(String... args) throws IOException, InterruptedException {
        return javaWith(List.of(), args);
    }

    Run javaWith(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = scratch.resolve("out-" + System.nanoTime());
        Path err = scratch.resolve("err-" + System.nanoTime());
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("strace-ls " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void checkPrintsFindingsAndASummaryAndExitsZeroWithoutErrors() throws Exception {
        String name = TESTDATA.resolve("fail.strace").toString();
        List<String> text = Files.readAllLines(TESTDATA.resolve("fail.strace"), StandardCharsets.UTF_8);
        int index = 0;
        while (!(text.get(index).contains("\"/nonexistent\"") && text.get(index).contains("= -1 ENOENT"))) {
            index++;
        }
        int line = index + 1;
        int column = text.get(index).indexOf("ENOENT") + 1;

        Run r = java("check", name);

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> out = r.out().lines().toList();
        assertThat(out).anyMatch(l -> l.startsWith(name + ":" + line + ":" + column + ": warning: statx failed with ENOENT")
                && l.endsWith(" [ENOENT]"));
        assertThat(out.get(out.size() - 1)).startsWith(name + ": ").endsWith(" (" + text.size() + " lines)");
    }

    /**
     * A heap too small for a window: every command ends with one line and exit 2, whichever of its threads runs out
     * (the reading thread once did, and the command waited for it forever).
     */
    @Test
    void aHeapTooSmallEndsEveryCommandWithOneLine() throws Exception {
        Path big = scratch.resolve("big.strace");
        byte[] one = Files.readAllBytes(TESTDATA.resolve("busy.strace"));
        try (java.io.OutputStream out = Files.newOutputStream(big)) {
            for (long written = 0; written < 30_000_000; written += one.length) {
                out.write(one);
            }
        }
        for (String[] command : List.of(new String[] {"check"}, new String[] {"check", "--explain"},
                new String[] {"stats"}, new String[] {"view", "--failed"}, new String[] {"summary"},
                new String[] {"report", "-o", scratch.resolve("big.html").toString()})) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add(big.toString());
            Run r = javaWith(List.of("-Xmx20m"), args.toArray(String[]::new));
            assertThat(r.code()).as("exit of %s; stderr %s", args, r.err()).isEqualTo(2);
            assertThat(r.err().lines().toList()).as("stderr of %s", args)
                    .singleElement().asString().contains("out of memory").contains("-Xmx");
        }
        // the report's page is opened only once the trace was read: no half page is left behind
        assertThat(scratch.resolve("big.html")).doesNotExist();
    }

    @Test
    void statsJsonIsOneObjectDescribingTheFile() throws Exception {
        List<String> text = Files.readAllLines(TESTDATA.resolve("fail.strace"), StandardCharsets.UTF_8);

        Run r = java("stats", "--json", TESTDATA.resolve("fail.strace").toString());

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(json.get("lines").getAsInt()).isEqualTo(text.size());
        assertThat(json.getAsJsonObject("kinds").get("malformed").getAsInt()).isZero();
        assertThat(json.getAsJsonArray("processes")).hasSize(1);
        assertThat(json.getAsJsonArray("processes").get(0).getAsJsonObject().get("endingText").getAsString())
                .isEqualTo("exited with 2");
        assertThat(json.getAsJsonObject("syscalls").getAsJsonObject("statx").get("errors").getAsInt()).isEqualTo(
                (int) text.stream().filter(l -> l.startsWith("statx(") && l.contains("= -1 ")).count());
    }

    @Test
    void versionPrintsTheVersionPackagedInTheJar() throws Exception {
        Properties p = new Properties();
        try (JarFile jar = new JarFile(JAR.toFile());
                InputStream in = jar.getInputStream(jar.getEntry("org/stracels/version.properties"))) {
            p.load(in);
        }
        assertThat(p.getProperty("version")).doesNotContain("${");

        Run r = java("--version");

        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("strace-ls " + p.getProperty("version") + "\n");
    }

    @Test
    void aMissingFileIsOneLineOnStderrAndExitTwo() throws Exception {
        String missing = scratch.resolve("missing.strace").toString();

        Run r = java("check", missing);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("strace-ls: " + missing + ": no such file\n");
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void anUnknownCommandIsOneLineOnStderrAndExitTwo() throws Exception {
        Run r = java("frobnicate");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
