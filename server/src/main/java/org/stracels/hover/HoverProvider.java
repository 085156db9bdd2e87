package org.stracels.hover;

import java.util.Optional;
import org.stracels.analysis.Trace;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.Span;

/**
 * Explains the token under the cursor: finds which part of the line holds the offset and hands it to the
 * hover part that knows about it. Pure: no protocol types.
 */
public final class HoverProvider {
    private HoverProvider() {
    }

    public static Optional<Hover> hover(Trace trace, int offset) {
        return hover(trace, offset, HoverOptions.DEFAULT);
    }

    public static Optional<Hover> hover(Trace trace, int offset, HoverOptions options) {
        if (offset < 0 || offset > trace.text().length() || trace.parsed().lineCount() == 0) {
            return Optional.empty();
        }
        int lineIndex = trace.parsed().lineAt(offset);
        ParsedLine line = trace.parsed().line(lineIndex);
        if (offset < line.lineStart() || offset >= line.lineEnd()) {
            return Optional.empty();
        }
        HoverContext ctx = new HoverContext(trace, lineIndex, line, offset, options);
        return Optional.ofNullable(dispatch(ctx));
    }

    private static Hover dispatch(HoverContext ctx) {
        ParsedLine line = ctx.line();
        int offset = ctx.offset();
        if (in(line.pidSpan(), offset) || in(line.commSpan(), offset)) {
            return ProcessHover.onPrefix(ctx);
        }
        if (in(line.absoluteTimeSpan(), offset) || in(line.relativeTimeSpan(), offset) || in(line.durationSpan(), offset)) {
            return TimeHover.hover(ctx);
        }
        if (in(line.syscallNumberSpan(), offset) || in(line.instructionPointerSpan(), offset)) {
            return SyscallHover.onPrefixField(ctx);
        }
        LineKind kind = line.kind();
        switch (kind) {
            case SIGNAL, STOPPED -> {
                return SignalHover.onSignalLine(ctx);
            }
            case EXITED, KILLED, SUPERSEDED -> {
                return SignalHover.onEndLine(ctx);
            }
            default -> {
            }
        }
        if (!kind.isSyscall()) {
            return null;
        }
        if (in(line.nameSpan(), offset)) {
            return SyscallHover.onName(ctx);
        }
        if (in(line.errnoSpan(), offset) || in(line.errnoTextSpan(), offset)) {
            return ErrnoHover.hover(ctx);
        }
        if (in(line.returnValueSpan(), offset) || in(line.returnDecorationSpan(), offset)) {
            return ResultHover.onValue(ctx);
        }
        for (Span note : line.notes()) {
            if (in(note, offset)) {
                return ValueExplainer.wordHover(ctx, note);
            }
        }
        if (in(line.argsSpan(), offset)) {
            return ArgumentHover.hover(ctx);
        }
        if (in(line.unfinishedSpan(), offset) || in(line.tailSpan(), offset)) {
            return SyscallHover.onMarker(ctx);
        }
        return null;
    }

    static boolean in(Span span, int offset) {
        return span.isPresent() && offset >= span.start() && offset < span.end();
    }
}
