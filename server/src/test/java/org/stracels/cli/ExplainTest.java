package org.stracels.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stracels.cli.CliTest.file;
import static org.stracels.cli.CliTest.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check --explain}: per error message, the message and its ranked causes with their reasons. */
class ExplainTest {

    @Test
    void explainsTheLockingErrorByTheLinkThatFailed() {
        CliTest.Run r = run("check", "--explain", file("xauth-link.strace"));
        assertThat(r.code()).isEqualTo(Cli.OK);
        List<String> out = r.outLines();
        assertThat(out.get(0)).isEqualTo(file("xauth-link.strace") + ":40: the process"
                + " (/tmp/strace-ls-testdata/bin/xauth-dance) reported: “xauth: error in locking authori…”");
        assertThat(out.get(1)).startsWith("  1. line 39: link(\"/tmp/strace-ls-testdata/xauth/Xauthority-c\"")
                .endsWith(") = -1 ESERVERFAULT  [score 10]");
        assertThat(out.get(2)).startsWith("       +5 ESERVERFAULT is an error of the kernel's own");
        assertThat(out).contains("       · strace injected this failure (-e inject)",
                "       -10 routine: the dynamic loader probing for a library");
        assertThat(out.get(out.size() - 1)).isEqualTo(file("xauth-link.strace") + ": 1 reported error");
    }

    @Test
    void aShellThatFailedWithoutAMessageIsExplainedByItsChild() {
        List<String> out = run("check", "--explain", file("perm-denied.strace")).outLines();
        int shell = out.indexOf(out.stream().filter(l -> l.contains("(/usr/bin/sh) exited with 1 without a message"))
                .findFirst().orElseThrow());
        assertThat(out.get(shell + 1)).matches("  1\\. line \\d+: pid \\d+ \\(/tmp/strace-ls-testdata/bin/perm-denied\\)"
                + " exited with 1  \\[score \\d+]");
        assertThat(out.get(out.size() - 1)).endsWith(": 1 reported error, 1 failing process without a message");
    }

    @Test
    void jsonListsEachMessageWithItsCausesAndReasons() {
        CliTest.Run r = run("check", "--explain", "--json", file("net-timeout.strace"), file("config-search.strace"));
        JsonArray all = JsonParser.parseString(r.out()).getAsJsonArray();
        assertThat(all).hasSize(2);
        JsonObject net = all.get(0).getAsJsonObject();
        assertThat(net.get("kind").getAsString()).isEqualTo("report");
        assertThat(net.get("text").getAsString()).contains("timed out");
        JsonObject top = net.getAsJsonArray("causes").get(0).getAsJsonObject();
        assertThat(top.get("call").getAsString()).startsWith("connect(").endsWith("= -1 ECONNREFUSED");
        assertThat(top.getAsJsonArray("reasons").toString()).contains("retried: it failed the same way 3 times");
        assertThat(all.get(1).getAsJsonObject().getAsJsonArray("causes").get(0).getAsJsonObject()
                .get("call").getAsString()).startsWith("read(3, ").endsWith("= -1 EISDIR");
    }

    @Test
    void explainBelongsToCheckOnly() {
        CliTest.Run r = run("stats", "--explain", file("plain.strace"));
        assertThat(r.code()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).contains("stats: unknown option '--explain'");
    }
}
