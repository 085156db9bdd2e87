package org.stracels.parse;

/** A half-open range {@code [start, end)} of char offsets into the trace text. */
public record Span(int start, int end) {
    public static final Span NONE = new Span(-1, -1);

    public boolean isPresent() {
        return start >= 0;
    }

    public int length() {
        return isPresent() ? end - start : 0;
    }

    public boolean contains(int offset) {
        return isPresent() && offset >= start && offset < end;
    }

    public String text(CharSequence source) {
        return isPresent() ? source.subSequence(start, end).toString() : "";
    }
}
