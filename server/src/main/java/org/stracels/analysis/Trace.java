package org.stracels.analysis;

import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.TraceParser;

/** A parsed trace and what is known about it: the one object features work on. */
public final class Trace {
    private final ParsedTrace parsed;
    private final TraceModel model;
    private FdModel fds; // guarded by this

    private Trace(ParsedTrace parsed, TraceModel model) {
        this.parsed = parsed;
        this.model = model;
    }

    public static Trace of(String text) {
        return of(text, CancelCheck.NONE);
    }

    public static Trace of(String text, CancelCheck cancel) {
        ParsedTrace parsed = TraceParser.parse(text, cancel);
        return new Trace(parsed, TraceModel.build(parsed, cancel));
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
