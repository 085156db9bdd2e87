package org.stracels.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** No feature throws, whatever the text: traces cut anywhere, lines shuffled, broken forms, empty text. */
class RobustnessTest {
    private static final List<String> BROKEN = List.of("", "\n", "\r\n\r\n", "((((((((", "\"unterminated",
            "<... read resumed>", "<... read resumed>) = 3\n", "read(3, <unfinished ...>\n", "+++ exited with +++",
            "--- SIG", "1234 ", "[pid 1] ", "openat(AT_FDCWD, \"/x\" = 3", "execve(\"/bin/x\", [\"x\"", " > ", " | 00000",
            "% time", "12:00:00.000000 ", "close(3) = -1 EBADF (Bad file descriptor) <", "write(1, \"\\\", 1) = 1",
            "clone3({flags=CLONE_VM, exit_signal=0, stack=0x7f, stack_size=0x10 <unfinished ...>\n1 <... clone3 resumed> => {parent_tid=[2]}, 88) = 2\n");

    @Test
    void brokenForms() {
        for (String text : BROKEN) {
            everyFeature(text, text);
        }
    }

    @Test
    void realTracesCutAnywhereAndShuffled() {
        Random random = new Random(42);
        for (Path file : Testdata.traces()) {
            String text = Testdata.read(file);
            for (int k = 0; k < 3 && !text.isEmpty(); k++) {
                int a = random.nextInt(text.length());
                int b = a + random.nextInt(text.length() - a + 1);
                everyFeature(file + " cut " + a + ".." + b, text.substring(a, b));
            }
            List<String> lines = new java.util.ArrayList<>(text.lines().toList());
            java.util.Collections.shuffle(lines, random);
            everyFeature(file + " shuffled", String.join("\n", lines));
        }
    }

    private static void everyFeature(String what, String text) {
        assertThatCode(() -> {
            Trace trace = Trace.of(text);
            int n = trace.parsed().lineCount();
            Outline.symbols(trace, 3, CancelCheck.NONE);
            Folding.folds(trace, 2, CancelCheck.NONE);
            SemanticTokens.full(trace, CancelCheck.NONE);
            SemanticTokens.tokens(trace, -5, n + 5, CancelCheck.NONE);
            SemanticTokens.tokens(trace, n, 0, CancelCheck.NONE);
            InlayHints.hints(trace, -1, text.length() + 1, new InlayHints.Options(true, true, true, 0), CancelCheck.NONE);
            InlayHints.hints(trace, text.length(), 0, InlayHints.Options.DEFAULT, CancelCheck.NONE);
            CodeLenses.lenses(trace, CancelCheck.NONE);
            for (String q : List.of("", "1", "read", "read /", "/", "\"", "pid 1", "openat /etc/passwd")) {
                WorkspaceSymbols.search(trace, q, 10, CancelCheck.NONE);
            }
        }).as(what).doesNotThrowAnyException();
    }

    @Test
    void cancellationStopsALongPass() {
        Trace trace = Trace.of(Testdata.read("busy.strace"));
        CancelCheck cancelled = () -> {
            throw new java.util.concurrent.CancellationException("stop");
        };
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Outline.symbols(trace, 50, cancelled)))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Folding.folds(trace, 4, cancelled)))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SemanticTokens.full(trace, cancelled)))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
