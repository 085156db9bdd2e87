package org.stracels.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The traces of issue 12 over the real protocol: on the exit (or kill) line of the process that failed, the
 * diagnostic names the top cause and relates it, the code lens above the line points at the call at the end of
 * the chain, and the hover lists the causes down that chain and how the end came about.
 */
class CauseChainProtocolTest {
    private static final long TIMEOUT = TestData.TIMEOUT.toMillis();

    /** The last line of {@code text} holding every one of {@code parts}: the end, the last try. */
    private static int lineWith(String text, String... parts) {
        String[] lines = text.split("\n", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            boolean all = true;
            for (String p : parts) {
                all &= lines[i].contains(p);
            }
            if (all) {
                return i;
            }
        }
        throw new AssertionError("no line with " + String.join(", ", parts));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // file              | the end explained                 | the call at the end of the chain | lens title (start)                            | in the hover
        "stuck-lock.strace   | +++ exited with 124 +++           | stale.lock\", O_WRONLY           | likely cause: openat() EEXIST via pid         | stuck: openat(",
        "sh-c-fail.strace    | +++ exited with 3 +++             | = -1 EISDIR                      | likely cause: read() EISDIR via pid           | a child process failed",
        "set-e.strace        | +++ exited with 2 +++             | missing-input\", AT_STATX_SYNC_AS_STAT | likely cause: statx() ENOENT via pid | it passed the child's failure on",
        "flock-held.strace   | +++ exited with 1 +++             | flock(3, LOCK_EX                 | likely cause: flock() EAGAIN — line           | a lock held by another process",
        "abort.strace        | +++ killed by SIGABRT +++         | tgkill(                          | likely cause: tgkill() SIGABRT to itself — line | *How it came about:* it called abort()",
        "yes-head.strace     | +++ killed by SIGPIPE +++         | = -1 EPIPE                       | likely cause: write() EPIPE — line            | *Normal end:* normal: it wrote to a pipe",
        "term.strace         | +++ killed by SIGTERM +++         | clock_nanosleep(                 | likely cause: clock_nanosleep() blocked — line | blocked: clock_nanosleep",
        "missing-lib.strace  | +++ exited with 127 +++           | libdemo.so.1\", O_RDONLY         | likely cause: libdemo.so.1 not found (openat() ENOENT) — line | the dynamic loader could not find libdemo.so.1",
        "nb-connect.strace   | +++ exited with 1 +++             | SO_ERROR, [ECONNREFUSED]         | likely cause: getsockopt() ECONNREFUSED — line | an error hidden in a call that succeeded",
        "daemon-log.strace   | +++ exited with 1 +++             | daemon.pid\", O_WRONLY           | likely cause: openat() ENOENT — line          | to the log file /tmp/strace-ls-testdata/log/daemon-demo.log",
        "dup2-stderr.strace  | +++ exited with 1 +++             | settings.ini\", O_RDONLY         | likely cause: openat() ENOENT — line          | *It said:* “dup2-demo: could not load settin",
    })
    void theEndShowsTheCauseAllTheWayDown(String file, String end, String cause, String lens, String hoverText) throws Exception {
        String text = TestData.text(file);
        String uri = TestData.uri(file);
        int exit = lineWith(text, end);
        int call = lineWith(text, cause);
        try (ServerConnection c = ServerConnection.start()) {
            c.initialize();
            c.open(uri, 1, text);
            List<Diagnostic> diagnostics = c.client.awaitDiagnostics(uri, 1).getDiagnostics();
            Diagnostic onExit = diagnostics.stream().filter(d -> d.getRange().getStart().getLine() == exit
                    && ("nonzero-exit".equals(d.getCode().getLeft()) || "killed-by-signal".equals(d.getCode().getLeft())))
                    .findFirst().orElseThrow();
            assertThat(onExit.getRelatedInformation()).anySatisfy(r -> assertThat(r.getLocation().getRange().getStart().getLine())
                    .isEqualTo(call));

            // the lens above the exit, or above the message when the process said something: the last one before
            // the end (a child's own lens may come before it)
            List<? extends CodeLens> lenses = c.server.getTextDocumentService()
                    .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(TIMEOUT, TimeUnit.MILLISECONDS)
                    .stream().filter(l -> "strace.showLocation".equals(l.getCommand().getCommand())
                            && l.getRange().getStart().getLine() <= exit && l.getRange().getStart().getLine() > call)
                    .toList();
            assertThat(lenses).isNotEmpty();
            assertThat(lenses.get(lenses.size() - 1)).satisfies(l -> {
                assertThat(l.getCommand().getTitle()).startsWith(lens).endsWith("— line " + (call + 1));
                assertThat(l.getCommand().getArguments().get(1).toString()).contains("\"line\":" + call);
            });

            Hover hover = c.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                    new Position(exit, TestData.line(text, exit).indexOf("+++") + 4))).get(TIMEOUT, TimeUnit.MILLISECONDS);
            String markdown = hover.getContents().getRight().getValue();
            assertThat(markdown).contains(hoverText).contains("line " + (call + 1) + ": `");
        }
    }
}
