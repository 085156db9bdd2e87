package org.stracels.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every syscall line (and siginfo) of every trace under testdata/ reads without problems, into spans that
 * nest properly, stay inside the argument text and cover all of it but separators.
 */
class ArgParserTestdataTest {

    static Path testdataDir() {
        return Paths.get(System.getProperty("testdata.dir", "../testdata"));
    }

    /** The traces: every file under testdata/ except the C sources, the README and the script. */
    static List<Path> traces() {
        try (Stream<Path> files = Files.walk(testdataDir())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !testdataDir().relativize(f).startsWith("src"))
                    .filter(f -> !f.toString().endsWith(".md") && !f.toString().endsWith(".sh"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * In a stderr capture the program's own output can land inside a one-line {@code write(2, "ls: ", 4)}
     * right after the length (§13): {@code write(2, "ls: ", 4ls: ) = 4}. The line parser cannot see it; the
     * argument text is not strace's, so these lines must report problems instead.
     */
    private static final Pattern SPLICED_WRITE = Pattern.compile("[12], \"(?:[^\"\\\\]|\\\\.)*\"(?:\\.\\.\\.)?, [0-9]+[^0-9].*");

    static boolean splicedWrite(Path file, ParsedTrace trace, int i, String args) {
        return file.toString().endsWith(".stderr.strace") && "write".equals(trace.name(i))
                && SPLICED_WRITE.matcher(args).matches();
    }

    @Test
    void everySyscallLineOfEveryTraceParsesCleanly() {
        List<Path> traces = traces();
        assertThat(traces).hasSizeGreaterThan(50);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int spliced = 0;
        for (Path file : traces) {
            ParsedTrace trace = TraceParser.parse(read(file));
            String text = trace.text();
            for (int i = 0; i < trace.lineCount(); i++) {
                LineKind kind = trace.kind(i);
                if (!kind.isSyscall() && kind != LineKind.SIGNAL) {
                    continue;
                }
                Span args = trace.line(i).argsSpan();
                if (!args.isPresent()) {
                    continue;
                }
                checked++;
                ArgList list = ArgParser.parse(text, args);
                String where = testdataDir().relativize(file) + ":" + (i + 1);
                List<String> broken = new ArrayList<>(invariantViolations(text, list));
                if (kind == LineKind.PARTIAL || splicedWrite(file, trace, i, args.text(text))) {
                    // ends in or holds the program's text (`write(1, "hi\n", 3hi`): only the shape is checked
                    if (!list.hasProblems() && kind != LineKind.PARTIAL) {
                        broken.add("a spliced write should report problems");
                    }
                    spliced++;
                } else {
                    list.problems().forEach(pr -> broken.add("problem at +" + (pr.offset() - args.start()) + ": " + pr.message()));
                }
                if (!broken.isEmpty()) {
                    failures.add(where + " [" + kind.id() + "] " + args.text(text) + "\n    " + String.join("\n    ", broken));
                }
            }
        }
        failures.forEach(System.out::println);
        System.out.println("ArgParserTestdataTest: " + checked + " argument spans, " + spliced + " of them cut or spliced");
        assertThat(checked).isGreaterThan(5000);
        assertThat(spliced).as("the stderr captures hold cut and spliced lines").isPositive();
        assertThat(failures).as("lines whose arguments do not parse cleanly").isEmpty();
    }

    /**
     * What must hold for any input: nodes nest, lie in the span in text order, and the top-level nodes cover
     * all of it but blanks and commas.
     */
    static List<String> invariantViolations(CharSequence text, ArgList list) {
        List<String> out = new ArrayList<>();
        int from = list.start();
        int to = list.end();
        checkNested(list.nodes(), from, to, out);
        int pos = from;
        for (ArgNode n : list.nodes()) {
            for (int i = Math.max(pos, from); i < Math.min(n.start(), to); i++) {
                char c = text.charAt(i);
                if (c != ',' && c != ' ' && c != '\t') {
                    out.add("not covered at +" + (i - from) + ": '" + c + "'");
                    break;
                }
            }
            pos = n.end();
        }
        for (int i = Math.max(pos, from); i < to; i++) {
            char c = text.charAt(i);
            if (c != ',' && c != ' ' && c != '\t') {
                out.add("not covered at +" + (i - from) + ": '" + c + "'");
                break;
            }
        }
        for (ArgList.Problem pr : list.problems()) {
            if (pr.offset() < from || pr.offset() > to) {
                out.add("problem outside the span: " + pr);
            }
        }
        return out;
    }

    private static void checkNested(List<ArgNode> nodes, int from, int to, List<String> out) {
        int pos = from;
        for (ArgNode n : nodes) {
            if (n == null) {
                out.add("null child");
                continue;
            }
            if (n.start() < pos || n.end() > to || n.end() < n.start()) {
                out.add(n + " is not inside [" + pos + "," + to + ")");
                return;
            }
            if (n.end() == n.start() && n.kind() != ArgKind.OTHER) {
                out.add(n + " is empty");
            }
            checkNested(n.children(), n.start(), n.end(), out);
            pos = n.end();
        }
    }
}
