package org.stracels.cause;

import org.stracels.analysis.IntList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * The names one process group used between two lines: every quoted string of its calls (not the data of
 * writes and reads), by its text and by its last path component. Read once per reported error, by scanning
 * for quotes rather than parsing, so that the ranking can ask cheaply whether the program came back to a
 * path, created it, or found a file of the same name elsewhere.
 */
final class Window {
    /** A use of a name: the line and the name as printed. */
    record Use(int line, String raw) { }

    private static final int MAX_LITERAL = 4096;

    private final Trace trace;
    private final Map<String, IntList> byText = new HashMap<>();
    private final Map<String, List<Use>> byBase = new HashMap<>();

    private Window(Trace trace) {
        this.trace = trace;
    }

    static Window of(TraceScan scan, int group, int from, int to, CancelCheck cancel) {
        Trace trace = scan.trace();
        ParsedTrace parsed = trace.parsed();
        Window window = new Window(trace);
        List<String> names = parsed.names();
        boolean[] data = new boolean[names.size()];
        for (int id = 0; id < data.length; id++) {
            data[id] = FailedCall.isDataCall(names.get(id));
        }
        String text = parsed.text();
        int quote = -1; // the next quote at or after the line being read (indexOf is fast; lines are read in order)
        for (int i = Math.max(0, from); i < to; i++) {
            cancel.checkEvery(i);
            int name = parsed.nameId(i);
            if (name < 0 || data[name] || !parsed.kind(i).isSyscall() || scan.groupOfLine(i) != group) {
                continue;
            }
            int end = parsed.lineEnd(i);
            int start = parsed.lineStart(i);
            if (quote < start && quote != Integer.MAX_VALUE) {
                quote = text.indexOf('"', start);
                quote = quote < 0 ? Integer.MAX_VALUE : quote;
            }
            if (quote >= end) {
                continue;
            }
            for (int p = quote; p < end; p++) {
                if (text.charAt(p) != '"') {
                    continue;
                }
                int q = p + 1;
                while (q < end && text.charAt(q) != '"') {
                    q += text.charAt(q) == '\\' ? 2 : 1;
                }
                if (q >= end) {
                    break;
                }
                if (q > p + 1 && q - p <= MAX_LITERAL) {
                    window.add(text.substring(p + 1, q), i);
                }
                p = q;
            }
        }
        return window;
    }

    private void add(String raw, int line) {
        byText.computeIfAbsent(raw, k -> new IntList()).add(line);
        String base = base(raw);
        if (base != null) {
            byBase.computeIfAbsent(base, k -> new ArrayList<>()).add(new Use(line, raw));
        }
    }

    /** The last component of a path, when it is long enough to mean something; else null. */
    static String base(String path) {
        int slash = path.lastIndexOf('/');
        String base = slash < 0 ? path : path.substring(slash + 1);
        return base.length() >= 3 ? base : null;
    }

    /** The first line after {@code after} whose call names {@code raw} and passes {@code ok}, or -1. */
    int firstUse(String raw, int after, IntPredicate ok) {
        IntList lines = byText.get(raw);
        if (lines == null) {
            return -1;
        }
        for (int k = 0; k < lines.size(); k++) {
            int line = lines.get(k);
            if (line > after && ok.test(line)) {
                return line;
            }
        }
        return -1;
    }

    /** The first call after {@code after} that succeeded on another path with the same last component, or null. */
    Use foundElsewhere(String raw, int after) {
        String base = base(raw);
        List<Use> uses = base == null ? null : byBase.get(base);
        if (uses == null) {
            return null;
        }
        for (Use use : uses) {
            if (use.line() > after && !use.raw().equals(raw) && succeeded(use.line())) {
                return use;
            }
        }
        return null;
    }

    /** Whether the call on (or starting on) {@code line} succeeded. */
    boolean succeeded(int line) {
        ParsedTrace parsed = trace.parsed();
        int result = line;
        if (parsed.kind(line) == LineKind.UNFINISHED && trace.model().partner(line) > line) {
            result = trace.model().partner(line);
        }
        return parsed.returnKind(result) == ReturnKind.VALUE;
    }
}
