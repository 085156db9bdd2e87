package org.stracels.check;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.stracels.analysis.Trace;
import org.stracels.cause.CauseAnalysis;
import org.stracels.parse.CancelCheck;

/**
 * The cause analysis of a trace under this package's policy of routine failures: made once per trace and kept
 * while the trace lives, so that diagnostics, code lenses, hovers and the CLI share one.
 */
public final class Causes {
    /** Weak keys: an analysis goes with its trace (it holds no reference back to it). */
    private static final Map<Trace, CauseAnalysis> BY_TRACE = Collections.synchronizedMap(new WeakHashMap<>());

    private Causes() {
    }

    public static CauseAnalysis of(Trace trace) {
        return of(trace, CancelCheck.NONE);
    }

    /** The analysis of {@code trace}; a run cut short by {@code cancel} leaves nothing behind. */
    public static CauseAnalysis of(Trace trace, CancelCheck cancel) {
        CauseAnalysis analysis = BY_TRACE.get(trace);
        if (analysis == null) {
            analysis = CauseAnalysis.analyze(trace, DiagnosticPolicy::routineReason, cancel);
            BY_TRACE.put(trace, analysis);
        }
        return analysis;
    }
}
