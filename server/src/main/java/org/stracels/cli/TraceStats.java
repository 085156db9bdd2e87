package org.stracels.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stracels.analysis.DetectedOptions;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.cause.HiddenErrors;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * Counts over a whole trace, made in one pass over the parsed index (no line is re-read, so a million lines
 * take milliseconds). A call is counted once: on its complete line, on its resumed half, or on an unfinished
 * half that never resumed; a detached line is a call too, and so is a line the program's output cut in two.
 */
final class TraceStats {
    /** Calls, failures and -T time of one syscall name. */
    static final class Syscall {
        final String name;
        int calls;
        int errors;
        long nanos;

        Syscall(String name) {
            this.name = name;
        }
    }

    final int lines;
    final Map<LineKind, Integer> kinds;
    final DetectedOptions options;
    final List<ProcessInfo> processes;
    /** errno → failed calls, most frequent first. */
    final List<Map.Entry<String, Integer>> failedCalls;
    /** Most called first. */
    final List<Syscall> syscalls;
    /** signal name → deliveries, most frequent first. */
    final List<Map.Entry<String, Integer>> signals;
    /** Whether any line has a -T duration; without one the times below mean nothing. */
    final boolean timed;
    final long totalNanos;
    final int totalCalls;
    final int totalErrors;

    private TraceStats(int lines, Map<LineKind, Integer> kinds, DetectedOptions options, List<ProcessInfo> processes,
            List<Map.Entry<String, Integer>> failedCalls, List<Syscall> syscalls, List<Map.Entry<String, Integer>> signals,
            boolean timed, long totalNanos) {
        this.lines = lines;
        this.kinds = kinds;
        this.options = options;
        this.processes = processes;
        this.failedCalls = failedCalls;
        this.syscalls = syscalls;
        this.signals = signals;
        this.timed = timed;
        this.totalNanos = totalNanos;
        this.totalCalls = syscalls.stream().mapToInt(s -> s.calls).sum();
        this.totalErrors = syscalls.stream().mapToInt(s -> s.errors).sum();
    }

    static TraceStats of(Trace trace) {
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        int n = parsed.lineCount();
        int[] kindCounts = new int[LineKind.values().length];
        // indexed by the parser's name id: no string hashing per line
        int names = parsed.names().size();
        int[] calls = new int[names];
        int[] errors = new int[names];
        long[] nanos = new long[names];
        int[] signalCounts = new int[names];
        boolean[] hides = new boolean[names];
        for (int id = 0; id < names; id++) {
            hides[id] = HiddenErrors.mayHide(parsed.names().get(id));
        }
        Map<String, Integer> errnos = new HashMap<>();
        boolean timed = false;
        long total = 0;
        int partialName = -1;
        for (int i = 0; i < n; i++) {
            LineKind kind = parsed.kind(i);
            kindCounts[kind.ordinal()]++;
            int name = parsed.nameId(i);
            if (kind == LineKind.PARTIAL) {
                partialName = name;
            } else if (kind == LineKind.CONTINUATION && partialName >= 0) {
                if (!endsUnfinished(parsed, i)) {
                    calls[partialName]++;
                }
                partialName = -1;
            }
            long d = parsed.durationNanos(i);
            if (d >= 0) {
                timed = true;
                total += d;
            }
            boolean failed = parsed.returnKind(i) == ReturnKind.ERROR;
            // an errno inside a result that succeeded (getsockopt SO_ERROR, POLLERR) is a failure too
            HiddenErrors.Hidden hidden = !failed && name >= 0 && hides[name] ? HiddenErrors.of(trace, i) : null;
            failed |= hidden != null;
            if (failed) {
                String errno = hidden != null ? hidden.code() : parsed.errno(i);
                errnos.merge(errno == null ? "?" : errno, 1, Integer::sum);
            }
            if (name < 0) {
                continue;
            }
            if (kind == LineKind.SIGNAL) {
                signalCounts[name]++;
                continue;
            }
            if (isCall(kind, model, i)) {
                calls[name]++;
            }
            if (failed) {
                errors[name]++;
            }
            if (d >= 0) {
                nanos[name] += d;
            }
        }
        Map<LineKind, Integer> kinds = new EnumMap<>(LineKind.class);
        for (LineKind k : LineKind.values()) {
            kinds.put(k, kindCounts[k.ordinal()]);
        }
        List<Syscall> syscalls = new ArrayList<>();
        List<Map.Entry<String, Integer>> signals = new ArrayList<>();
        for (int id = 0; id < names; id++) {
            String name = parsed.names().get(id);
            if (calls[id] > 0 || errors[id] > 0 || nanos[id] > 0) {
                Syscall s = new Syscall(name);
                s.calls = calls[id];
                s.errors = errors[id];
                s.nanos = nanos[id];
                syscalls.add(s);
            }
            if (signalCounts[id] > 0) {
                signals.add(Map.entry(name, signalCounts[id]));
            }
        }
        syscalls.sort(Comparator.comparingInt((Syscall s) -> -s.calls).thenComparing(s -> s.name));
        return new TraceStats(n, kinds, model.options(), model.processes(), byCount(errnos.entrySet()), syscalls,
                byCount(signals), timed, total);
    }

    /** One line per call: halves of a pair are counted at the resumed half, a lone unfinished half by itself. */
    private static boolean isCall(LineKind kind, TraceModel model, int line) {
        return switch (kind) {
            case SYSCALL, RESUMED, DETACHED, PID_CHANGED -> true;
            case UNFINISHED -> model.partner(line) < 0;
            default -> false;
        };
    }

    /**
     * A line cut in two by the program's output is counted at its rest, unless the rest shows it was only the
     * unfinished half: then its resumed half counts it.
     */
    private static boolean endsUnfinished(ParsedTrace parsed, int line) {
        String marker = "<unfinished ...>";
        int end = parsed.lineEnd(line);
        return end - marker.length() >= parsed.lineStart(line) && parsed.text().startsWith(marker, end - marker.length());
    }

    private static List<Map.Entry<String, Integer>> byCount(Iterable<? extends Map.Entry<String, Integer>> counts) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts) {
            list.add(Map.entry(e.getKey(), e.getValue()));
        }
        list.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list;
    }
}
