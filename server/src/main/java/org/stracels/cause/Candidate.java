package org.stracels.cause;

import org.stracels.analysis.IntList;
import java.util.ArrayList;
import java.util.List;
import org.stracels.analysis.ProcessInfo;

/**
 * A failure (all the tries of one call that failed the same way) or a failed child, being weighed by
 * {@link CauseRanker}: its reasons so far and what they decided.
 */
final class Candidate {
    /** The latest try, read in full; null for routine noise (only peeked at) and for a child. */
    FailedCall call;
    /** The latest try as the index shows it; null for a child. */
    Peek peek;
    int lastLine = -1;
    final ProcessInfo child;
    final IntList lines = new IntList();
    final List<Cause.Reason> reasons = new ArrayList<>();
    /** Something made it sink: routine, worked later, created afterwards, found elsewhere. */
    boolean sunk;
    boolean routine;
    /** Before the previous message of its process. */
    boolean earlier;
    int score;
    /** A cause that is no failed call: the line of an event (a signal it asked for, a fault, a blocking call). */
    int eventLine = -1;
    String eventTitle;
    String eventCall;
    /** For a child: its own top cause, carried as the via of this cause. */
    Cause via;
    /** The library the dynamic loader could not find, when this candidate is its failed lookups. */
    String library;

    Candidate(ProcessInfo child) {
        this.child = child;
    }

    /** An event that explains an end (abort, a fault, a call it was blocked in), not a failure. */
    static Candidate event(int line, String title, String call) {
        Candidate c = new Candidate(null);
        c.eventLine = line;
        c.eventTitle = title;
        c.eventCall = call;
        c.lastLine = line;
        return c;
    }

    /** The line of its latest try, or the child's exit line, or the event's line. */
    int last() {
        return child != null ? child.endLine() : lastLine;
    }

    void add(int weight, String text) {
        reasons.add(new Cause.Reason(weight, text));
    }
}
