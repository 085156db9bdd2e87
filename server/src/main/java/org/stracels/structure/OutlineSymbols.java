package org.stracels.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.check.FailedCalls;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.Span;
import org.stracels.structure.Outline.Kind;
import org.stracels.structure.Outline.Symbol;

/** Makes the symbols of {@link Outline}: names, details and ranges, from the lines it reads again. */
final class OutlineSymbols {
    private static final int MAX_DETAIL = 100;

    private final Trace trace;
    private final ParsedTrace parsed;
    private final String text;

    OutlineSymbols(Trace trace) {
        this.trace = trace;
        this.parsed = trace.parsed();
        this.text = trace.text();
    }

    Symbol process(ProcessInfo process, List<Programs.Exec> execs, List<Symbol> children) {
        ParsedLine first = parsed.line(process.firstLine());
        Span selection = first.pidSpan().isPresent() ? first.pidSpan()
                : first.nameSpan().isPresent() ? first.nameSpan() : first.lineSpan();
        String detail = !execs.isEmpty() ? execs.get(execs.size() - 1).commandLine()
                : process.parentPid() < 0 ? ""
                : (process.isThread() ? "thread of pid " : "forked by pid ") + process.parentPid();
        Kind kind = process.isThread() ? Kind.THREAD : Kind.PROCESS;
        return withChildren(new Symbol(Programs.title(trace, process), detail, kind, first.lineStart(),
                parsed.lineEnd(process.lastLine()), selection.start(), selection.end(), List.of()), children);
    }

    /** {@code symbol} with {@code more} children, in text order, its range grown to hold them all. */
    static Symbol withChildren(Symbol symbol, List<Symbol> more) {
        List<Symbol> children = new ArrayList<>(symbol.children());
        children.addAll(more);
        children.sort(Comparator.comparingInt(Symbol::start));
        int start = symbol.start();
        int end = symbol.end();
        for (Symbol c : children) {
            start = Math.min(start, c.start());
            end = Math.max(end, c.end());
        }
        return new Symbol(symbol.name(), symbol.detail(), symbol.kind(), start, end, symbol.selectionStart(),
                symbol.selectionEnd(), List.copyOf(children));
    }

    /** The execve segments of {@code process} holding the events among {@code lines}; events before the first exec alone. */
    List<Symbol> segments(ProcessInfo process, List<Programs.Exec> execs, List<Integer> lines) {
        List<Symbol> result = new ArrayList<>();
        int next = 0;
        while (next < lines.size() && (execs.isEmpty() || lines.get(next) < execs.get(0).entryLine())) {
            result.add(event(lines.get(next++)));
        }
        for (int e = 0; e < execs.size(); e++) {
            Programs.Exec exec = execs.get(e);
            int until = e + 1 < execs.size() ? execs.get(e + 1).entryLine() : Integer.MAX_VALUE;
            List<Symbol> events = new ArrayList<>();
            while (next < lines.size() && lines.get(next) < until) {
                events.add(event(lines.get(next++)));
            }
            int lastLine = e + 1 < execs.size() ? Math.max(exec.resultLine(), until - 1) : process.lastLine();
            Span selection = exec.pathNode() != null ? exec.pathNode().span() : parsed.line(exec.entryLine()).nameSpan();
            result.add(withChildren(new Symbol(exec.path(), exec.commandLine(), Kind.EXEC,
                    parsed.lineStart(exec.entryLine()), parsed.lineEnd(Math.max(lastLine, exec.resultLine())),
                    selection.start(), selection.end(), List.of()), events));
        }
        return result;
    }

    /** A notable line: a failed call, a signal, an exit, a kill, a detach. */
    Symbol event(int i) {
        ParsedLine line = parsed.line(i);
        return switch (line.kind()) {
            case SIGNAL -> symbol(line.name() != null ? line.name() : "signal",
                    cut(line.argsSpan().text(text)), Kind.SIGNAL, line, line.nameSpan());
            case STOPPED -> symbol("stopped by " + line.name(), "", Kind.SIGNAL, line, line.nameSpan());
            case EXITED -> symbol("exited with " + line.number(), "", Kind.EXIT, line, line.detailSpan());
            case KILLED -> symbol("killed by " + line.name() + (line.coreDumped() ? " (core dumped)" : ""), "",
                    Kind.KILLED, line, line.nameSpan());
            case DETACHED -> symbol("detached", line.name() != null ? "strace let go of it in " + line.name() : "",
                    Kind.ENDED, line, line.tailSpan());
            default -> failedCall(i, line);
        };
    }

    private Symbol failedCall(int i, ParsedLine line) {
        int entry = FailedCalls.entryLine(parsed, trace.model(), i);
        String path = FailedCalls.firstString(parsed, entry);
        String message = line.errnoTextSpan().isPresent() ? line.errnoTextSpan().text(text) : "";
        String detail = path != null && !path.isEmpty() ? cut(path) : message;
        Span selection = line.errnoSpan().isPresent() ? line.errnoSpan() : line.returnValueSpan();
        String name = (line.name() != null ? line.name() : "call") + " → " + line.errno();
        return new Symbol(name, detail, Kind.FAILED_CALL, parsed.lineStart(entry), line.lineEnd(),
                selection.start(), selection.end(), List.of());
    }

    /** How a thread ended that is not on its own line: superseded by its own execve. */
    List<Symbol> ending(ProcessInfo process, List<Integer> events) {
        if (process.ending() != ProcessInfo.Ending.SUPERSEDED || process.endLine() < 0) {
            return List.of();
        }
        ParsedLine line = parsed.line(process.endLine());
        return List.of(symbol("superseded by its execve", process.endingText(), Kind.ENDED, line, line.detailSpan()));
    }

    /** "… 12 more events": from the first event left out to the last. */
    Symbol more(List<Integer> events, int kept, int left) {
        int first = events.get(kept);
        int last = first;
        for (int i = kept; i < events.size(); i++) {
            if (!Outline.isEnding(parsed, events.get(i))) {
                last = events.get(i);
            }
        }
        String name = String.format("… %,d more event%s", left, left == 1 ? "" : "s");
        return new Symbol(name, "left out of the outline (setting strace.outline.maxEventsPerProcess)", Kind.MORE,
                parsed.lineStart(first), parsed.lineEnd(last), parsed.lineStart(first), parsed.lineStart(first),
                List.of());
    }

    private static Symbol symbol(String name, String detail, Kind kind, ParsedLine line, Span selection) {
        Span s = selection.isPresent() ? selection : line.lineSpan();
        return new Symbol(name, detail, kind, line.lineStart(), line.lineEnd(), s.start(), s.end(), List.of());
    }

    /** One line, not too long: control characters as escapes (a decoded path may hold a newline). */
    private static String cut(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_DETAIL + 8));
        int i = 0;
        for (; i < s.length() && b.length() < MAX_DETAIL; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return i == s.length() ? b.toString() : b + "…";
    }
}
