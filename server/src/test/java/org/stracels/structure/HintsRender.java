package org.stracels.structure;

import java.util.List;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/**
 * Writes the inlay hints of a line into its text, as an editor shows them: a parameter name and a space
 * before its argument, an fd's path right after it, a slow-call mark after a space, each between ⟪ ⟫.
 */
final class HintsRender {
    private HintsRender() {
    }

    static String line(Trace trace, int line, InlayHints.Options options) {
        int start = trace.parsed().lineStart(line);
        int end = trace.parsed().lineEnd(line);
        List<InlayHints.Hint> hints = InlayHints.hints(trace, start, end, options, CancelCheck.NONE);
        StringBuilder b = new StringBuilder();
        int at = start;
        for (InlayHints.Hint h : hints) {
            b.append(trace.text(), at, h.offset());
            b.append(switch (h.kind()) {
                case PARAMETER -> "⟪" + h.label() + "⟫ ";
                case FD_PATH -> "⟪" + h.label() + "⟫";
                case SLOW_CALL -> " ⟪" + h.label() + "⟫";
            });
            at = h.offset();
        }
        return b.append(trace.text(), at, end).toString();
    }
}
