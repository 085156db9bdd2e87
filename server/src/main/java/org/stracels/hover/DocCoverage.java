package org.stracels.hover;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stracels.analysis.Trace;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;

/**
 * How much of a trace the hover explains: every syscall name, constant, errno and signal token is hovered
 * the way an editor would, and counted as documented when the hover has text.
 */
public final class DocCoverage {
    /** Kinds of token counted. */
    public enum TokenKind { SYSCALL, CONSTANT, ERRNO, SIGNAL }

    /** Counts for one kind, and the distinct tokens that had no documentation. */
    public record Count(int tokens, int documented, List<String> undocumented) {
        public double share() {
            return tokens == 0 ? 1.0 : (double) documented / tokens;
        }
    }

    private DocCoverage() {
    }

    public static Map<TokenKind, Count> of(Trace trace) {
        Counter c = new Counter();
        c.add(trace, 0, trace.parsed().lineCount());
        return c.result();
    }

    /** Counts lines {@code from}..{@code to} of one trace window after another (a big file read in windows). */
    public static final class Counter {
        private final Map<TokenKind, int[]> counts = new TreeMap<>();
        private final Map<TokenKind, List<String>> missing = new TreeMap<>();

        public Counter() {
            for (TokenKind kind : TokenKind.values()) {
                counts.put(kind, new int[2]);
                missing.put(kind, new ArrayList<>());
            }
        }

        public Map<TokenKind, Count> result() {
            Map<TokenKind, Count> result = new TreeMap<>();
            counts.forEach((k, c) -> result.put(k, new Count(c[0], c[1], List.copyOf(missing.get(k)))));
            return result;
        }

        public void add(Trace trace, int from, int to) {
            ParsedTrace parsed = trace.parsed();
            String text = trace.text();
            for (int i = from; i < to; i++) {
                LineKind kind = parsed.kind(i);
                if (kind == LineKind.PARTIAL || kind == LineKind.CONTINUATION) {
                    continue; // the program's output is spliced into these
                }
                ParsedLine line = parsed.line(i);
                if (kind.isSyscall()) {
                    count(trace, line.nameSpan().start(), line.name(), TokenKind.SYSCALL, counts, missing);
                    if (line.errno() != null) {
                        count(trace, line.errnoSpan().start(), line.errno(), TokenKind.ERRNO, counts, missing);
                    }
                } else if (kind == LineKind.SIGNAL || kind == LineKind.KILLED || kind == LineKind.STOPPED) {
                    count(trace, line.nameSpan().start(), line.name(), TokenKind.SIGNAL, counts, missing);
                } else {
                    continue;
                }
                if (!line.argsSpan().isPresent()) {
                    continue;
                }
                ArgList args = ArgParser.parse(text, line.argsSpan());
                List<ArgNode> stack = new ArrayList<>(args.nodes());
                while (!stack.isEmpty()) {
                    ArgNode node = stack.remove(stack.size() - 1);
                    stack.addAll(node.children());
                    if (node.kind() == ArgKind.SYMBOL && isConstant(node.text())) {
                        count(trace, node.start(), node.text(), TokenKind.CONSTANT, counts, missing);
                    }
                    if (node.kind() == ArgKind.COMMENT && node.content().matches("[A-Z][A-Z0-9_|]*")) {
                        for (String name : node.content().split("\\|")) {
                            if (!Character.isLetter(name.charAt(0))) {
                                continue; // the permission bits of S_IFREG|0644
                            }
                            // -X verbose names: the hover on the comment explains each one
                            countNamed(trace, node.start(), name, counts, missing);
                        }
                    }
                }
            }
        }
    }

    /** Upper-case names: {@code O_RDONLY}, {@code SIGCHLD}, {@code TERM}; not {@code NULL} or field names. */
    static boolean isConstant(String word) {
        return word.length() >= 2 && !word.equals("NULL") && word.chars().allMatch(c -> (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '_') && Character.isUpperCase(word.charAt(0));
    }

    private static void countNamed(Trace trace, int offset, String name, Map<TokenKind, int[]> counts,
            Map<TokenKind, List<String>> missing) {
        int[] c = counts.get(TokenKind.CONSTANT);
        c[0]++;
        boolean documented = HoverProvider.hover(trace, offset, HoverOptions.WITHOUT_MAN_PAGES)
                .map(h -> h.markdown().contains("`" + name + "` (") || h.markdown().contains("`" + name + "`: "))
                .orElse(false);
        if (documented) {
            c[1]++;
        } else if (!missing.get(TokenKind.CONSTANT).contains(name)) {
            missing.get(TokenKind.CONSTANT).add(name);
        }
    }

    private static void count(Trace trace, int offset, String token, TokenKind kind, Map<TokenKind, int[]> counts,
            Map<TokenKind, List<String>> missing) {
        int[] c = counts.get(kind);
        c[0]++;
        boolean documented = HoverProvider.hover(trace, offset, HoverOptions.WITHOUT_MAN_PAGES)
                .map(h -> !h.markdown().isBlank() && !h.markdown().contains("has no description"))
                .orElse(false);
        if (documented) {
            c[1]++;
        } else if (!missing.get(kind).contains(token)) {
            missing.get(kind).add(token);
        }
    }
}
