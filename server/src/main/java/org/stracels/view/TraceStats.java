package org.stracels.view;

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
import org.stracels.stream.TraceWindow;

/**
 * Counts over a whole trace, made in one pass over the parsed index (no line is re-read, so a million lines
 * take milliseconds). A call is counted once: on its complete line, on its resumed half, or on an unfinished
 * half that never resumed; a detached line is a call too, and so is a line the program's output cut in two.
 */
public final class TraceStats {
    /** Calls, failures and -T time of one syscall name. */
    public static final class Syscall {
        public final String name;
        public int calls;
        public int errors;
        public long nanos;

        Syscall(String name) {
            this.name = name;
        }
    }

    public final int lines;
    public final Map<LineKind, Integer> kinds;
    public final DetectedOptions options;
    public final List<ProcessInfo> processes;
    /** errno → failed calls, most frequent first. */
    public final List<Map.Entry<String, Integer>> failedCalls;
    /** Most called first. */
    public final List<Syscall> syscalls;
    /** signal name → deliveries, most frequent first. */
    public final List<Map.Entry<String, Integer>> signals;
    /** Whether any line has a -T duration; without one the times below mean nothing. */
    public final boolean timed;
    public final long totalNanos;
    public final int totalCalls;
    public final int totalErrors;

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

    /** The counts of a trace in memory. */
    public static TraceStats of(Trace trace) {
        Counter c = new Counter();
        TraceWindow whole = TraceWindow.whole(trace);
        c.add(whole);
        return c.finish(trace.model().processes(), trace.parsed().lineCount());
    }

    /**
     * Counts a trace window by window ({@link org.stracels.stream.WindowScanner}): each window's own lines are
     * counted once, names as text, so that windows with their own name tables add up.
     */
    public static final class Counter {
        private final int[] kindCounts = new int[LineKind.values().length];
        private final Map<String, Syscall> byName = new HashMap<>();
        private final Map<String, Integer> signalCounts = new HashMap<>();
        private final Map<String, Integer> errnos = new HashMap<>();
        private DetectedOptions options;
        private boolean timed;
        private long total;
        private String partialName;

        public void add(TraceWindow window) {
            Trace trace = window.trace();
            ParsedTrace parsed = trace.parsed();
            TraceModel model = trace.model();
            int names = parsed.names().size();
            // indexed by the window's name ids: no string hashing per line
            int[] calls = new int[names];
            int[] errors = new int[names];
            long[] nanos = new long[names];
            int[] signals = new int[names];
            boolean[] hides = new boolean[names];
            for (int id = 0; id < names; id++) {
                hides[id] = HiddenErrors.mayHide(parsed.names().get(id));
            }
            boolean anyCall = kindCounts[LineKind.SYSCALL.ordinal()] + kindCounts[LineKind.UNFINISHED.ordinal()] > 0;
            for (int line : model.unmatchedUnfinished()) {
                int since = model.unmatchedSince(line);
                if (window.owns(since) && parsed.nameId(line) >= 0) {
                    calls[parsed.nameId(line)]++; // a lone unfinished half is a call of its own
                }
            }
            for (int i = window.from(); i < window.to(); i++) {
                LineKind kind = parsed.kind(i);
                kindCounts[kind.ordinal()]++;
                int name = parsed.nameId(i);
                if (kind == LineKind.PARTIAL) {
                    partialName = parsed.name(i);
                } else if (kind == LineKind.CONTINUATION && partialName != null) {
                    if (!endsUnfinished(parsed, i)) {
                        syscall(partialName).calls++;
                    }
                    partialName = null;
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
                    signals[name]++;
                    continue;
                }
                if (isCall(kind)) {
                    calls[name]++;
                }
                if (failed) {
                    errors[name]++;
                }
                if (d >= 0) {
                    nanos[name] += d;
                }
            }
            for (int id = 0; id < names; id++) {
                String name = parsed.names().get(id);
                if (calls[id] > 0 || errors[id] > 0 || nanos[id] > 0) {
                    Syscall s = syscall(name);
                    s.calls += calls[id];
                    s.errors += errors[id];
                    s.nanos += nanos[id];
                }
                if (signals[id] > 0) {
                    signalCounts.merge(name, signals[id], Integer::sum);
                }
            }
            DetectedOptions seen = model.options();
            options = options == null ? seen : options.merge(seen, anyCall);
        }

        private Syscall syscall(String name) {
            return byName.computeIfAbsent(name, Syscall::new);
        }

        /** The counts, with the processes of the whole trace (global lines). */
        public TraceStats finish(List<ProcessInfo> processes, int lines) {
            Map<LineKind, Integer> kinds = new EnumMap<>(LineKind.class);
            for (LineKind k : LineKind.values()) {
                kinds.put(k, kindCounts[k.ordinal()]);
            }
            List<Syscall> syscalls = new ArrayList<>(byName.values());
            syscalls.sort(Comparator.comparingInt((Syscall s) -> -s.calls).thenComparing(s -> s.name));
            DetectedOptions o = options != null ? options : DetectedOptions.NONE;
            return new TraceStats(lines, kinds, o, processes, byCount(errnos.entrySet()), syscalls,
                    byCount(signalCounts.entrySet()), timed, total);
        }
    }

    /**
     * One line per call: halves of a pair are counted at the resumed half; a lone unfinished half is counted where
     * it is known never to resume.
     */
    private static boolean isCall(LineKind kind) {
        return switch (kind) {
            case SYSCALL, RESUMED, DETACHED, PID_CHANGED -> true;
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
