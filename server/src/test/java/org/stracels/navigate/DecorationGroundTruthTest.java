package org.stracels.navigate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stracels.Testdata;
import org.stracels.analysis.FdModel;
import org.stracels.analysis.FdNames;
import org.stracels.analysis.Trace;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedLine;

/**
 * The -y/-yy decorations are the ground truth of which file an fd is: for every decorated fd in every
 * decorated testdata trace, go to definition must land on the fd number of a call that made an fd naming
 * the same file (or, for an fd open before the trace began, on the first line of a process, with every use
 * of it naming one file). -ff folders are left out: a file of one process cannot see what its threads did.
 */
class DecorationGroundTruthTest {
    /** A decorated fd in the trace: where its number is, and its decoration. */
    private record Shown(int line, int number, String decoration) { }

    @Test
    void everyDecoratedFdGoesToTheCallThatMadeThatFile() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        int inherited = 0;
        int files = 0;
        for (Path file : Testdata.traces()) {
            if (file.getParent().getFileName().toString().endsWith("ff")) {
                continue;
            }
            Trace trace = Trace.of(Testdata.read(file));
            String decoration = trace.model().options().decodeFds();
            if (decoration == null || decoration.isEmpty()) {
                continue;
            }
            files++;
            corrections(trace, file, mismatches);
            List<String> inheritedNames = new ArrayList<>();
            List<Integer> inheritedTargets = new ArrayList<>();
            for (Shown shown : decoratedFds(trace)) {
                checked++;
                String where = file.getFileName() + ":" + (shown.line + 1) + " fd " + number(trace, shown.number)
                        + "<" + shown.decoration + ">";
                List<Place> places = Definition.find(trace, shown.number, CancelCheck.NONE);
                if (places.isEmpty()) {
                    mismatches.add(where + ": no definition");
                    continue;
                }
                Place target = places.get(0);
                String made = madeAt(trace, target.start());
                if (made == null) {
                    int targetLine = trace.parsed().lineAt(target.start());
                    boolean wholeLine = target.start() == trace.parsed().lineStart(targetLine)
                            && target.end() == trace.parsed().lineEnd(targetLine);
                    if (!wholeLine) {
                        mismatches.add(where + ": goes to line " + (targetLine + 1) + ", which makes no fd there: "
                                + trace.text().substring(trace.parsed().lineStart(targetLine), trace.parsed().lineEnd(targetLine)));
                        continue;
                    }
                    // inherited: every use going to the same line with the same number must name one file
                    inherited++;
                    String key = targetLine + "/" + number(trace, shown.number);
                    int k = inheritedNames.indexOf(key);
                    if (k < 0) {
                        inheritedNames.add(key);
                        inheritedTargets.add(shown.line);
                        inheritedNames.add(shown.decoration);
                    } else if (!FdNames.sameObject(inheritedNames.get(k + 1), shown.decoration)) {
                        mismatches.add(where + ": inherited fd was " + inheritedNames.get(k + 1) + " at line "
                                + (inheritedTargets.get(k / 2) + 1));
                    }
                } else if (!FdNames.sameObject(made, shown.decoration)) {
                    mismatches.add(where + ": goes to line " + (trace.parsed().lineAt(target.start()) + 1)
                            + ", which made " + made);
                }
            }
        }
        System.out.printf("DecorationGroundTruthTest: %d decorated fds in %d traces, %d of them inherited%n",
                checked, files, inherited);
        assertThat(files).isGreaterThanOrEqualTo(5);
        assertThat(checked).isGreaterThan(2500);
        assertThat(mismatches).as("definitions that disagree with the decorations").isEmpty();
    }

    /**
     * The model must agree with the decorations on its own: no instance it could not explain (INFERRED) and no
     * life a decoration or a new fd had to end behind its back (REPLACED_UNSEEN).
     */
    private static void corrections(Trace trace, Path file, List<String> mismatches) {
        FdModel fds = trace.fds();
        for (int i = 0; i < fds.instanceCount(); i++) {
            FdModel.FdInstance instance = fds.instance(i);
            if (instance.origin() == FdModel.Origin.INFERRED) {
                mismatches.add(file.getFileName() + ":" + (instance.line() + 1) + " fd " + instance.fd()
                        + ": the model did not know where it came from");
            }
            for (FdModel.FdLife life : fds.lives(i)) {
                if (life.end() == FdModel.End.REPLACED_UNSEEN) {
                    mismatches.add(file.getFileName() + ":" + (life.endLine() + 1) + " fd " + instance.fd()
                            + ": the model still had it open (made on line " + (instance.line() + 1) + ")");
                }
            }
        }
    }

    /** Every fd with a decoration: in the arguments (also inside structures) and as a result. */
    private static List<Shown> decoratedFds(Trace trace) {
        List<Shown> all = new ArrayList<>();
        String text = trace.text();
        for (int i = 0; i < trace.parsed().lineCount(); i++) {
            if (!trace.parsed().kind(i).isSyscall()) {
                continue;
            }
            ParsedLine line = trace.parsed().line(i);
            for (ArgNode arg : ArgParser.parse(text, line.argsSpan()).nodes()) {
                collect(arg, i, all);
            }
            if (line.returnDecorationSpan().isPresent() && text.charAt(line.returnDecorationSpan().start()) == '<') {
                all.add(new Shown(i, line.returnValueSpan().start(), decoration(line.returnDecorationSpan().text(text))));
            }
        }
        return all;
    }

    private static void collect(ArgNode node, int line, List<Shown> all) {
        if (node.kind() == ArgKind.FD) {
            if (node.fdNumber().orElse(-1) >= 0) {
                all.add(new Shown(line, node.value().start(), textOf(node)));
            }
            return;
        }
        for (ArgNode child : node.children()) {
            collect(child, line, all);
        }
    }

    /** The decoration of an FD node, read from the node's own text. */
    private static String textOf(ArgNode fd) {
        String whole = fd.text();
        int from = fd.decorationSpan().start() - fd.start();
        int to = fd.decorationSpan().end() - fd.start();
        return whole.substring(from, to);
    }

    /** What the fd whose number starts at {@code offset} was made as: the decoration there, or null if none. */
    private static String madeAt(Trace trace, int offset) {
        int i = trace.parsed().lineAt(offset);
        ParsedLine line = trace.parsed().line(i);
        String text = trace.text();
        if (line.returnValueSpan().isPresent() && line.returnValueSpan().start() == offset
                && line.returnDecorationSpan().isPresent()) {
            return decoration(line.returnDecorationSpan().text(text));
        }
        for (ArgNode arg : ArgParser.parse(text, line.argsSpan()).nodes()) {
            String made = madeIn(arg, offset);
            if (made != null) {
                return made;
            }
        }
        return null;
    }

    /** An array element (pipe, socketpair, SCM_RIGHTS) whose number starts at {@code offset}. */
    private static String madeIn(ArgNode node, int offset) {
        if (node.kind() == ArgKind.ARRAY) {
            for (ArgNode element : node.children()) {
                if (element.kind() == ArgKind.FD && element.value().start() == offset) {
                    return textOf(element);
                }
            }
        }
        for (ArgNode child : node.children()) {
            String made = madeIn(child, offset);
            if (made != null) {
                return made;
            }
        }
        return null;
    }

    /** {@code </a>(deleted)} → {@code /a}. */
    private static String decoration(String d) {
        if (d.endsWith("(deleted)")) {
            d = d.substring(0, d.length() - "(deleted)".length());
        }
        return FdNames.inner(d);
    }

    private static String number(Trace trace, int offset) {
        return trace.text().substring(offset, Cursor.number(trace.text(), offset).end());
    }
}
