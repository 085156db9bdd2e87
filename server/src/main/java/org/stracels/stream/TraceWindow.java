package org.stracels.stream;

import org.stracels.analysis.LineMap;
import org.stracels.analysis.Trace;

/**
 * One window of a trace read in pieces: a {@link Trace} over some lines of the file, of which those in
 * [{@link #from()}, {@link #to()}) are this window's own (each line of the file is the own line of exactly one
 * window); the lines before them are context (the lines just before, and calls still waiting for their resumed
 * half), the lines after them a look ahead. A text in memory is one window that owns all its lines.
 */
public final class TraceWindow {
    private final Trace trace;
    private final LineMap map;
    private final int from;
    private final int to;
    private final boolean last;
    private final long bytesRead;

    TraceWindow(Trace trace, LineMap map, int from, int to, boolean last, long bytesRead) {
        this.trace = trace;
        this.map = map;
        this.from = from;
        this.to = to;
        this.last = last;
        this.bytesRead = bytesRead;
    }

    /** A whole trace in memory as its only window. */
    public static TraceWindow whole(Trace trace) {
        return new TraceWindow(trace, LineMap.IDENTITY, 0, trace.parsed().lineCount(), true, trace.text().length());
    }

    public Trace trace() {
        return trace;
    }

    /** First local line this window owns. */
    public int from() {
        return from;
    }

    /** Local line after the last one this window owns. */
    public int to() {
        return to;
    }

    public boolean owns(int local) {
        return local >= from && local < to;
    }

    /** Whether this is the last window: the end of the file is in it. */
    public boolean last() {
        return last;
    }

    /** The file's line for a local line of this window. */
    public int global(int local) {
        return map.toGlobal(local);
    }

    public LineMap map() {
        return map;
    }

    /** Bytes of the file read when this window was made (for progress). */
    public long bytesRead() {
        return bytesRead;
    }
}
