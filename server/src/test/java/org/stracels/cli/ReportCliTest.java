package org.stracels.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strace-ls report} and {@code strace-ls export} on the command line: outputs, refusals, exit codes. */
class ReportCliTest {

    @Test
    void reportWritesTheFileNamedAndPrintsItsPath(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.html");
        CliTest.Run r = CliTest.run("report", CliTest.file("xauth-lock.strace"), "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo(out.toString());
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("xauth-lock.strace").endsWith("</html>\n");
    }

    @Test
    void exportWritesJsonToStdoutOrTheFileNamed(@TempDir Path dir) throws IOException {
        CliTest.Run r = CliTest.run("export", "--format", "chrome-trace", CliTest.file("tt-T.strace"));
        assertThat(r.code()).isZero();
        JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
        assertThat(json.getAsJsonArray("traceEvents")).isNotEmpty();
        Path out = dir.resolve("t.json");
        CliTest.Run w = CliTest.run("export", "--format=chrome-trace", "-o", out.toString(), CliTest.file("tt-T.strace"));
        assertThat(w.code()).isZero();
        assertThat(JsonParser.parseString(Files.readString(out)).getAsJsonObject()).isEqualTo(json);
    }

    @Test
    void exportRefusesATraceWithoutTimestampsUnlessLinesAsTime() {
        CliTest.Run r = CliTest.run("export", "--format", "chrome-trace", CliTest.file("follow.strace"));
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("no timestamps").contains("--lines-as-time");
        CliTest.Run ok = CliTest.run("export", "--format", "chrome-trace", "--lines-as-time", CliTest.file("follow.strace"));
        assertThat(ok.code()).isZero();
        assertThat(JsonParser.parseString(ok.out()).getAsJsonObject().getAsJsonArray("traceEvents")).isNotEmpty();
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo(@TempDir Path dir) {
        String trace = CliTest.file("tt-T.strace");
        String[][] calls = {
            {"report"},
            {"report", trace, trace},
            {"report", "--bogus", trace},
            {"report", trace, "-o"},
            {"report", dir.resolve("missing.strace").toString()},
            {"report", trace, "-o", dir.resolve("no/such/dir/r.html").toString()},
            {"export", trace},
            {"export", "--format", "perfetto-proto", trace},
            {"export", "--format", "chrome-trace"},
            {"export", "--format", "chrome-trace", "--bogus", trace},
            {"export", "--format", "chrome-trace", dir.toString()},
        };
        for (String[] call : calls) {
            CliTest.Run r = CliTest.run(call);
            assertThat(r.code()).as(String.join(" ", call)).isEqualTo(Cli.USAGE);
            assertThat(r.err().strip().lines()).as(String.join(" ", call)).hasSize(1);
            assertThat(r.out()).as(String.join(" ", call)).isEmpty();
        }
    }

    @Test
    void aFileThatVanishesBeforeItIsReadIsOneLineAndNoPage(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.strace");
        Files.copy(Path.of(CliTest.file("fail.strace")), trace);
        TraceFile file = TraceFile.open(trace.toString());
        Files.delete(trace);
        Path page = dir.resolve("r.html");
        assertThatThrownBy(() -> ReportCommand.run(file, page.toString(), System.out)).isInstanceOf(CliError.class)
                .hasMessage(trace + ": no such file (it vanished)");
        assertThat(page).doesNotExist();
    }
}
