package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stracels.lsp.TestData.TIMEOUT;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/** {@code strace.compare} over the real protocol, on the real pairs of testdata/diff. */
class CompareProtocolTest {
    private static JsonObject compare(ServerConnection c, Object argument) throws Exception {
        Object result = c.server.getWorkspaceService()
                .executeCommand(new ExecuteCommandParams(CompareCommandIds.COMPARE, List.of(argument)))
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        // lsp4j hands an untyped result to the client as gson's map: back to JSON as a client would read it
        return new com.google.gson.Gson().toJsonTree(result).getAsJsonObject();
    }

    /** The id as a client sees it, so that the test does not reach into the server. */
    static final class CompareCommandIds {
        static final String COMPARE = "strace.compare";
    }

    private static int lineWith(String text, String... parts) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean all = true;
            for (String p : parts) {
                all &= lines[i].contains(p);
            }
            if (all) {
                return i;
            }
        }
        throw new AssertionError("no line with " + List.of(parts));
    }

    @Test
    void theCommandIsAnnouncedNextToShowLocation() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            InitializeResult init = c.initialize();
            assertThat(init.getCapabilities().getExecuteCommandProvider().getCommands())
                    .contains("strace.showLocation", "strace.compare");
        }
    }

    @Test
    void answersTheRankedDifferencesWithPlacesInBothFilesAndTheTextsOfAPair() throws Exception {
        String good = TestData.uri("diff/missing.good.strace");
        String bad = TestData.uri("diff/missing.bad.strace");
        int goodLine = lineWith(TestData.text("diff/missing.good.strace"), "openat(", "app.conf");
        int badLine = lineWith(TestData.text("diff/missing.bad.strace"), "openat(", "app.conf", "ENOENT");
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            JsonObject answer = compare(c, Map.of("good", good, "bad", bad));
            assertThat(answer.get("explainsFailure").getAsBoolean()).isTrue();
            assertThat(answer.getAsJsonArray("failures").get(0).getAsString()).contains("(cat) exited with 1");
            JsonObject first = answer.getAsJsonArray("differences").get(0).getAsJsonObject();
            assertThat(first.get("kind").getAsString()).isEqualTo("failed-in-bad");
            assertThat(first.get("why").getAsString()).contains("app.conf").contains("ENOENT");
            assertThat(first.get("ranked").getAsBoolean()).isTrue();
            JsonObject g = first.getAsJsonObject("good");
            JsonObject b = first.getAsJsonObject("bad");
            assertThat(g.get("uri").getAsString()).isEqualTo(good);
            assertThat(b.get("uri").getAsString()).isEqualTo(bad);
            assertThat(g.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt()).isEqualTo(goodLine);
            assertThat(b.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt()).isEqualTo(badLine);
            assertThat(b.getAsJsonObject("range").getAsJsonObject("end").get("line").getAsInt()).isEqualTo(badLine + 1);
            // the pair of the first difference, normalised: the same call, failed on one side only
            assertThat(answer.get("pair").getAsInt()).isEqualTo(first.get("pair").getAsInt());
            JsonObject texts = answer.getAsJsonObject("texts");
            assertThat(texts.get("good").getAsString()).contains("openat(AT_FDCWD, \"/tmp/strace-ls-testdata/diff/app.conf\", O_RDONLY) = </tmp/strace-ls-testdata/diff/app.conf>\n");
            assertThat(texts.get("bad").getAsString()).contains("openat(AT_FDCWD, \"/tmp/strace-ls-testdata/diff/app.conf\", O_RDONLY) = -1 ENOENT\n");
            JsonArray pairs = answer.getAsJsonArray("pairs");
            assertThat(pairs).hasSize(1);
            assertThat(pairs.get(0).getAsJsonObject().get("good").getAsString()).startsWith("cat /tmp/strace-ls-testdata/diff/app…"); // strace cut argv[1] (-s 32)
        }
    }

    @Test
    void aChosenPairAndFfFolders() throws Exception {
        String good = TestData.path("diff/missing-ff.good").normalize().toUri().toString();
        String bad = TestData.path("diff/missing-ff.bad").normalize().toUri().toString();
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            JsonObject answer = compare(c, Map.of("good", good, "bad", bad, "pair", 0));
            assertThat(answer.get("pair").getAsInt()).isZero();
            assertThat(answer.getAsJsonObject("texts").get("good").getAsString()).contains("vfork() = <pid>");
            JsonObject first = answer.getAsJsonArray("differences").get(0).getAsJsonObject();
            assertThat(first.getAsJsonObject("bad").get("uri").getAsString()).startsWith(bad).contains("/trace.");
        }
    }

    @Test
    void badArgumentsAnswerAnErrorAndTheServerGoesOn() throws Exception {
        String good = TestData.uri("diff/missing.good.strace");
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            for (Object bad : List.of("just a string", Map.of("good", good), Map.of("good", good, "bad", 42),
                    Map.of("good", good, "bad", "https://example.org/x.strace"),
                    Map.of("good", good, "bad", good + ".absent"))) {
                assertThatThrownBy(() -> compare(c, bad)).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(ResponseErrorException.class);
            }
            assertThat(compare(c, Map.of("good", good, "bad", good)).getAsJsonArray("differences")).isEmpty();
        }
    }
}
