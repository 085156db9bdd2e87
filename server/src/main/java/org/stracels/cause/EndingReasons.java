package org.stracels.cause;

import java.util.List;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;

/**
 * The reasons an {@link Endings.Ending} gives to the causes of a process killed by a signal: the call that asked
 * for the signal (abort, a kill of its own group, an alarm), the fault, the EPIPE write of a producer whose
 * reader finished, and, when another process sent the signal, the loop it was stuck in (a call failing again
 * and again) or the call it was blocked in.
 */
final class EndingReasons {
    private EndingReasons() {
    }

    /** Adds what the ending says to {@code candidates}: events as new candidates, reasons on failures. */
    static void add(Trace trace, Endings.Ending e, int processId, List<Candidate> candidates) {
        ProcessInfo p = trace.model().process(processId);
        String self = "pid " + p.pid() + CauseRanker.programOf(p);
        switch (e.kind()) {
            case SELF -> {
                if (e.actionLine() < 0) {
                    Candidate c = Candidate.event(e.signalLine() >= 0 ? e.signalLine() : p.endLine(),
                            e.signal() + " from itself", "--- " + e.signal() + " sent by the process itself");
                    c.add(10, "it killed itself: " + self + " sent " + e.signal() + " to itself");
                    candidates.add(c);
                    return;
                }
                String call = Endings.lineText(trace.parsed(), e.actionLine()).strip();
                String name = trace.parsed().name(e.actionLine());
                Candidate c = Candidate.event(e.actionLine(), name + "() " + e.signal() + " to itself", shortCall(trace, e.actionLine()));
                if ("SIGABRT".equals(e.signal())) {
                    c.add(10, "it killed itself: abort(), " + name + "(…, SIGABRT) from the process itself; the"
                            + " program stopped on purpose, having found something it would not go on with"
                            + " (a failed assertion, a corrupt state, a fatal error of a library)");
                } else if (call.contains("(0, ") || call.contains("(-")) {
                    c.add(10, "it killed itself: " + name + "(0, " + e.signal() + ") sends " + e.signal()
                            + " to its whole process group, itself included (what timeout -s KILL does when time is up)");
                } else {
                    c.add(10, "it killed itself: " + name + "(…, " + e.signal() + ") from the process itself");
                }
                candidates.add(c);
            }
            case ALARM -> {
                Candidate c = Candidate.event(e.actionLine(), "its own " + trace.parsed().name(e.actionLine()) + "()",
                        shortCall(trace, e.actionLine()));
                c.add(8, "its own alarm went off: it set a timer (" + trace.parsed().name(e.actionLine()) + " on line "
                        + (e.actionLine() + 1) + ") and no handler for SIGALRM, whose default action ends the process");
                candidates.add(c);
            }
            case FAULT -> {
                String line = Endings.lineText(trace.parsed(), e.signalLine());
                int open = line.indexOf("--- ");
                Candidate c = Candidate.event(e.signalLine(), e.signal() + " (a fault)",
                        open >= 0 ? line.substring(open).strip() : line.strip());
                c.add(8, "a fault in the program itself: " + e.signal() + " comes from the kernel when the program"
                        + " does what the processor refuses (a bad memory access, a division by zero, an illegal"
                        + " instruction): a bug, or bad input it trusted, not a failed call");
                candidates.add(c);
            }
            case PIPE -> {
                for (Candidate c : candidates) {
                    if (c.call != null && c.last() == e.actionLine()) {
                        c.add(6, "normal: the reader of its pipe had finished, so the write failed with EPIPE and"
                                + " SIGPIPE stopped the writer, as it stops yes in yes | head");
                        return;
                    }
                }
            }
            case OTHER -> {
                boolean stuck = candidates.stream().anyMatch(c -> stuck(c, e));
                if (!stuck && e.blockedLine() >= 0) {
                    String name = trace.parsed().name(e.blockedLine());
                    Candidate c = Candidate.event(e.blockedLine(), name + "() blocked", shortCall(trace, e.blockedLine()));
                    String waited = Endings.duration(e.blockedFor());
                    c.add(6, "blocked: " + name + "(…) " + (waited.isEmpty() ? "was waiting" : "had been waiting " + waited)
                            + " when " + sender(e) + " sent " + e.signal());
                    candidates.add(c);
                } else if (!stuck) {
                    int at = e.signalLine() >= 0 ? e.signalLine() : p.endLine();
                    Candidate c = Candidate.event(at, e.signal() + " from " + sender(e), "--- " + e.signal() + " from " + sender(e));
                    c.add(3, "killed by another process: " + sender(e) + " sent " + e.signal() + " while it was running");
                    candidates.add(c);
                }
            }
            default -> {
            }
        }
    }

    /** After the failures are explained: the loop a process killed by another was stuck in. */
    static void stuck(Trace trace, Endings.Ending e, List<Candidate> candidates) {
        if (e.kind() != Endings.Kind.OTHER) {
            return;
        }
        Candidate best = null;
        for (Candidate c : candidates) {
            if (stuck(c, e) && (best == null || c.lines.size() > best.lines.size())) {
                best = c;
            }
        }
        if (best == null) {
            return;
        }
        int first = best.lines.get(0);
        for (int k = 1; k < best.lines.size(); k++) {
            first = Math.min(first, best.lines.get(k));
        }
        String over = Endings.duration(Endings.seconds(trace, best.last()) - Endings.seconds(trace, first));
        FailedCall call = best.call;
        best.add(5, "stuck: " + call.name() + "(" + (call.subject() != null ? "“" + FailedCall.abbreviate(call.subject(), 60)
                + "”, …" : "…") + ") failed with " + call.errno() + " " + best.lines.size() + " times"
                + (over.isEmpty() ? "" : " over " + over) + " until " + sender(e) + " sent " + e.signal());
    }

    private static boolean stuck(Candidate c, Endings.Ending e) {
        return c.call != null && !c.routine && c.child == null && c.lines.size() >= 3 && c.last() < e.cutLine();
    }

    private static String sender(Endings.Ending e) {
        if (e.sender() < 0) {
            return "another process";
        }
        return (e.senderName() != null ? e.senderName() + " " : "") + "(pid " + e.sender() + ")";
    }

    private static String shortCall(Trace trace, int line) {
        String text = Endings.lineText(trace.parsed(), line);
        String name = trace.parsed().name(line);
        int at = name == null ? -1 : text.indexOf(name + "(");
        String call = (at >= 0 ? text.substring(at) : text).strip().replaceAll("\\s{2,}", " ");
        return FailedCall.abbreviate(call, 100);
    }
}
