package org.stracels.cause;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.CancelCheck;

/**
 * From the error message to the cause: the errors the programs of a trace reported, and for each of them
 * (and for each process that exited non-zero or was killed) the failed calls that most likely caused it,
 * ranked with reasons. One pass over the index finds failures and writes to stderr; only those lines and a
 * window before each message are read again.
 */
public final class CauseAnalysis {
    private final List<Report> reports;
    private final Map<Integer, Report> reportByLine;
    private final RoutineFailures routine;
    /** Causes of exits, ranked when first asked for (hover, CLI): diagnostics do not need them. */
    private final Map<Integer, List<Cause>> exits = new ConcurrentHashMap<>();

    private CauseAnalysis(List<Report> reports, RoutineFailures routine) {
        this.reports = reports;
        this.routine = routine;
        this.reportByLine = new HashMap<>();
        for (Report r : reports) {
            for (int line : r.lines()) {
                reportByLine.putIfAbsent(line, r);
            }
        }
    }

    public static CauseAnalysis analyze(Trace trace, RoutineFailures routine, CancelCheck cancel) {
        TraceScan scan = TraceScan.of(trace, cancel);
        TraceModel model = trace.model();
        List<Report> reports = new ArrayList<>();
        Map<Integer, Integer> previous = new HashMap<>();
        for (ErrorReports.Draft d : ErrorReports.find(scan, routine, cancel)) {
            cancel.checkCanceled();
            String lower = MessageClues.lower(d.text());
            CauseRanker.Anchor anchor = new CauseRanker.Anchor(d.first(), d.last(), d.processId(), d.group(),
                    previous.getOrDefault(d.group(), -1), lower, false);
            List<Cause> causes = CauseRanker.rank(scan, anchor, routine, cancel);
            boolean failed = TraceScan.failed(model.process(d.processId())) || TraceScan.failed(model.process(d.group()));
            reports.add(new Report(d.lines(), d.processId(), d.start(), d.end(), d.text(), d.toStderr(), failed, causes));
            previous.put(d.group(), d.last());
        }
        return new CauseAnalysis(Collections.unmodifiableList(reports), routine);
    }

    /** Every reported error, in line order. */
    public List<Report> reports() {
        return reports;
    }

    /** The report one of whose writes is on {@code line}, or null. */
    public Report reportAt(int line) {
        return reportByLine.get(line);
    }

    /**
     * The likely causes of the exit or kill on {@code line} ({@code +++ exited with 1 +++}) of {@code trace} (the
     * trace this analysis is of), most likely first; empty for other lines and for processes that exited with 0.
     * Ranked on first request: one more pass over the index, then the window before the exit.
     */
    public List<Cause> causesOfExit(Trace trace, int line) {
        if (line < 0 || line >= trace.parsed().lineCount()) {
            return List.of();
        }
        int process = trace.model().processOf(line);
        if (process < 0 || trace.model().process(process).endLine() != line || !TraceScan.failed(trace.model().process(process))) {
            return List.of();
        }
        return exits.computeIfAbsent(line, l -> {
            TraceScan scan = TraceScan.of(trace, CancelCheck.NONE);
            CauseRanker.Anchor anchor = new CauseRanker.Anchor(l, l, process, scan.groupOf(process), -1, null, true);
            return CauseRanker.rank(scan, anchor, routine, CancelCheck.NONE);
        });
    }
}
