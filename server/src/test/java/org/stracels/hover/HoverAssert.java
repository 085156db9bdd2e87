package org.stracels.hover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.stracels.analysis.Trace;

/** Hover at the {@code $0} marker of a trace text; the marker is removed before parsing. */
final class HoverAssert {
    static final String CURSOR = "$0";

    private HoverAssert() {
    }

    /** The hover at the marker, with the text its range covers. */
    record Result(String covered, String markdown, Hover hover) { }

    static Optional<Result> hoverAt(String textWithCursor) {
        int offset = textWithCursor.indexOf(CURSOR);
        assertThat(offset).as("the text needs a %s cursor", CURSOR).isNotNegative();
        String text = textWithCursor.substring(0, offset) + textWithCursor.substring(offset + CURSOR.length());
        Trace trace = Trace.of(text);
        return HoverProvider.hover(trace, offset, HoverOptions.WITHOUT_MAN_PAGES)
                .map(h -> new Result(text.substring(h.start(), h.end()), h.markdown(), h));
    }

    static Result hover(String textWithCursor) {
        return hoverAt(textWithCursor).orElseThrow(() -> new AssertionError("no hover at the cursor in: " + textWithCursor));
    }
}
