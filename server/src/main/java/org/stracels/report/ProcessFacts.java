package org.stracels.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.stream.TraceWindow;

/**
 * What the report needs of each process besides its {@link ProcessInfo} (which the scan's final state holds with the
 * file's lines): where its first, last and end lines and the clone that made it sit on the x axis, and for each
 * execve where its call began, there, and its command line. Recorded by the window that owns each line, so that
 * no line is read again: a few doubles a process and one entry per execve.
 */
final class ProcessFacts {
    /** An execve's entry line (0-based, in the file), its x, and its argv as the page shows it. */
    record Exec(int entry, double x, String commandLine) { }

    private double[] first = new double[0];
    private double[] last = new double[0];
    private double[] end = new double[0];
    private double[] created = new double[0];
    /** By the execve's result line in the file ({@link ProcessInfo.Exec#line()} of the final processes). */
    private final Map<Integer, Exec> execs = new HashMap<>();
    /** Processes whose command lines are kept: those the timeline draws. */
    private final int maxRows;

    ProcessFacts(int maxRows) {
        this.maxRows = maxRows;
    }

    void add(TraceWindow window, double[] x) {
        Trace trace = window.trace();
        for (ProcessInfo p : trace.model().activeProcesses()) {
            int id = p.id();
            if (id >= first.length) {
                int size = Math.max(id + 1, first.length * 2 + 16);
                first = grow(first, size);
                last = grow(last, size);
                end = grow(end, size);
                created = grow(created, size);
            }
            if (window.owns(p.firstLine())) {
                first[id] = x[p.firstLine()];
            }
            if (window.owns(p.lastLine())) {
                last[id] = x[p.lastLine()];
            }
            if (window.owns(p.endLine())) {
                end[id] = x[p.endLine()];
            }
            if (window.owns(p.createdAtLine())) {
                created[id] = x[p.createdAtLine()];
            }
            for (ProcessInfo.Exec e : p.execs()) {
                // the command lines of the processes the timeline draws (the tree shows later ones without)
                if (id < maxRows && window.owns(e.line())) {
                    int entry = trace.model().entryOf(e.line());
                    execs.put(window.global(e.line()), new Exec(window.global(entry), x[entry], Programs.commandLine(trace, e)));
                }
            }
        }
    }

    private static double[] grow(double[] a, int size) {
        double[] b = Arrays.copyOf(a, size);
        Arrays.fill(b, a.length, size, Double.NaN);
        return b;
    }

    /** x of the process's first line, or NaN. */
    double first(ProcessInfo p) {
        return get(first, p.id());
    }

    /** x of the process's last line, or NaN. */
    double last(ProcessInfo p) {
        return get(last, p.id());
    }

    /** x of the line that ended it, or NaN. */
    double end(ProcessInfo p) {
        return get(end, p.id());
    }

    /** x of the clone that made it, or NaN. */
    double created(ProcessInfo p) {
        return get(created, p.id());
    }

    /** What the window that owned it learnt of an execve; a placeholder at its result line if none did. */
    Exec exec(ProcessInfo.Exec e, double fallbackX) {
        Exec found = execs.get(e.line());
        return found != null ? found : new Exec(e.line(), fallbackX, "");
    }

    private static double get(double[] a, int id) {
        return id >= 0 && id < a.length ? a[id] : Double.NaN;
    }
}
