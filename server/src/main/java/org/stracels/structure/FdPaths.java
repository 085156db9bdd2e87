package org.stracels.structure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stracels.analysis.FdCalls;
import org.stracels.analysis.FdModel;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * What each fd refers to along a range of lines of a trace made without -y, for the inlay hints: the lines of
 * the range are fed in order ({@link #advance}); an fd not seen in the range is looked up backwards from the
 * range's start, through the process (and its threads, which share its descriptors) and then the parent it
 * inherited them from. A bounded walk over the index; the fd model of the navigation work may replace it.
 */
final class FdPaths {
    private static final int MAX_LINES = 200_000;
    private static final String CLOSED = new String("closed");

    private final Trace trace;
    private final ParsedTrace parsed;
    private final TraceModel model;
    private final int rangeStart;
    /** Per process, the process whose fd table it uses (see {@link #owner(int)}); -1 until asked. */
    private int[] owner;
    private final boolean[] creators;
    private final boolean[] closers;
    private final Map<Long, String> known = new HashMap<>();
    private final FdModel fds;
    private final Map<Integer, String> byInstance = new HashMap<>();

    FdPaths(Trace trace, int rangeStart) {
        this(trace, rangeStart, null);
    }

    /**
     * With {@code fds}, the fd model of the trace, each fd is looked up in it (constant time per use) and
     * nothing walks back; without, the bounded walk.
     */
    FdPaths(Trace trace, int rangeStart, FdModel fds) {
        this.fds = fds;
        this.trace = trace;
        this.parsed = trace.parsed();
        this.model = trace.model();
        this.rangeStart = rangeStart;
        List<String> names = parsed.names();
        this.creators = new boolean[names.size()];
        this.closers = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            creators[i] = FdCalls.mayReturnFd(name) || FdCalls.makesPair(name);
            closers[i] = name.equals("close");
        }
    }

    /**
     * What {@code fd}, whose number starts at {@code offset} on line {@code line} of the range, refers to, or
     * null when the trace does not say.
     */
    String path(int line, int fd, int offset) {
        if (fds != null) {
            return fromModel(offset);
        }
        int process = model.processOf(line);
        if (process < 0) {
            return null;
        }
        long key = key(owner(process), fd);
        String path = known.computeIfAbsent(key, k -> lookBack(owner(process), fd, rangeStart, 0));
        return path == CLOSED ? null : path;
    }

    /** The label of the call that made the instance used at {@code offset}, through its dups. */
    private String fromModel(int offset) {
        int use = fds.useAt(offset);
        if (use < 0) {
            return null;
        }
        FdModel.FdInstance instance = fds.instanceOfUse(use);
        for (int hops = 0; instance.dupOf() >= 0 && hops < 64; hops++) {
            instance = fds.instance(instance.dupOf());
        }
        if (instance.origin() != FdModel.Origin.CREATED || instance.line() < 0) {
            return null;
        }
        FdModel.FdInstance made = instance;
        String label = byInstance.computeIfAbsent(made.id(), id -> {
            ParsedLine line = parsed.line(made.line());
            if (FdCalls.makesPair(line.name())) {
                return pairLabel(line.name());
            }
            String l = label(made.line(), line, made.fd(), 9);
            return l == null ? CLOSED : l;
        });
        return label == CLOSED ? null : label;
    }

    /** Takes in what line {@code i} of the range does to descriptors, after its hints were made. */
    void advance(int i, ParsedLine line) {
        if (fds != null) {
            return;
        }
        int process = model.processOf(i);
        int name = parsed.nameId(i);
        if (process < 0 || name < 0 || parsed.returnKind(i) != ReturnKind.VALUE) {
            return;
        }
        int table = owner(process);
        if (closers[name]) {
            ArgNode fd = entryArgs(i).get(0);
            if (fd != null && fd.numericValue().isPresent()) {
                known.put(key(table, (int) fd.numericValue().getAsLong()), CLOSED);
            }
        } else if (creators[name]) {
            long value = returnedFd(line);
            if (value >= 0) {
                String label = label(i, line, (int) value, 0);
                known.put(key(table, (int) value), label != null ? label : CLOSED);
            } else if (FdCalls.makesPair(line.name())) {
                for (ArgNode fd : pairFds(i, line)) {
                    known.put(key(table, (int) fd.numericValue().getAsLong()), pairLabel(line.name()));
                }
            }
        }
    }

    /**
     * The process that owns {@code process}'s descriptors ({@link Programs#owner}), found when first asked: a
     * request over a few lines meets a few processes, whatever the number in the trace.
     */
    private int owner(int process) {
        if (owner == null) {
            owner = new int[model.processes().size()];
            java.util.Arrays.fill(owner, -1);
        }
        if (owner[process] < 0) {
            owner[process] = Programs.owner(trace, model.process(process)).id();
        }
        return owner[process];
    }

    private String lookBack(int table, int fd, int before, int depth) {
        int budget = MAX_LINES;
        int line = before - 1;
        int current = table;
        while (current >= 0 && budget > 0) {
            ProcessInfo process = model.process(current);
            int stop = Math.max(0, process.firstLine());
            for (; line >= stop && budget-- > 0; line--) {
                int p = model.processOf(line);
                int name = parsed.nameId(line);
                if (p < 0 || owner(p) != current || name < 0 || parsed.returnKind(line) != ReturnKind.VALUE
                        || !(creators[name] || closers[name])) {
                    continue;
                }
                String found = found(line, fd, depth);
                if (found != null) {
                    return found;
                }
            }
            if (process.parentId() < 0 || process.createdAtLine() < 0) {
                break;
            }
            current = owner(process.parentId());
            line = process.createdAtLine() - 1;
        }
        return CLOSED;
    }

    /** What line {@code i} says about {@code fd}: its label if it made it, CLOSED if it closed it, else null. */
    private String found(int i, int fd, int depth) {
        ParsedLine line = parsed.line(i);
        if (closers[parsed.nameId(i)]) {
            ArgNode arg = entryArgs(i).get(0);
            return arg != null && arg.numericValue().isPresent() && arg.numericValue().getAsLong() == fd ? CLOSED : null;
        }
        if (FdCalls.makesPair(line.name())) {
            for (ArgNode n : pairFds(i, line)) {
                if (n.numericValue().getAsLong() == fd) {
                    return pairLabel(line.name());
                }
            }
            return null;
        }
        return returnedFd(line) == fd ? label(i, line, fd, depth) : null;
    }

    /** What the call on line {@code i} (which returned {@code fd}) made: a path, a socket, a pipe … */
    private String label(int i, ParsedLine line, int fd, int depth) {
        String name = line.name();
        ArgList args = entryArgs(i);
        if (!FdCalls.returnsFd(name, args::get)) {
            return null; // other fcntl and bpf commands return flags or ids, not descriptors
        }
        if (FdCalls.isDup(name)) {
            ArgNode old = args.get(0);
            if (old == null || old.numericValue().isEmpty() || depth > 8) {
                return null;
            }
            int table = owner(model.processOf(i));
            int oldFd = (int) old.numericValue().getAsLong();
            // in the range, what the old fd refers to is known from the lines already fed (a walk back from
            // every dup made dup2 cycles quadratic); before it, a bounded walk back from the dup
            String path = i >= rangeStart ? known.computeIfAbsent(key(table, oldFd), k -> lookBack(table, oldFd, rangeStart, 0))
                    : lookBack(table, oldFd, i, depth + 1);
            return path == CLOSED ? null : path;
        }
        if (name.equals("socket") && args.get(0) != null) {
            return "socket " + args.get(0).text();
        }
        for (ArgNode arg : args.nodes()) {
            if (arg.kind() == ArgKind.STRING) {
                return name.equals("memfd_create") ? "memfd:" + arg.content() : arg.content(); // escapes kept: one line
            }
        }
        return name;
    }

    private ArgList entryArgs(int i) {
        ParsedLine entry = parsed.line(model.entryOf(i));
        return ArgParser.parse(trace.text(), entry.argsSpan().isPresent() ? entry.argsSpan()
                : new org.stracels.parse.Span(entry.lineEnd(), entry.lineEnd()));
    }

    private long returnedFd(ParsedLine line) {
        String value = line.returnValueSpan().text(trace.text());
        if (value.isEmpty() || value.length() > 9) {
            return -1;
        }
        for (int k = 0; k < value.length(); k++) {
            if (!Character.isDigit(value.charAt(k))) {
                return -1;
            }
        }
        return Long.parseLong(value);
    }

    /** The fds of {@code [3, 4]} in pipe2/socketpair: printed at exit, so on the resumed half when cut. */
    private List<ArgNode> pairFds(int i, ParsedLine line) {
        List<ArgNode> fds = new java.util.ArrayList<>();
        for (ArgList args : List.of(entryArgs(i), ArgParser.parse(trace.text(), line.argsSpan().isPresent()
                ? line.argsSpan() : new org.stracels.parse.Span(line.lineEnd(), line.lineEnd())))) {
            for (ArgNode arg : args.nodes()) {
                if (arg.kind() == ArgKind.ARRAY) {
                    for (ArgNode e : arg.children()) {
                        if (e.kind() == ArgKind.NUMBER && e.numericValue().isPresent()) {
                            fds.add(e);
                        }
                    }
                    return fds;
                }
            }
        }
        return fds;
    }

    private static String pairLabel(String syscall) {
        return syscall.startsWith("pipe") ? "pipe" : syscall;
    }

    private static long key(int table, int fd) {
        return ((long) table << 32) | (fd & 0xffffffffL);
    }
}
