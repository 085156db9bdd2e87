package org.stracels.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stracels.cli.CliTest.file;
import static org.stracels.cli.CliTest.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check --explain} follows a failed child down to the call at the end of its chain, in text and JSON. */
class ExplainViaTest {

    @Test
    void aSetDashEScriptIsExplainedDownToTheCallItsChildFailedOn() {
        List<String> out = run("check", "--explain", file("set-e.strace")).outLines();
        int shell = out.indexOf(out.stream().filter(l -> l.contains("(/usr/bin/sh) exited with 2 without a message"))
                .findFirst().orElseThrow());
        assertThat(out.get(shell + 1)).matches("  1\\. line 126: pid \\d+ \\(/usr/bin/ls\\) exited with 2  \\[score \\d+]");
        assertThat(out.subList(shell + 2, out.size())).anySatisfy(l -> assertThat(l)
                .startsWith("       ← via line 118: statx(AT_FDCWD, \"/tmp/strace-ls-testdata/missing-input\"")
                .endsWith("= -1 ENOENT  [score 9]"));
        assertThat(out).contains("       +2 it passed the child's failure on: it exited with 2, the child's status");
    }

    @Test
    void jsonCarriesTheViaChain() {
        JsonArray all = JsonParser.parseString(run("check", "--explain", "--json", file("stuck-lock.strace")).out())
                .getAsJsonArray();
        JsonObject timeout = all.asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.get("text").getAsString().contains("(/usr/bin/timeout) exited with 124")).findFirst().orElseThrow();
        assertThat(timeout.get("kind").getAsString()).isEqualTo("exit");
        JsonObject top = timeout.getAsJsonArray("causes").get(0).getAsJsonObject();
        assertThat(top.get("call").getAsString()).endsWith("(/tmp/strace-ls-testdata/bin/stale-lock) killed by SIGTERM");
        JsonArray via = top.getAsJsonArray("via");
        assertThat(via).hasSize(1);
        JsonObject stuck = via.get(0).getAsJsonObject();
        assertThat(stuck.get("line").getAsInt()).isEqualTo(92);
        assertThat(stuck.get("call").getAsString()).contains("stale.lock").endsWith("= -1 EEXIST");
        assertThat(stuck.getAsJsonArray("reasons").toString()).contains("stuck: openat(").contains("until timeout (pid ");
        // the killed child is explained in words: who sent the signal, what it was doing
        JsonObject child = all.asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.get("text").getAsString().contains("killed by SIGTERM without a message")).findFirst().orElseThrow();
        assertThat(child.get("text").getAsString()).contains(": SIGTERM came from timeout (pid ");
    }

    @Test
    void aLogFileMessageSaysWhereItWent() {
        List<String> out = run("check", "--explain", file("daemon-log.strace")).outLines();
        assertThat(out.get(0)).endsWith(" reported to the log file /tmp/strace-ls-testdata/log/daemon-demo.log:"
                + " “daemon-demo: fatal: cannot start…”");
        assertThat(out.get(1)).contains("daemon-demo.d/").endsWith("= -1 ENOENT  [score 5]");
    }

    @Test
    void yesHeadChecksCleanBecauseSigpipeIsNormal() {
        CliTest.Run r = run("check", file("yes-head.strace"));
        assertThat(r.code()).isEqualTo(Cli.OK);
        assertThat(r.outLines()).anySatisfy(l -> assertThat(l).contains(": information: Process ")
                .contains("was killed by SIGPIPE: normal:"));
    }
}
