package org.stracels.stream;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.stracels.analysis.LineMap;
import org.stracels.analysis.ModelState;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.TraceParser;

/**
 * Reads a trace file of any size as a sequence of {@link TraceWindow}s, with bounded memory: a thread reads
 * blocks of lines ({@link LineBlocks}), another parses the next window while the caller works on the current
 * one, and the model goes from window to window as a {@link ModelState} (processes, live pids, pending calls),
 * so that every line is modelled once, with the rules a text in memory gets. Each window sees
 * {@link Options#lookback} lines before its own and {@link Options#lookahead} after them: the cause analysis
 * looks back at most 20,000 lines, and what it asks of the future (did the process fail?) is found within the
 * look ahead.
 */
public final class WindowScanner {
    /** Sizes in lines: a window's own lines, the context before them, the look ahead after them. */
    public record Options(int blockLines, int lookback, int lookahead) {
        public static final Options DEFAULT = new Options(1 << 18, 20_480, 20_480);

        /** The parser's own reach: a line cut by the program's output is joined with its rest up to 8 lines on, and
         * the --tips box is 14 lines high; a window sees at least this far around its lines. */
        public static final int PARSER_CONTEXT = 16;

        public Options {
            if (blockLines < PARSER_CONTEXT || lookback < PARSER_CONTEXT || lookahead < PARSER_CONTEXT
                    || lookback > blockLines || lookahead > blockLines) {
                throw new IllegalArgumentException("bad window sizes");
            }
        }
    }

    /** What a window consumer is told of the reading as it goes. */
    public interface Progress {
        Progress NONE = (bytes, total, lines) -> { };

        void update(long bytesRead, long totalBytes, long lines);
    }

    /** Works on one window; may throw to stop the scan. */
    public interface Consumer {
        void accept(TraceWindow window) throws Exception;
    }

    /** What the whole scan found: the lines, the model's final state, what the reader noticed. */
    public record Result(int lines, ModelState finalState, String notice) { }

    private static final Object END = new Object();

    private WindowScanner() {
    }

    public static Result scan(TraceInput input, Options options, CancelCheck cancel, Progress progress,
            Consumer consumer) throws TraceInputException, Exception {
        // one block read ahead is enough to keep the parsing fed: each block more is one more window's text in the heap
        BlockingQueue<Object> blocks = new ArrayBlockingQueue<>(1);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "strace-ls-reader");
            t.setDaemon(true);
            return t;
        });
        try (LineBlocks reader = new LineBlocks(input, options.blockLines())) {
            Future<?> reading = pool.submit(() -> {
                try {
                    for (LineBlocks.Block b = reader.next(); b != null; b = reader.next()) {
                        blocks.put(b);
                    }
                    blocks.put(END);
                } catch (TraceInputException | RuntimeException | Error e) {
                    // whatever ends the reading (out of memory too) reaches the caller, who would wait forever else
                    blocks.put(e);
                }
                return null;
            });
            Result result = run(blocks, pool, options, cancel, progress, input.size(), consumer);
            reading.get();
            return new Result(result.lines(), result.finalState(), reader.notice());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error; // out of memory in the parsing thread: the caller says so as for its own
            }
            throw cause instanceof Exception ex ? ex : new RuntimeException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static LineBlocks.Block take(BlockingQueue<Object> blocks) throws Exception {
        Object o = blocks.take();
        if (o == END) {
            blocks.put(END); // later takes see the end too
            return null;
        }
        if (o instanceof Exception e) {
            throw e;
        }
        if (o instanceof Error e) {
            throw e;
        }
        return (LineBlocks.Block) o;
    }

    /** Where a window's own lines are in the file, and how far the file was read with them (not their text). */
    private record Own(int firstLine, int lineCount, long bytesRead) { }

    /** One window being parsed, and where its own lines are (its text is held by the parse only). */
    private record Pending(Own own, int lookback, boolean last, Future<ParsedTrace> parsed) { }

    private static Result run(BlockingQueue<Object> blocks, ExecutorService pool, Options options, CancelCheck cancel,
            Progress progress, long total, Consumer consumer) throws Exception {
        LineBlocks.Block prev = null;
        LineBlocks.Block cur = take(blocks);
        if (cur == null) {
            return new Result(0, ModelState.EMPTY, null);
        }
        LineBlocks.Block next = take(blocks);
        boolean[] capture = {false};
        Pending pending = submit(pool, null, cur, next, options, cancel, capture[0]);
        ModelState state = null;
        String carriedText = ""; // the pending calls' lines, for the next window: the window itself is let go
        int lines = 0;
        while (pending != null) {
            cancel.checkCanceled();
            ParsedTrace body = pending.parsed().get();
            if (state == null) {
                capture[0] = TraceParser.looksLikeCapture(body);
                boolean anyPid = false;
                for (int i = 0; i < body.lineCount() && !anyPid; i++) {
                    anyPid = body.pid(i) >= 0;
                }
                state = ModelState.EMPTY.withAnyPid(anyPid);
            }
            // read on: the next window's text needs the block after the next one
            prev = cur;
            cur = next;
            next = cur == null ? null : take(blocks);
            Pending following = cur == null ? null : submit(pool, prev, cur, next, options, cancel, capture[0]);
            prev = null; // its tail is in the following window's text

            TraceWindow window = model(pending, body, state, carriedText, cancel, options);
            state = window.trace().model().snapshot();
            lines += pending.own().lineCount();
            progress.update(pending.own().bytesRead(), total, lines);
            // let go of what the window does not hold (its parse without the carried calls in front) before the
            // caller works on it
            body = null;
            pending = following;
            consumer.accept(window);
            carriedText = carried(window, state);
        }
        return new Result(lines, state, null);
    }

    private static Pending submit(ExecutorService pool, LineBlocks.Block prev, LineBlocks.Block cur,
            LineBlocks.Block next, Options options, CancelCheck cancel, boolean capture) {
        String before = prev == null ? "" : tail(prev.text(), Math.min(options.lookback(), prev.lineCount()));
        int lookback = prev == null ? 0 : Math.min(options.lookback(), prev.lineCount());
        String after = next == null ? "" : head(next.text(), options.lookahead());
        String text = before + cur.text() + after;
        Future<ParsedTrace> parsed = pool.submit(() -> TraceParser.parse(text, cancel, capture));
        return new Pending(new Own(cur.firstLine(), cur.lineCount(), cur.bytesRead()), lookback, next == null, parsed);
    }

    /** The lines of the calls {@code state} still waits for, taken from {@code window}, one per line. */
    private static String carried(TraceWindow window, ModelState state) {
        StringBuilder head = new StringBuilder();
        ParsedTrace old = window.trace().parsed();
        for (int g : state.pendingLines()) {
            int local = window.map().toLocal(g);
            head.append(old.text(), old.lineStart(local), old.lineEnd(local)).append('\n');
        }
        return head.toString();
    }

    /** Models a parsed window from {@code state}, with the calls it still waits for put in front of it. */
    private static TraceWindow model(Pending p, ParsedTrace body, ModelState state, String carriedText,
            CancelCheck cancel, Options options) {
        int start = p.own().firstLine() - p.lookback();
        int[] carried = state.pendingLines();
        ParsedTrace parsed = body;
        if (carried.length > 0) {
            parsed = body.prepend(TraceParser.parse(carriedText, cancel, false));
        }
        LineMap map = new LineMap(carried, start);
        int from = carried.length + p.lookback();
        int to = from + p.own().lineCount();
        int snapshotAt = p.last() ? parsed.lineCount() : to - Math.min(options.lookback(), p.own().lineCount());
        TraceModel model = TraceModel.continueFrom(parsed, state, map, p.last(), snapshotAt, cancel);
        return new TraceWindow(Trace.of(parsed, model, map, from, to), map, from, to, p.last(), p.own().bytesRead());
    }

    /** The last {@code k} lines of a block's text (every line ends with LF). */
    static String tail(String text, int k) {
        int at = text.length();
        for (int seen = 0; seen < k && at > 0; ) {
            int nl = text.lastIndexOf('\n', at - 2);
            at = nl + 1;
            seen++;
            if (nl < 0) {
                break;
            }
        }
        return text.substring(at);
    }

    /** The first {@code k} lines of a block's text. */
    static String head(String text, int k) {
        int at = 0;
        for (int seen = 0; seen < k && at < text.length(); seen++) {
            int nl = text.indexOf('\n', at);
            at = nl < 0 ? text.length() : nl + 1;
        }
        return text.substring(0, at);
    }
}
