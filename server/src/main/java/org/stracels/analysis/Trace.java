package org.stracels.analysis;

import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.TraceParser;

/** A parsed trace and what is known about it: the one object features work on. */
public final class Trace {
    private final ParsedTrace parsed;
    private final TraceModel model;
    private final LineMap lines;
    private final int ownFrom;
    private final int ownTo;
    private FdModel fds; // guarded by this

    private Trace(ParsedTrace parsed, TraceModel model, LineMap lines, int ownFrom, int ownTo) {
        this.parsed = parsed;
        this.model = model;
        this.lines = lines;
        this.ownFrom = ownFrom;
        this.ownTo = ownTo;
    }

    public static Trace of(String text) {
        return of(text, CancelCheck.NONE);
    }

    public static Trace of(String text, CancelCheck cancel) {
        ParsedTrace parsed = TraceParser.parse(text, cancel);
        return new Trace(parsed, TraceModel.build(parsed, cancel), LineMap.IDENTITY, 0, Integer.MAX_VALUE);
    }

    /** A window of a big file, already parsed and modelled; {@code lines} relates its lines to the file's. */
    public static Trace of(ParsedTrace parsed, TraceModel model, LineMap lines) {
        return new Trace(parsed, model, lines, 0, Integer.MAX_VALUE);
    }

    /**
     * A window of a big file that answers for its lines {@code from} (inclusive) to {@code to} (exclusive) only: the
     * lines before and after are context, answered for by the windows that own them.
     */
    public static Trace of(ParsedTrace parsed, TraceModel model, LineMap lines, int from, int to) {
        return new Trace(parsed, model, lines, from, to);
    }

    /**
     * Whether this text answers for line {@code line}: every line of a trace read whole; a window's own lines. Work
     * done once per line of the file (the ranked causes of a report or an exit) is done by the window that owns it.
     */
    public boolean owns(int line) {
        return line >= ownFrom && line < ownTo;
    }

    /**
     * The number a reader sees for line {@code line} of this text: 1-based, and the file's own number when this
     * trace is a window of a bigger file. Every line number written in prose goes through here.
     */
    public int lineNumber(int line) {
        return lines.toGlobal(line) + 1;
    }

    /** How this text's lines relate to the file's: the identity but for windows of big files. */
    public LineMap lineMap() {
        return lines;
    }

    public ParsedTrace parsed() {
        return parsed;
    }

    public TraceModel model() {
        return model;
    }

    /**
     * The fd model, built by the first caller (navigation, hover) and kept: diagnostics never pay for it. A
     * build cut short by {@code cancel} leaves nothing behind.
     */
    public synchronized FdModel fds(CancelCheck cancel) {
        if (fds == null) {
            fds = FdModel.build(this, cancel);
        }
        return fds;
    }

    /** Whether the fd model is built already. */
    public synchronized boolean hasFds() {
        return fds != null;
    }

    /** The fd model when a request has built it already, else null (never builds it). */
    public synchronized FdModel fdsIfBuilt() {
        return fds;
    }

    public FdModel fds() {
        return fds(CancelCheck.NONE);
    }

    public String text() {
        return parsed.text();
    }
}
