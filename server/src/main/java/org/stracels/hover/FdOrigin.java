package org.stracels.hover;

import java.util.List;
import java.util.Set;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.TraceModel;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.SyscallDoc;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * Finds the call that created an fd number, looking back from a line through the process and then the
 * parent it inherited its descriptors from. A short walk over the index; the navigation model of fd
 * lifetimes will replace it.
 */
final class FdOrigin {
    private static final int MAX_LINES = 200_000;
    private static final Set<String> PAIR_CREATORS = Set.of("pipe", "pipe2", "socketpair");

    /** Where an fd came from: the creating line, or -1 when it predates the trace. */
    record Origin(int line, String call, String target) { }

    private FdOrigin() {
    }

    static Origin find(HoverContext ctx, int fd, int fromLine) {
        ParsedTrace parsed = ctx.trace().parsed();
        TraceModel model = ctx.trace().model();
        boolean[] creators = creatorNames(parsed.names());
        int processId = model.processOf(fromLine);
        int line = fromLine; // pipe2/socketpair create fds in their own arguments
        int budget = MAX_LINES;
        while (processId >= 0 && budget > 0) {
            ProcessInfo process = model.process(processId);
            int stop = Math.max(process.firstLine(), 0);
            for (; line >= stop && budget-- > 0; line--) {
                if (model.processOf(line) != processId) {
                    continue;
                }
                int name = parsed.nameId(line);
                if (name < 0 || !creators[name] || parsed.returnKind(line) != ReturnKind.VALUE) {
                    continue;
                }
                if (line == fromLine && !PAIR_CREATORS.contains(parsed.name(line))) {
                    continue;
                }
                if (!PAIR_CREATORS.contains(parsed.name(line)) && !mentionsResult(ctx.text(), parsed, line, fd)) {
                    continue; // cheap text check before re-reading the line
                }
                Origin origin = creates(ctx, line, fd);
                if (origin != null) {
                    return origin;
                }
            }
            if (process.parentId() < 0 || process.createdAtLine() < 0) {
                break;
            }
            processId = process.parentId();
            line = process.createdAtLine() - 1;
        }
        return null;
    }

    /** Whether the line's text holds {@code "= FD"} followed by the end, a space or a decoration. */
    private static boolean mentionsResult(String text, ParsedTrace parsed, int line, int fd) {
        String needle = "= " + fd;
        int start = parsed.lineStart(line);
        int end = parsed.lineEnd(line);
        for (int at = end - needle.length(); at >= start; at--) { // bounded to this line
            if (text.startsWith(needle, at)) {
                int after = at + needle.length();
                return after == end || text.charAt(after) == ' ' || text.charAt(after) == '<';
            }
        }
        return false;
    }

    private static Origin creates(HoverContext ctx, int line, int fd) {
        ParsedTrace parsed = ctx.trace().parsed();
        ParsedLine result = parsed.line(line);
        String text = ctx.text();
        String name = result.name();
        int entry = ctx.trace().model().partner(line) >= 0 ? ctx.trace().model().partner(line) : line;
        if (PAIR_CREATORS.contains(name)) {
            ParsedLine call = entry == line ? result : parsed.line(entry);
            for (ParsedLine half : List.of(result, call)) {
                if (!half.argsSpan().isPresent()) {
                    continue;
                }
                ArgList args = ArgParser.parse(text, half.argsSpan());
                for (ArgNode arg : args.nodes()) {
                    if (arg.kind() == ArgKind.ARRAY) {
                        for (ArgNode element : arg.children()) {
                            if (element.fdNumber().isPresent() && element.fdNumber().getAsLong() == fd) {
                                String target = element.decorationSpan().isPresent()
                                        ? element.decorationSpan().text(text) : null;
                                return new Origin(line, name, target);
                            }
                        }
                    }
                }
            }
            return null;
        }
        if (!result.returnValueSpan().text(text).equals(Integer.toString(fd))) {
            return null;
        }
        if (name.equals("fcntl")) {
            ParsedLine call = entry == line ? result : parsed.line(entry);
            if (!call.argsSpan().text(text).contains("F_DUPFD")) {
                return null; // other fcntl commands return flags, not descriptors
            }
        }
        String target = result.returnDecorationSpan().isPresent()
                ? Outcome.decorationText(result.returnDecorationSpan().text(text)) : null;
        if (target == null) {
            ParsedLine call = entry == line ? result : parsed.line(entry);
            if (call.argsSpan().isPresent()) {
                for (ArgNode arg : ArgParser.parse(text, call.argsSpan()).nodes()) {
                    if (arg.kind() == ArgKind.STRING) {
                        target = arg.decoded();
                        break;
                    }
                }
            }
        }
        return new Origin(line, name, target);
    }

    private static boolean[] creatorNames(List<String> names) {
        boolean[] creators = new boolean[names.size()];
        Catalog catalog = Catalog.get();
        for (int i = 0; i < creators.length; i++) {
            String name = names.get(i);
            SyscallDoc doc = catalog.syscall(name);
            creators[i] = (doc != null && doc.returnsFd()) || PAIR_CREATORS.contains(name)
                    || name.equals("fcntl") || name.startsWith("dup") || name.startsWith("open") || name.equals("socket")
                    || name.startsWith("accept");
        }
        return creators;
    }
}
