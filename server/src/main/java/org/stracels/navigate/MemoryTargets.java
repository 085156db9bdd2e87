package org.stracels.navigate;

import java.util.List;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;

/**
 * From an address to the mapping that holds it: looks back through the lines of the address space (the
 * process and its threads; across a fork, the parent before it; never across a successful execve) for the
 * latest mmap or mremap whose result range holds the address, or the brk that moved the break past it.
 */
final class MemoryTargets {
    private MemoryTargets() {
    }

    static List<Place> definition(Trace trace, long address, int line) {
        ParsedTrace parsed = trace.parsed();
        TraceModel model = trace.model();
        int process = model.processOf(line);
        if (process < 0) {
            return List.of();
        }
        int space = space(model, process);
        int brk = -1;
        int l = line - 1;
        while (l >= 0) {
            int owner = model.processOf(l);
            if (owner >= 0 && space(model, owner) == space && parsed.returnKind(l) == ReturnKind.VALUE
                    && parsed.kind(l) != LineKind.PARTIAL) {
                String name = parsed.name(l);
                if (name != null) {
                    switch (name) {
                        case "mmap", "mmap2", "mremap" -> {
                            if (holds(trace, l, name, address)) {
                                return List.of(result(trace, l));
                            }
                        }
                        case "brk" -> {
                            long end = value(trace, parsed.line(l));
                            if (Long.compareUnsigned(end, address) > 0) {
                                brk = l; // the earliest so far that reaches past the address
                            } else if (brk >= 0) {
                                return List.of(result(trace, brk));
                            }
                        }
                        case "execve", "execveat" -> {
                            return brk >= 0 ? List.of(result(trace, brk)) : List.of(); // a new address space
                        }
                        default -> {
                        }
                    }
                }
            }
            ProcessInfo root = model.process(space);
            if (l <= Math.max(root.firstLine(), 0) && owner == space) {
                if (root.isThread() || root.parentId() < 0 || root.createdAtLine() < 0) {
                    break;
                }
                // a forked child starts with a copy of its parent's mappings
                space = space(model, root.parentId());
                l = Math.min(l, root.createdAtLine());
            }
            l--;
        }
        return brk >= 0 ? List.of(result(trace, brk)) : List.of();
    }

    /** The process whose address space {@code process} uses: up through the threads to the one they belong to. */
    private static int space(TraceModel model, int process) {
        ProcessInfo p = model.process(process);
        int guard = 0;
        while (p.isThread() && p.parentId() >= 0 && guard++ < 10_000) {
            p = model.process(p.parentId());
        }
        return p.id();
    }

    private static boolean holds(Trace trace, int l, String name, long address) {
        ParsedLine result = trace.parsed().line(l);
        long start = value(trace, result);
        int entry = trace.model().partner(l) >= 0 ? trace.model().partner(l) : l;
        ParsedLine call = entry == l ? result : trace.parsed().line(entry);
        ArgList args = ArgParser.parse(trace.text(), call.argsSpan());
        int lengthArg = name.equals("mremap") ? 2 : 1;
        if (args.get(lengthArg) == null) {
            return false;
        }
        long length = args.get(lengthArg).stripped() == null ? -1
                : args.get(lengthArg).stripped().numericValue().orElse(-1);
        return length > 0 && Long.compareUnsigned(address, start) >= 0
                && Long.compareUnsigned(address - start, length) < 0;
    }

    private static long value(Trace trace, ParsedLine line) {
        String s = line.returnValueSpan().text(trace.text());
        try {
            return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Place result(Trace trace, int l) {
        ParsedLine line = trace.parsed().line(l);
        return new Place(line.returnValueSpan().start(), line.returnValueSpan().end());
    }
}
