package org.stracels.analysis;

import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.TraceParser;

/** A parsed trace and what is known about it: the one object features work on. */
public final class Trace {
    private final ParsedTrace parsed;
    private final TraceModel model;

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

    public String text() {
        return parsed.text();
    }
}
