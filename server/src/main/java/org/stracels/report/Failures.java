package org.stracels.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.cause.Cause;
import org.stracels.cause.CauseAnalysis;
import org.stracels.cause.Report;
import org.stracels.check.Causes;
import org.stracels.parse.CancelCheck;
import org.stracels.stream.TraceWindow;

/**
 * The errors programs reported and the failing exits, with their ranked causes, collected window by window from
 * each window's {@link Causes#of} for the lines it owns (as {@code check --explain} does), in the file's lines. What
 * it keeps is bounded: the first {@link #MAX_MESSAGES} messages, and the exits of the first
 * {@link Timeline#MAX_EXIT_CAUSES} failing processes (by id) for the timeline and for the list of failures, each
 * ranked once.
 */
final class Failures {
    /** Messages kept with their causes (the timeline explains each; the list shows {@link FailureList#MAX_REPORTS}). */
    static final int MAX_MESSAGES = 10_000;

    /** A cause as the page shows it, its line in the file (0-based). */
    record Shown(int line, String call, int score, List<Cause.Reason> reasons, String why) { }

    /** A message: its first line in the file, who wrote it, its text, its causes (at most {@link FailureList#SHOWN}). */
    record Message(int line, int processId, String excerpt80, String excerpt200, List<Shown> causes, int total) { }

    /** The ranked end of a failing process: its end line in the file and its causes. */
    record Exit(int line, List<Shown> causes, int total) { }

    final List<Message> messages = new ArrayList<>();
    int messageCount;
    /** The first failing processes by id, for the timeline's hovers. */
    final TreeMap<Integer, Exit> exits = new TreeMap<>();
    /** The first failing processes by id that wrote no message, for the list. */
    final TreeMap<Integer, Exit> silentExits = new TreeMap<>();
    /** Failing processes that wrote no message, all of them. */
    int silentCount;
    private final BitSet said = new BitSet();

    void add(TraceWindow window, CancelCheck cancel) {
        Trace trace = window.trace();
        CauseAnalysis analysis = Causes.of(trace, cancel);
        for (Report r : analysis.reports()) {
            if (!window.owns(r.line())) {
                continue;
            }
            if (r.processId() >= 0) {
                said.set(r.processId());
            }
            messageCount++;
            if (messages.size() < MAX_MESSAGES) {
                messages.add(new Message(trace.lineNumber(r.line()) - 1, r.processId(), r.excerpt(80), r.excerpt(200),
                        shown(trace, r.causes()), r.causes().size()));
            }
        }
        for (ProcessInfo p : trace.model().activeProcesses()) {
            if (!window.owns(p.endLine()) || !failed(p)) {
                continue;
            }
            boolean silent = p.id() < 0 || !said.get(p.id());
            if (silent) {
                silentCount++;
            }
            boolean forTimeline = wanted(exits, p.id());
            boolean forList = silent && wanted(silentExits, p.id());
            if (!forTimeline && !forList) {
                continue;
            }
            List<Cause> causes = analysis.causesOfExit(trace, p.endLine());
            Exit exit = new Exit(trace.lineNumber(p.endLine()) - 1, shown(trace, causes), causes.size());
            if (forTimeline) {
                put(exits, p.id(), exit);
            }
            if (forList) {
                put(silentExits, p.id(), exit);
            }
        }
    }

    static boolean failed(ProcessInfo p) {
        return p.ending() == ProcessInfo.Ending.KILLED || p.ending() == ProcessInfo.Ending.EXITED && p.exitStatus() != 0;
    }

    private static boolean wanted(TreeMap<Integer, Exit> kept, int id) {
        return kept.size() < Timeline.MAX_EXIT_CAUSES || id < kept.lastKey();
    }

    private static void put(TreeMap<Integer, Exit> kept, int id, Exit exit) {
        kept.put(id, exit);
        if (kept.size() > Timeline.MAX_EXIT_CAUSES) {
            kept.pollLastEntry();
        }
    }

    private static List<Shown> shown(Trace trace, List<Cause> causes) {
        List<Shown> list = new ArrayList<>();
        for (int k = 0; k < Math.min(FailureList.SHOWN, causes.size()); k++) {
            Cause c = causes.get(k);
            list.add(new Shown(trace.lineNumber(c.line()) - 1, c.call(), c.score(), c.reasons(), c.why()));
        }
        return list;
    }
}
