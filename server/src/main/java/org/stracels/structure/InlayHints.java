package org.stracels.structure;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.stracels.analysis.Trace;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.SyscallDoc;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;

/**
 * Inlay hints for the lines of a range: the parameter name before each positional argument
 * ({@code openat(dirfd: AT_FDCWD, pathname: "/etc/ld.so.cache", …)}), the path after an fd when the trace was
 * made without -y, and a mark after -T durations above the slow-call threshold. Only the lines of the range
 * are read.
 */
public final class InlayHints {
    /**
     * Which hints to show.
     *
     * @param slowCallNanos a -T duration from which a call is marked slow
     */
    public record Options(boolean parameterNames, boolean fdPaths, boolean slowCalls, long slowCallNanos) {
        public static final long DEFAULT_SLOW_CALL_NANOS = 100_000_000L;
        public static final Options DEFAULT = new Options(true, true, true, DEFAULT_SLOW_CALL_NANOS);
    }

    public enum Kind { PARAMETER, FD_PATH, SLOW_CALL }

    /** A label to show at {@code offset}: before the argument (PARAMETER) or after the token (the others). */
    public record Hint(int offset, String label, Kind kind, String tooltip) { }

    private InlayHints() {
    }

    /** The hints of the lines that {@code [start, end]} touches. */
    public static List<Hint> hints(Trace trace, int start, int end, Options options, CancelCheck cancel) {
        ParsedTrace parsed = trace.parsed();
        HintList hints = new HintList(start, end);
        if (parsed.lineCount() == 0 || end < start) {
            return hints;
        }
        boolean fdPaths = options.fdPaths() && trace.model().options().decodeFds().isEmpty();
        int first = parsed.lineAt(Math.max(0, start));
        int last = parsed.lineAt(Math.min(end, trace.text().length()));
        FdPaths fds = fdPaths ? new FdPaths(trace, first, fdModel(trace, last - first, cancel)) : null;
        Labels labels = new Labels(hints);
        for (int i = first; i <= last; i++) {
            cancel.checkEvery(i);
            LineKind kind = parsed.kind(i);
            if (kind != LineKind.SYSCALL && kind != LineKind.UNFINISHED && kind != LineKind.RESUMED) {
                continue;
            }
            ParsedLine line = parsed.line(i);
            if (options.parameterNames() || fdPaths) {
                arguments(trace, i, line, options.parameterNames(), fds, labels, hints);
            }
            if (fds != null) {
                fds.advance(i, line);
            }
            if (options.slowCalls() && line.durationNanos() >= options.slowCallNanos() && line.durationSpan().isPresent()) {
                hints.add(line.durationSpan().end(), hints.text("slow: " + Durations.format(line.durationNanos()),
                        Kind.SLOW_CALL, "The call took " + Durations.format(line.durationNanos())
                                + ", at or above the slow-call threshold of " + Durations.format(options.slowCallNanos())
                                + " (setting strace.inlayHints.slowCallThresholdMs)"));
            }
        }
        return hints;
    }

    private static void arguments(Trace trace, int i, ParsedLine line, boolean names, FdPaths fds, Labels labels,
            HintList hints) {
        SyscallDoc doc = Catalog.get().syscall(line.name());
        if (doc == null || doc.params() == null || doc.params().isEmpty() || !line.argsSpan().isPresent()) {
            return;
        }
        ArgList args = ArgParser.parse(trace.text(), line.argsSpan());
        int base = 0;
        boolean continues = false;
        if (line.kind() == LineKind.RESUMED) {
            base = Parameters.firstIndex(trace, i, args);
            if (base < 0) {
                return; // which argument comes first is on a line that is not in the trace
            }
            continues = Parameters.continues(trace, i, args);
        } else if (line.kind() == LineKind.SYSCALL && args.size() > doc.params().size()) {
            return; // printed with more arguments than the syscall has: not laid out as documented
        }
        for (int k = 0; k < args.size(); k++) {
            ArgNode arg = args.get(k);
            int index = base + k;
            SyscallDoc.ParamDoc param = doc.param(index);
            if (param == null || arg.kind() == ArgKind.FIELD) {
                continue;
            }
            boolean continuation = continues && k == 0;
            if (names && !continuation) {
                hints.add(arg.start(), labels.parameter(param));
            }
            if (fds != null && isFdParameter(param.name()) && arg.kind() == ArgKind.NUMBER
                    && arg.numericValue().isPresent()) {
                long fd = arg.numericValue().getAsLong();
                String path = fd >= 0 && fd <= Integer.MAX_VALUE ? fds.path(i, (int) fd, arg.start()) : null;
                if (path != null) {
                    hints.add(arg.end(), labels.fdPath((int) fd, path));
                }
            }
        }
    }

    /**
     * The text of each parameter's hint and of each fd's path, made once per request and shared by the hints
     * that show it (a whole-document request makes millions of hints with a few texts).
     */
    private static final class Labels {
        private final HintList hints;
        private final Map<SyscallDoc.ParamDoc, Integer> parameters = new IdentityHashMap<>();
        /** By the path's string itself: the fd paths give one string per fd instance, and hashing it costs. */
        private final Map<String, Path> paths = new IdentityHashMap<>();
        /** The same by the path's text, looked at once per string. */
        private final Map<String, Path> byContent = new HashMap<>();

        /** A path's label, and the number of its text under each fd number it was met with. */
        private record Path(String label, Map<Integer, Integer> texts) { }

        Labels(HintList hints) {
            this.hints = hints;
        }

        int parameter(SyscallDoc.ParamDoc param) {
            Integer text = parameters.get(param);
            if (text == null) {
                text = hints.text(param.name() + ":", Kind.PARAMETER,
                        param.type() != null ? param.type() + " " + param.name() : param.name());
                parameters.put(param, text);
            }
            return text;
        }

        /** The text of a hint saying that {@code fd} refers to {@code path}. */
        int fdPath(int fd, String path) {
            Path p = paths.get(path);
            if (p == null) {
                p = byContent.computeIfAbsent(path, k -> new Path("<" + k + ">", new HashMap<>(4)));
                paths.put(path, p);
            }
            Integer text = p.texts().get(fd);
            if (text == null) {
                text = hints.text(p.label(), Kind.FD_PATH, "fd " + fd + " refers to " + path + " (the trace was made without -y)");
                p.texts().put(fd, text);
            }
            return text;
        }
    }

    /**
     * The fd model when it is built already, or when the range is so long that building it (one linear pass)
     * costs less than walking back for the fds of the range: a walk per fd is bounded, but a whole-document
     * request over a deep tree of processes would walk for every process.
     */
    private static org.stracels.analysis.FdModel fdModel(Trace trace, int lines, CancelCheck cancel) {
        org.stracels.analysis.FdModel built = trace.fdsIfBuilt();
        return built != null || lines < MODEL_FROM_LINES ? built : trace.fds(cancel);
    }

    /** From this many lines in the range, inlay hints use the fd model (built if needed). */
    static final int MODEL_FROM_LINES = 5_000;

    /** fd, dirfd, oldfd, newfd, epfd, sockfd, pidfd, out_fd, in_fd … */
    static boolean isFdParameter(String name) {
        return name.equals("fd") || name.endsWith("fd") || name.endsWith("_fd");
    }
}
