package org.stracels.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/** Inlay hints written into lines of real traces as an editor shows them, between ⟪ ⟫ (see {@link HintsRender}). */
class InlayHintsTest {
    private static final InlayHints.Options ALL = InlayHints.Options.DEFAULT;

    @Test
    void parameterNamesBeforePositionalArguments() {
        assertThat(render("follow.strace", 4, ALL)).isEqualTo(
                "9614  openat(⟪dirfd:⟫ AT_FDCWD, ⟪pathname:⟫ \"/etc/ld.so.cache\", ⟪flags:⟫ O_RDONLY|O_CLOEXEC) = 3");
    }

    @Test
    void withoutYTheFdGetsThePathItWasOpenedWith() {
        assertThat(render("follow.strace", 6, ALL)).isEqualTo("9614  mmap(⟪addr:⟫ NULL, ⟪length:⟫ 34547, "
                + "⟪prot:⟫ PROT_READ, ⟪flags:⟫ MAP_PRIVATE, ⟪fd:⟫ 3⟪</etc/ld.so.cache>⟫, ⟪offset:⟫ 0) = 0x7fd1b0000000");
        assertThat(render("follow.strace", 9, ALL)).startsWith(
                "9614  read(⟪fd:⟫ 3⟪</lib/x86_64-linux-gnu/libc.so.6>⟫, ⟪buf:⟫ ");
        // fd 3 closed on line 7 and opened again on line 8 for libc: the hint follows
        assertThat(render("follow.strace", 7, ALL)).startsWith("9614  close(⟪fd:⟫ 3⟪</etc/ld.so.cache>⟫)");
    }

    @Test
    void fdsFollowForkPipeAndDup2() {
        // 9614 made the pipe [3, 4] on line 48; cat (9615) inherited it and made its write end fd 1
        assertThat(render("follow.strace", 54, ALL)).startsWith("9615  dup2(⟪oldfd:⟫ 4⟪<pipe>⟫, ⟪newfd:⟫ 1)");
        assertThat(render("follow.strace", 117, ALL)).startsWith("9615  write(⟪fd:⟫ 1⟪<pipe>⟫, ⟪buf:⟫ \"hello, strace-ls\\n\"");
        assertThat(render("follow.strace", 162, ALL)).startsWith("9616  read(⟪fd:⟫ 0⟪<pipe>⟫, ");
    }

    @Test
    void aResumedHalfGoesOnWithTheParametersItsStartDidNotPrint() {
        assertThat(render("follow.strace", 71, ALL)).isEqualTo("9614  wait4(⟪pid:⟫ -1,  <unfinished ...>");
        assertThat(render("follow.strace", 125, ALL)).isEqualTo("9614  <... wait4 resumed>⟪wstatus:⟫ "
                + "[{WIFEXITED(s) && WEXITSTATUS(s) == 0}], ⟪options:⟫ 0, ⟪rusage:⟫ NULL) = 9615");
    }

    @Test
    void namedArgumentsNameThemselves() {
        assertThat(render("follow.strace", 49, ALL)).isEqualTo("9614  clone(child_stack=NULL, "
                + "flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD <unfinished ...>");
    }

    @Test
    void durationsAtOrAboveTheThresholdAreMarkedSlow() {
        InlayHints.Options oneMs = new InlayHints.Options(false, false, true, 1_000_000);
        assertThat(render("tt-T.strace", 128, oneMs)).endsWith("= 9753 <0.001461> ⟪slow: 1.46 ms⟫");
        Trace trace = Trace.of(Testdata.read("tt-T.strace"));
        List<InlayHints.Hint> slow = InlayHints.hints(trace, 0, trace.text().length(), oneMs, CancelCheck.NONE);
        // the three wait4 calls that waited for a child are the only calls of a millisecond or more
        assertThat(slow).extracting(h -> trace.parsed().lineAt(h.offset())).containsExactly(128, 173, 255);
        assertThat(slow).extracting(InlayHints.Hint::label).containsExactly("slow: 1.46 ms", "slow: 1.19 ms", "slow: 2.1 ms");
        assertThat(InlayHints.hints(trace, 0, trace.text().length(), ALL, CancelCheck.NONE))
                .noneMatch(h -> h.kind() == InlayHints.Kind.SLOW_CALL); // none takes 100 ms
    }

    @Test
    void eachKindCanBeSwitchedOff() {
        Trace trace = Trace.of(Testdata.read("follow.strace"));
        int start = trace.parsed().lineStart(6);
        int end = trace.parsed().lineEnd(6);
        assertThat(InlayHints.hints(trace, start, end, new InlayHints.Options(false, true, true, 1), CancelCheck.NONE))
                .extracting(InlayHints.Hint::kind).containsExactly(InlayHints.Kind.FD_PATH);
        assertThat(InlayHints.hints(trace, start, end, new InlayHints.Options(true, false, true, 1), CancelCheck.NONE))
                .extracting(InlayHints.Hint::kind).containsOnly(InlayHints.Kind.PARAMETER);
        assertThat(InlayHints.hints(trace, start, end, new InlayHints.Options(false, false, false, 1), CancelCheck.NONE)).isEmpty();
    }

    @Test
    void aTraceMadeWithYHasItsOwnPathsAndGetsNoneAdded() {
        assertThat(render("yy.strace", 5, ALL)).isEqualTo("9917  newfstatat(⟪dirfd:⟫ 3</etc/ld.so.cache>, "
                + "⟪pathname:⟫ \"\", ⟪statbuf:⟫ {st_mode=S_IFREG|0644, st_size=34547, ...}, ⟪flags:⟫ AT_EMPTY_PATH) = 0");
    }

    @Test
    void onlyTheRequestedRangeGetsHints() {
        Trace trace = Trace.of(Testdata.read("follow.strace"));
        int start = trace.parsed().lineStart(4) + "9614  openat(AT_FDCWD, ".length();
        int end = trace.parsed().lineEnd(5);
        List<InlayHints.Hint> hints = InlayHints.hints(trace, start, end, ALL, CancelCheck.NONE);
        assertThat(hints).allMatch(h -> h.offset() >= start && h.offset() <= end);
        assertThat(hints).extracting(InlayHints.Hint::label).startsWith("pathname:", "flags:", "dirfd:");
    }

    @Test
    void hintsOfEveryTraceLieOnTheirLinesInOrder() {
        for (Path file : Testdata.traces()) {
            Trace trace = Trace.of(Testdata.read(file));
            List<InlayHints.Hint> hints = InlayHints.hints(trace, 0, trace.text().length(),
                    new InlayHints.Options(true, true, true, 0), CancelCheck.NONE);
            int previous = 0;
            for (InlayHints.Hint h : hints) {
                assertThat(h.offset()).as(file + " " + h).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(trace.text().length());
                assertThat(h.label()).as(file + " " + h).isNotBlank().doesNotContain("\n");
                previous = h.offset();
            }
        }
    }

    /**
     * A request keeps one text per parameter and per fd and path, shared by its hints (a whole-document request
     * makes millions): the hints of the whole document are those of its lines one by one, and hints that say
     * the same thing hold the same strings.
     */
    @Test
    void theWholeDocumentsHintsAreItsLinesHintsWithSharedTexts() {
        InlayHints.Options namesAndSlow = new InlayHints.Options(true, false, true, 0);
        int shared = 0;
        for (Path file : Testdata.traces()) {
            Trace trace = Trace.of(Testdata.read(file));
            List<InlayHints.Hint> whole = InlayHints.hints(trace, 0, trace.text().length(), namesAndSlow, CancelCheck.NONE);
            List<InlayHints.Hint> byLine = new java.util.ArrayList<>();
            for (int line = 0; line < trace.parsed().lineCount(); line++) {
                byLine.addAll(InlayHints.hints(trace, trace.parsed().lineStart(line), trace.parsed().lineEnd(line),
                        namesAndSlow, CancelCheck.NONE));
            }
            assertThat(whole).as(file.toString()).isEqualTo(byLine);
            java.util.Map<String, InlayHints.Hint> first = new java.util.HashMap<>();
            for (InlayHints.Hint h : InlayHints.hints(trace, 0, trace.text().length(), ALL, CancelCheck.NONE)) {
                InlayHints.Hint same = first.putIfAbsent(h.kind() + h.label() + "\n" + h.tooltip(), h);
                if (same != null) {
                    assertThat(h.label()).isSameAs(same.label());
                    assertThat(h.tooltip()).isSameAs(same.tooltip());
                    shared++;
                }
            }
        }
        assertThat(shared).isGreaterThan(1000);
    }

    private static String render(String file, int line, InlayHints.Options options) {
        return HintsRender.line(Trace.of(Testdata.read(file)), line, options);
    }

    /**
     * Long ranges, or any range once the fd model is built, read fds from the model; short ones walk back: on every trace made without -y, the two say
     * the same of every line (the model is the ground truth the walk approximates), and the walk is used
     * line by line so that each lookup is a real walk back.
     */
    @Test
    void theFdModelAndTheWalkBackAgree() {
        InlayHints.Options paths = new InlayHints.Options(false, true, false, 0);
        int compared = 0;
        for (Path file : Testdata.traces()) {
            Trace trace = Trace.of(Testdata.read(file));
            if (!trace.model().options().decodeFds().isEmpty() || trace.parsed().lineCount() < 2) {
                continue;
            }
            trace.fds(); // built: hints read it
            List<InlayHints.Hint> whole = InlayHints.hints(trace, 0, trace.text().length(), paths, CancelCheck.NONE);
            java.util.Map<Integer, String> walked = new java.util.HashMap<>();
            Trace fresh = Trace.of(trace.text()); // no fd model built: the walk
            for (int line = 0; line < fresh.parsed().lineCount(); line++) {
                for (InlayHints.Hint h : InlayHints.hints(fresh, fresh.parsed().lineStart(line), fresh.parsed().lineEnd(line),
                        paths, CancelCheck.NONE)) {
                    walked.put(h.offset(), h.label());
                }
            }
            java.util.Map<Integer, String> modelled = new java.util.HashMap<>();
            whole.forEach(h -> modelled.put(h.offset(), h.label()));
            for (var e : walked.entrySet()) {
                int line = trace.parsed().lineAt(e.getKey());
                if (modelled.containsKey(e.getKey())) {
                    assertThat(modelled.get(e.getKey())).as(file + " offset " + e.getKey()).isEqualTo(e.getValue());
                    compared++;
                } else {
                    // the walk guesses for an fd the call itself found closed; the model knows it was
                    assertThat(trace.parsed().errno(line)).as(file + " line " + line).isEqualTo("EBADF");
                }
            }
            for (var e : modelled.entrySet()) {
                // what the model adds: fds received over a socket (SCM_RIGHTS) and returned in hex by -X raw, which
                // the walk cannot follow; the model names the call that made them, no path
                if (!walked.containsKey(e.getKey())) {
                    assertThat(e.getValue()).as(file + " offset " + e.getKey()).matches("<(recvmsg|openat)>");
                }
            }
        }
        assertThat(compared).isPositive();
    }
}
