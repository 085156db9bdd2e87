package org.stracels.stream;

import java.util.BitSet;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedTrace;

/**
 * A trace to read for a whole-trace answer (a view, a summary): a text in memory (an open document) or a file on
 * disk of any size. Both are read as windows ({@link WindowScanner}), the text as one window, so that every answer
 * is made by the same code whatever the size.
 */
public abstract class TraceSource {
    /** Receives chosen lines in order; answers false to stop. */
    public interface LineSink {
        boolean line(int line, CharSequence text);
    }

    /** A trace already parsed in memory. */
    public static TraceSource of(Trace trace) {
        return new InMemory(trace);
    }

    /** A file, read window by window. */
    public static TraceSource of(TraceInput input, WindowScanner.Options options) {
        return new OnDisk(input, options);
    }

    /** Reads every window; the result's final state holds the processes with the file's line numbers. */
    public abstract WindowScanner.Result scan(CancelCheck cancel, WindowScanner.Progress progress,
            WindowScanner.Consumer consumer) throws Exception;

    /** Hands the lines whose numbers are set in {@code chosen} to {@code sink}, in order, verbatim. */
    public abstract void lines(BitSet chosen, CancelCheck cancel, LineSink sink) throws TraceInputException;

    /** A name for titles: the file name, or what the caller called the document. */
    public abstract String name();

    private static final class InMemory extends TraceSource {
        private final Trace trace;

        InMemory(Trace trace) {
            this.trace = trace;
        }

        @Override
        public WindowScanner.Result scan(CancelCheck cancel, WindowScanner.Progress progress,
                WindowScanner.Consumer consumer) throws Exception {
            consumer.accept(TraceWindow.whole(trace));
            int n = trace.parsed().lineCount();
            progress.update(trace.text().length(), trace.text().length(), n);
            return new WindowScanner.Result(n, org.stracels.analysis.ModelState.of(trace.model()), null);
        }

        @Override
        public void lines(BitSet chosen, CancelCheck cancel, LineSink sink) {
            ParsedTrace parsed = trace.parsed();
            String text = trace.text();
            for (int i = chosen.nextSetBit(0); i >= 0 && i < parsed.lineCount(); i = chosen.nextSetBit(i + 1)) {
                if ((i & 0xfff) == 0) {
                    cancel.checkCanceled();
                }
                if (!sink.line(i, text.subSequence(parsed.lineStart(i), parsed.lineEnd(i)))) {
                    return;
                }
            }
        }

        @Override
        public String name() {
            return "document";
        }
    }

    private static final class OnDisk extends TraceSource {
        private final TraceInput input;
        private final WindowScanner.Options options;

        OnDisk(TraceInput input, WindowScanner.Options options) {
            this.input = input;
            this.options = options;
        }

        @Override
        public WindowScanner.Result scan(CancelCheck cancel, WindowScanner.Progress progress,
                WindowScanner.Consumer consumer) throws Exception {
            return WindowScanner.scan(input, options, cancel, progress, consumer);
        }

        @Override
        public void lines(BitSet chosen, CancelCheck cancel, LineSink sink) throws TraceInputException {
            int last = chosen.length() - 1;
            if (last < 0) {
                return;
            }
            try (LineBlocks blocks = new LineBlocks(input, 1 << 16)) {
                for (LineBlocks.Block b = blocks.next(); b != null && b.firstLine() <= last; b = blocks.next()) {
                    cancel.checkCanceled();
                    int first = b.firstLine();
                    int next = chosen.nextSetBit(first);
                    if (next < 0 || next >= first + b.lineCount()) {
                        continue;
                    }
                    String text = b.text();
                    int at = 0;
                    for (int i = first; i < first + b.lineCount(); i++) {
                        int nl = text.indexOf('\n', at);
                        if (chosen.get(i) && !sink.line(i, text.subSequence(at, nl))) {
                            return;
                        }
                        at = nl + 1;
                    }
                }
            }
        }

        @Override
        public String name() {
            return input.path().getFileName() == null ? input.name() : input.path().getFileName().toString();
        }
    }
}
