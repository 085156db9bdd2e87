package org.stracels.cause;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.CancelCheck;

/**
 * From the error message to the cause: the errors the programs of a trace reported, and for each of them
 * (and for each process that exited non-zero or was killed) the failed calls that most likely caused it,
 * ranked with reasons. One pass over the index finds failures and writes to stderr and logs; only those lines
 * and a window before each message or end are read again. A failed child's causes are ranked once and carried
 * by each cause that names the child ({@link Cause#via()}), so that every failure explained ends at a call.
 */
public final class CauseAnalysis {
    /** Children followed at most this deep in one go (each level is one recursion). */
    private static final int MAX_DEPTH = 200;

    private final List<Report> reports;
    private final Map<Integer, Report> reportByLine;
    /** Causes of each failing exit or kill, by its line. */
    private final Map<Integer, List<Cause>> exits;
    /** What an end by a signal was, in words (abort, a fault, SIGPIPE after the reader finished), by its line. */
    private final Map<Integer, String> endings;
    /** Ends that are normal although a signal killed the process (a producer stopped by SIGPIPE), by line. */
    private final Map<Integer, Boolean> normal;

    private CauseAnalysis(List<Report> reports, Map<Integer, List<Cause>> exits, Map<Integer, String> endings,
            Map<Integer, Boolean> normal) {
        this.reports = reports;
        this.exits = exits;
        this.endings = endings;
        this.normal = normal;
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
        List<ErrorReports.Draft> drafts = ErrorReports.find(scan, routine, cancel);
        Map<Integer, List<ErrorReports.Draft>> draftsOf = new HashMap<>();
        for (ErrorReports.Draft d : drafts) {
            draftsOf.computeIfAbsent(d.processId(), k -> new ArrayList<>()).add(d);
        }
        Map<Integer, List<Cause>> byProcess = new HashMap<>();
        CauseRanker.Children[] children = new CauseRanker.Children[1];
        int[] depth = {0};
        children[0] = id -> {
            List<Cause> known = byProcess.get(id);
            if (known != null) {
                return known;
            }
            ProcessInfo p = model.process(id);
            if (p.endLine() < 0 || !TraceScan.failed(p) || depth[0] >= MAX_DEPTH) {
                return List.of(); // deeper chains than this are left unexplained rather than overflow the stack
            }
            byProcess.put(id, List.of()); // a cycle ends here
            depth[0]++;
            try {
                List<Cause> ranked = CauseRanker.rank(scan, exitAnchor(scan, p, draftsOf.get(id)), routine, children[0], cancel);
                byProcess.put(id, ranked);
                return ranked;
            } finally {
                depth[0]--;
            }
        };
        List<Report> reports = new ArrayList<>();
        Map<Integer, Integer> previous = new HashMap<>();
        for (ErrorReports.Draft d : drafts) {
            cancel.checkCanceled();
            if (!trace.owns(d.first())) {
                previous.put(d.group(), d.last()); // a window's context: the window that owns it ranks it
                continue;
            }
            String lower = MessageClues.lower(d.text());
            CauseRanker.Anchor anchor = new CauseRanker.Anchor(d.first(), d.last(), d.processId(), d.group(),
                    previous.getOrDefault(d.group(), -1), lower, false);
            List<Cause> causes = CauseRanker.rank(scan, anchor, routine, children[0], cancel);
            boolean failed = TraceScan.failed(model.process(d.processId())) || TraceScan.failed(model.process(d.group()));
            reports.add(new Report(d.lines(), d.processId(), d.start(), d.end(), d.text(), d.toStderr(), failed, causes,
                    d.channel()));
            previous.put(d.group(), d.last());
        }
        Map<Integer, List<Cause>> exits = new HashMap<>();
        Map<Integer, String> endings = new HashMap<>();
        Map<Integer, Boolean> normal = new HashMap<>();
        for (ProcessInfo p : model.activeProcesses()) {
            if (p.endLine() < 0 || !TraceScan.failed(p) || !trace.owns(p.endLine())) {
                continue;
            }
            cancel.checkCanceled();
            exits.put(p.endLine(), children[0].causesOf(p.id()));
            Endings.Ending e = Endings.of(trace, p.id());
            if (e != null) {
                endings.put(p.endLine(), EndingText.of(trace, p, e));
                if (e.kind() == Endings.Kind.PIPE) {
                    normal.put(p.endLine(), true);
                }
            }
        }
        return new CauseAnalysis(Collections.unmodifiableList(reports), exits, endings, normal);
    }

    /** The exit of {@code p} as an anchor: what it said last (its last message) guides the ranking. */
    private static CauseRanker.Anchor exitAnchor(TraceScan scan, ProcessInfo p, List<ErrorReports.Draft> said) {
        String message = null;
        if (said != null) {
            for (ErrorReports.Draft d : said) {
                if (d.last() < p.endLine()) {
                    message = MessageClues.lower(d.text());
                }
            }
        }
        return new CauseRanker.Anchor(p.endLine(), p.endLine(), p.id(), scan.groupOf(p.id()), -1, message, true);
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
     */
    public List<Cause> causesOfExit(Trace trace, int line) {
        List<Cause> causes = exits.get(line);
        return causes == null ? List.of() : causes;
    }

    /**
     * For a process killed by a signal, on its {@code +++ killed by +++} line: how it came to be killed, in a
     * sentence ("it called abort()…", "a fault…", "normal: …", "sent by timeout (pid 4321) while …"); else null.
     */
    public String ending(int line) {
        return endings.get(line);
    }

    /** Whether the kill on {@code line} is a normal end: a producer stopped by SIGPIPE when its reader finished. */
    public boolean endedNormally(int line) {
        return normal.getOrDefault(line, false);
    }
}
