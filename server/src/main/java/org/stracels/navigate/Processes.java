package org.stracels.navigate;

import org.stracels.parse.Span;

/** Reading pids (which process a pid names at a line is {@code TraceModel.processAt}). */
final class Processes {
    private Processes() {
    }

    /** The decimal number in {@code span}, or -1. */
    static long number(CharSequence text, Span span) {
        if (!span.isPresent()) {
            return -1;
        }
        try {
            return Long.parseLong(text.subSequence(span.start(), span.end()).toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
