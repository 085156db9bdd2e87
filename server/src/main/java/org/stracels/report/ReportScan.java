package org.stracels.report;

import java.util.List;
import org.stracels.analysis.DetectedOptions;
import org.stracels.analysis.ProcessInfo;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedTrace;
import org.stracels.stream.TraceSource;
import org.stracels.stream.TraceWindow;
import org.stracels.stream.WindowScanner;

/**
 * The one pass the report makes over a trace, window by window ({@link TraceSource}: a file of any size, or a text
 * in memory as one window): each window's own lines go to the time axis, then to what each part of the page keeps
 * of them; at the end the processes come from the scan's final state, in the file's lines. Nothing here holds a
 * window after it is done with it.
 */
final class ReportScan {
    TimeAxis axis;
    Timeline timeline;
    /** Processes the timeline draws: {@link Timeline#MAX_ROWS}, fewer in tests. */
    final int maxRows;
    final ProcessFacts facts;
    final Failures failures = new Failures();
    final TimeSpent time = new TimeSpent();
    DetectedOptions options;
    List<ProcessInfo> processes;
    int lines;
    /** What the reader noticed (a file that grew while it was read), or null. */
    String notice;
    private boolean anyCall;

    private ReportScan(int maxRows) {
        this.maxRows = maxRows;
        this.facts = new ProcessFacts(maxRows);
    }

    static ReportScan of(TraceSource source, CancelCheck cancel, WindowScanner.Progress progress, int maxRows)
            throws Exception {
        ReportScan s = new ReportScan(maxRows);
        WindowScanner.Result result = source.scan(cancel, progress, w -> s.add(w, cancel));
        if (s.axis == null) { // nothing to read
            s.start(DetectedOptions.NONE);
            s.options = DetectedOptions.NONE;
        }
        s.processes = result.finalState().processes();
        s.lines = result.lines();
        s.notice = result.notice();
        return s;
    }

    private void start(DetectedOptions first) {
        axis = TimeAxis.of(first);
        timeline = new Timeline(axis.time, maxRows);
    }

    private void add(TraceWindow window, CancelCheck cancel) {
        DetectedOptions seen = window.trace().model().options();
        if (axis == null) {
            start(seen);
        }
        options = options == null ? seen : options.merge(seen, anyCall);
        double[] x = axis.advance(window);
        facts.add(window, x);
        timeline.add(window, x, cancel);
        failures.add(window, cancel);
        time.add(window);
        ParsedTrace parsed = window.trace().parsed();
        for (int i = window.from(); i < window.to() && !anyCall; i++) {
            anyCall = parsed.kind(i) == LineKind.SYSCALL || parsed.kind(i) == LineKind.UNFINISHED;
        }
    }
}
