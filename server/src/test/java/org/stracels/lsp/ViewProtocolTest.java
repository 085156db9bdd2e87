package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views and summaries over the real protocol: of an open document and of a file that is not open, the view
 * opened as a document of its own (diagnostics, hover, the way back to the original by link and definition),
 * progress for big files, and one clear error for each bad request, after which the server still answers.
 */
class ViewProtocolTest {
    private static final long TIMEOUT = TestData.TIMEOUT.toMillis();

    @TempDir
    Path dir;

    private static JsonObject run(ServerConnection c, String command, String json) throws Exception {
        ExecuteCommandParams params = new ExecuteCommandParams(command, List.of(JsonParser.parseString(json)));
        Object result = c.server.getWorkspaceService().executeCommand(params).get(TIMEOUT, TimeUnit.MILLISECONDS);
        return ((JsonElement) new com.google.gson.Gson().toJsonTree(result)).getAsJsonObject();
    }

    private static List<Integer> lines(JsonObject view) {
        List<Integer> lines = new ArrayList<>();
        view.getAsJsonArray("lines").forEach(e -> lines.add(e.getAsInt()));
        return lines;
    }

    @Test
    void aViewOfAnOpenTraceIsATraceOfItsOwnWithTheWayBack() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            String uri = TestData.uri("xauth-link.strace");
            String text = TestData.text("xauth-link.strace");
            c.open(uri, 1, text);
            JsonObject view = run(c, "strace.view", "{\"uri\": \"" + uri + "\", \"failed\": true}");
            List<Integer> lines = lines(view);
            String[] original = text.split("\n", -1);
            String[] viewLines = view.get("text").getAsString().split("\n", -1);
            assertThat(viewLines).hasSameSizeAs(lines.toArray());
            for (int i = 0; i < lines.size(); i++) {
                assertThat(viewLines[i]).isEqualTo(original[lines.get(i)]); // verbatim, in order
            }
            int link = TestData.lineWithText(text, "link(\"/tmp/strace-ls-testdata/xauth/Xauthority-c\"");
            assertThat(lines).contains(link).isSorted();
            assertThat(view.get("title").getAsString()).contains("failures");

            // the client opens the view under a URI of its own: every feature works on it
            String viewUri = "strace-view:/xauth-link.strace?failed";
            c.open(viewUri, 1, view.get("text").getAsString());
            List<Diagnostic> diagnostics = c.client.awaitDiagnostics(viewUri, 1).getDiagnostics();
            int at = lines.indexOf(link);
            assertThat(diagnostics).anyMatch(d -> d.getRange().getStart().getLine() == at && "ESERVERFAULT".equals(TestData.code(d)));
            int column = viewLines[at].indexOf("ESERVERFAULT");
            Hover hover = c.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(viewUri),
                    new Position(at, column + 2))).get(TIMEOUT, TimeUnit.MILLISECONDS);
            assertThat(hover.getContents().getRight().getValue()).contains("ESERVERFAULT");

            // the way back: a link on each line's prefix, and a definition there
            List<DocumentLink> links = c.server.getTextDocumentService().documentLink(
                    new DocumentLinkParams(new TextDocumentIdentifier(viewUri))).get(TIMEOUT, TimeUnit.MILLISECONDS);
            assertThat(links).anyMatch(l -> l.getRange().getStart().getLine() == at
                    && l.getTarget().equals(uri + "#L" + (link + 1)));
            List<? extends Location> back = c.server.getTextDocumentService().definition(new DefinitionParams(
                    new TextDocumentIdentifier(viewUri), new Position(at, 0))).get(TIMEOUT, TimeUnit.MILLISECONDS).getLeft();
            assertThat(back).singleElement().satisfies(l -> {
                assertThat(l.getUri()).isEqualTo(uri);
                assertThat(l.getRange().getStart().getLine()).isEqualTo(link);
            });
            // the original itself has no links
            assertThat(c.server.getTextDocumentService().documentLink(new DocumentLinkParams(new TextDocumentIdentifier(uri)))
                    .get(TIMEOUT, TimeUnit.MILLISECONDS)).isEmpty();
        }
    }

    @Test
    void definitionsAndReferencesOutsideTheViewLandInTheOriginal() throws Exception {
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            String uri = TestData.uri("fdlife.strace");
            String text = TestData.text("fdlife.strace");
            c.open(uri, 1, text);
            String[] original = text.split("\n", -1);
            int open = TestData.lineWithText(text, "= 3");
            int use = -1;
            for (int i = open + 1; i < original.length && use < 0; i++) {
                if (original[i].matches("^\\d+ +(read|write|fstat|newfstatat|lseek|pread64)\\(3,.*")) {
                    use = i;
                }
            }
            assertThat(use).as("a use of fd 3 after line " + open).isPositive();
            String name = original[use].replaceAll("^\\d+ +(\\w+)\\(.*", "$1");
            JsonObject view = run(c, "strace.view", "{\"uri\": \"" + uri + "\", \"syscalls\": [\"" + name + "\"]}");
            List<Integer> lines = lines(view);
            assertThat(lines).contains(use).doesNotContain(open);
            String viewUri = "untitled:view-of-fdlife";
            c.open(viewUri, 1, view.get("text").getAsString());
            int at = lines.indexOf(use);
            int column = original[use].indexOf("(3,") + 1;
            List<? extends Location> def = c.server.getTextDocumentService().definition(new DefinitionParams(
                    new TextDocumentIdentifier(viewUri), new Position(at, column))).get(TIMEOUT, TimeUnit.MILLISECONDS).getLeft();
            assertThat(def).singleElement().satisfies(l -> {
                assertThat(l.getUri()).as("the call that made fd 3 is not in the view").isEqualTo(uri);
                assertThat(l.getRange().getStart().getLine()).isEqualTo(open);
            });
            List<? extends Location> refs = c.server.getTextDocumentService().references(new org.eclipse.lsp4j.ReferenceParams(
                    new TextDocumentIdentifier(viewUri), new Position(at, column), new org.eclipse.lsp4j.ReferenceContext(true)))
                    .get(TIMEOUT, TimeUnit.MILLISECONDS);
            assertThat(refs).anyMatch(l -> l.getUri().equals(viewUri) && l.getRange().getStart().getLine() == at);
            assertThat(refs).anyMatch(l -> l.getUri().equals(uri) && l.getRange().getStart().getLine() == open);
        }
    }

    @Test
    void aFileThatIsNotOpenIsReadFromDiskWithProgressWhenBig() throws Exception {
        String one = TestData.text("busy.strace");
        Path big = dir.resolve("big.strace");
        StringBuilder b = new StringBuilder();
        while (b.length() < (10 << 20)) {
            b.append(one);
        }
        Files.writeString(big, b);
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize(progressClient());
            String uri = big.toUri().toString();
            JsonObject view = run(c, "strace.view", "{\"uri\": \"" + uri + "\", \"syscalls\": [\"execve\"], \"fromLine\": 0,"
                    + " \"toLine\": 5000}");
            List<Integer> lines = lines(view);
            String[] all = b.toString().split("\n", -1);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i <= 5000; i++) {
                if (all[i].contains(" execve(") || all[i].startsWith("execve(") || all[i].contains("<... execve resumed>")) {
                    expected.add(i);
                }
            }
            assertThat(lines).isNotEmpty().isEqualTo(expected);
            assertThat(c.client.progress).startsWith("create", "begin").endsWith("end");

            JsonObject summary = run(c, "strace.summary", "{\"uri\": \"" + uri + "\"}");
            String page = summary.get("text").getAsString();
            assertThat(page).startsWith("Summary of big.strace: " + String.format(java.util.Locale.ROOT, "%,d", all.length - 1) + " lines");
            JsonArray links = summary.getAsJsonArray("links");
            assertThat(links).isNotEmpty();
            String[] pageLines = page.split("\n");
            for (JsonElement e : links) {
                JsonObject l = e.getAsJsonObject();
                String shown = pageLines[l.get("line").getAsInt()].substring(l.get("start").getAsInt(), l.get("end").getAsInt());
                assertThat(shown).isEqualTo("line " + (l.get("target").getAsInt() + 1));
            }
        }
    }

    @Test
    void aBigDocumentShowsProgressWhileItIsReadAndWhileItsFdsAreFollowed() throws Exception {
        String one = TestData.text("busy.strace");
        StringBuilder b = new StringBuilder();
        while (b.length() < (9 << 20)) {
            b.append(one);
        }
        String text = b.toString();
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize(progressClient());
            String uri = dir.resolve("big-open.strace").toUri().toString();
            c.open(uri, 1, text);
            c.client.awaitDiagnostics(uri, 1);
            assertThat(c.client.progress).containsSubsequence("create", "begin", "end");
            int before = c.client.progress.size();
            int line = TestData.lineWithText(text, "openat(");
            int column = TestData.line(text, line).indexOf("= ") + 2;
            c.server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri),
                    new Position(line, column))).get(TIMEOUT, TimeUnit.MILLISECONDS);
            assertThat(c.client.progress.subList(before, c.client.progress.size()))
                    .as("the fd model of a big document is built with progress").containsSubsequence("create", "begin", "end");
        }
    }

    private static InitializeParams progressClient() {
        InitializeParams init = new InitializeParams();
        ClientCapabilities caps = new ClientCapabilities();
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        init.setCapabilities(caps);
        return init;
    }

    @Test
    void badRequestsGetOneClearErrorAndTheServerGoesOn() throws Exception {
        Path binary = dir.resolve("core.strace");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
        String good = TestData.uri("plain.strace");
        String[][] cases = {
            {"{\"uri\": \"" + good + "\", \"noise\": true}", "noise"},
            {"{\"uri\": \"" + good + "\", \"tree\": true}", "tree needs a pid"},
            {"{\"uri\": \"" + good + "\", \"classes\": [\"files\"]}", "unknown class 'files'"},
            {"{\"uri\": \"" + good + "\", \"fromLine\": 9, \"toLine\": 3}", "reversed"},
            {"{\"uri\": \"" + good + "\", \"pid\": \"x\"}", "pid must be a number"},
            {"{\"uri\": \"https://example.org/t.strace\"}", "not a file: URI"},
            {"{\"uri\": \"" + dir.resolve("gone.strace").toUri() + "\"}", "no such file"},
            {"{\"uri\": \"" + binary.toUri() + "\"}", "binary"},
            {"{\"uri\": \"" + good + "\", \"fromTime\": \"10:00:00\"}", "no timestamps"},
            {"[]", "argument object"},
        };
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            for (String[] k : cases) {
                assertThatThrownBy(() -> run(c, "strace.view", k[0])).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(ResponseErrorException.class)
                        .satisfies(e -> {
                            ResponseErrorException r = (ResponseErrorException) e;
                            assertThat(r.getResponseError().getCode()).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
                            assertThat(r.getResponseError().getMessage()).contains(k[1]).doesNotContain("\n");
                        });
            }
            assertThat(lines(run(c, "strace.view", "{\"uri\": \"" + good + "\", \"failed\": true}"))).isNotEmpty();
        }
    }
}
