package org.stracels.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.Span;

/**
 * Finds things in a trace by name, for workspace/symbol: processes by pid or program, calls by syscall name,
 * and calls by a path they name. A query whose first word is a syscall of the trace finds that syscall's
 * calls, narrowed by the rest ({@code openat /etc/passwd}); any other query finds processes whose pid starts
 * with it or whose program contains it, and calls whose strings (or -y fd paths) contain it.
 */
public final class WorkspaceSymbols {
    /** Paths shorter than this are not searched for: one or two letters match everywhere. */
    private static final int MIN_NEEDLE = 2;

    public enum Kind { PROCESS, THREAD, CALL }

    /**
     * One match: {@code name} says what it is ({@code openat /etc/passwd}), {@code container} which process;
     * {@code start}/{@code end} are offsets of the token that matched.
     */
    public record Hit(String name, Kind kind, String container, int start, int end) { }

    private WorkspaceSymbols() {
    }

    public static List<Hit> search(Trace trace, String query, int limit, CancelCheck cancel) {
        List<Hit> hits = new ArrayList<>();
        String q = query == null ? "" : query.trim();
        String[] words = q.isEmpty() ? new String[0] : q.split("\\s+", 2);
        int syscall = words.length > 0 ? trace.parsed().names().indexOf(words[0]) : -1;
        if (syscall >= 0 && trace.parsed().names().get(syscall).equals(words[0])) {
            calls(trace, syscall, words.length > 1 ? words[1] : "", limit, hits, cancel);
            return hits;
        }
        processes(trace, q, limit, hits);
        if (q.length() >= MIN_NEEDLE) {
            paths(trace, -1, q, limit, hits, cancel);
        }
        return hits;
    }

    private static void processes(Trace trace, String query, int limit, List<Hit> hits) {
        String needle = query.toLowerCase(Locale.ROOT);
        for (ProcessInfo p : trace.model().processes()) {
            if (hits.size() >= limit) {
                return;
            }
            if (p.firstLine() < 0) {
                continue;
            }
            String program = Programs.program(trace, p);
            boolean pid = p.pid() >= 0 && Integer.toString(p.pid()).startsWith(query);
            boolean name = program != null && program.toLowerCase(Locale.ROOT).contains(needle);
            if (!query.isEmpty() && !pid && !name) {
                continue;
            }
            ParsedLine first = trace.parsed().line(p.firstLine());
            Span at = first.pidSpan().isPresent() ? first.pidSpan() : first.lineSpan();
            hits.add(new Hit(Programs.title(trace, p), p.isThread() ? Kind.THREAD : Kind.PROCESS, "", at.start(), at.end()));
        }
    }

    /** The calls of syscall {@code nameId}, those naming {@code path} when it is not empty. */
    private static void calls(Trace trace, int nameId, String path, int limit, List<Hit> hits, CancelCheck cancel) {
        if (!path.isEmpty()) {
            paths(trace, nameId, path, limit, hits, cancel);
            return;
        }
        ParsedTrace parsed = trace.parsed();
        for (int i = 0; i < parsed.lineCount() && hits.size() < limit; i++) {
            cancel.checkEvery(i);
            if (parsed.nameId(i) == nameId && parsed.kind(i).isSyscall()) {
                ParsedLine line = parsed.line(i);
                String first = firstPath(trace, line);
                hits.add(hit(trace, i, line.name() + (first != null ? " " + first : ""), line.nameSpan()));
            }
        }
    }

    /** Calls (of syscall {@code nameId}, or any when -1) with a string or fd path containing {@code needle}. */
    private static void paths(Trace trace, int nameId, String needle, int limit, List<Hit> hits, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        String text = trace.text();
        int lastLine = -1;
        int checks = 0;
        for (int at = text.indexOf(needle); at >= 0 && hits.size() < limit; at = text.indexOf(needle, at + 1)) {
            cancel.checkEvery(++checks);
            int i = parsed.lineAt(at);
            if (i == lastLine || !parsed.kind(i).isSyscall() || (nameId >= 0 && parsed.nameId(i) != nameId)) {
                continue;
            }
            ParsedLine line = parsed.line(i);
            if (!line.argsSpan().contains(at)) {
                continue;
            }
            ArgNode node = ArgParser.parse(text, line.argsSpan()).nodeAt(at);
            if (node == null || node.kind() != ArgKind.STRING && node.kind() != ArgKind.FD) {
                continue; // the needle is inside a number or a name, not a path
            }
            lastLine = i;
            String path = node.kind() == ArgKind.FD ? node.decorationSpan().text(text) : node.content();
            hits.add(hit(trace, i, line.name() + " " + path, node.kind() == ArgKind.FD ? node.decorationSpan() : node.span()));
        }
    }

    private static String firstPath(Trace trace, ParsedLine line) {
        if (!line.argsSpan().isPresent()) {
            return null;
        }
        for (ArgNode arg : ArgParser.parse(trace.text(), line.argsSpan()).nodes()) {
            if (arg.kind() == ArgKind.STRING) {
                return arg.content(); // as strace printed it: escapes stay escapes, a name stays one line
            }
        }
        return null;
    }

    private static Hit hit(Trace trace, int line, String name, Span at) {
        int process = trace.model().processOf(line);
        String container = process >= 0 ? Programs.title(trace, trace.model().process(process)) : "";
        return new Hit(name, Kind.CALL, container, at.start(), at.end());
    }
}
