package org.stracels.navigate;

import java.util.List;
import java.util.Set;
import org.stracels.analysis.FdModel;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;

/**
 * Finds what the cursor is on: an fd, one half of a cut call, a process, an address. A cursor just after a
 * token (where editors put it after a double click or typing) counts as on it.
 */
final class Cursor {
    private static final Set<String> CREATORS = Set.of("clone", "clone2", "clone3", "fork", "vfork");
    /** Calls whose first argument is a pid, and (tgkill) second. */
    private static final Set<String> PID_FIRST = Set.of("wait4", "waitpid", "kill", "tkill", "tgkill", "pidfd_open",
            "ptrace", "setpgid", "getpgid", "getsid", "sched_setaffinity", "sched_getaffinity", "sched_setscheduler",
            "sched_getscheduler", "sched_setparam", "sched_getparam", "sched_setattr", "sched_getattr", "prlimit64",
            "process_vm_readv", "process_vm_writev", "rt_sigqueueinfo", "rt_tgsigqueueinfo", "get_robust_list",
            "kcmp", "migrate_pages", "move_pages", "ioprio_get", "ioprio_set");
    private static final Set<String> PID_FIELDS = Set.of("si_pid", "pid", "tid", "tgid");
    private static final Set<String> MEMORY = Set.of("munmap", "mprotect", "pkey_mprotect", "madvise",
            "process_madvise", "mremap", "brk", "msync", "mlock", "mlock2", "munlock", "mincore", "remap_file_pages");

    private Cursor() {
    }

    static Subject at(Trace trace, int offset, CancelCheck cancel) {
        if (trace.parsed().lineCount() == 0 || offset < 0 || offset > trace.text().length()) {
            return null;
        }
        Subject s = exactly(trace, offset, cancel);
        if (s == null && offset > 0) {
            s = exactly(trace, offset - 1, cancel);
        }
        return s;
    }

    private static Subject exactly(Trace trace, int offset, CancelCheck cancel) {
        int i = trace.parsed().lineAt(offset);
        ParsedLine line = trace.parsed().line(i);
        if (offset < line.lineStart() || offset >= line.lineEnd()) {
            return null;
        }
        TraceModel model = trace.model();
        if (line.pidSpan().contains(offset)) {
            return process(model.processOf(i), Subject.Role.PID, i);
        }
        switch (line.kind()) {
            case EXITED, KILLED -> {
                return offset >= line.eventStart() ? process(model.processOf(i), Subject.Role.END, i) : null;
            }
            case SUPERSEDED -> {
                if (line.detailSpan().contains(offset)) {
                    return process(model.processAt(line.number(), i), Subject.Role.PID, i);
                }
                return offset >= line.eventStart() ? process(model.processOf(i), Subject.Role.END, i) : null;
            }
            case SIGNAL -> {
                return line.argsSpan().contains(offset) ? inArguments(trace, i, line, offset, cancel) : null;
            }
            default -> {
            }
        }
        if (!line.kind().isSyscall() || line.kind() == LineKind.PARTIAL) {
            return null;
        }
        if (line.unfinishedSpan().contains(offset) || (line.kind() == LineKind.UNFINISHED && line.nameSpan().contains(offset))
                || (line.kind() == LineKind.RESUMED && offset >= line.eventStart() && offset < markerEnd(trace, line))) {
            return new Subject.Half(i, model.partner(i));
        }
        if (line.returnValueSpan().contains(offset) || line.returnDecorationSpan().contains(offset)) {
            if (CREATORS.contains(line.name())) {
                long pid = Processes.number(trace.text(), line.returnValueSpan());
                return process(model.processAt(pid, i), Subject.Role.CHILD, i);
            }
            return fd(trace, line.returnValueSpan().start(), cancel);
        }
        if (line.argsSpan().contains(offset)) {
            return inArguments(trace, i, line, offset, cancel);
        }
        return null;
    }

    /** End of {@code <... name resumed>}. */
    private static int markerEnd(Trace trace, ParsedLine line) {
        int end = trace.text().indexOf("resumed>", line.eventStart());
        return end < 0 || end > line.lineEnd() ? line.eventStart() : end + "resumed>".length();
    }

    private static Subject inArguments(Trace trace, int i, ParsedLine line, int offset, CancelCheck cancel) {
        ArgList args = ArgParser.parse(trace.text(), line.argsSpan());
        List<ArgNode> path = args.pathAt(offset);
        if (path.isEmpty()) {
            return null;
        }
        ArgNode leaf = path.get(path.size() - 1);
        ArgNode fdNode = null;
        for (ArgNode n : path) {
            if (n.kind() == ArgKind.FD) {
                fdNode = n;
            }
        }
        if (fdNode != null) {
            ArgNode number = fdNode.value();
            return number != null && number.kind() == ArgKind.NUMBER ? fd(trace, number.start(), cancel) : null;
        }
        if (leaf.kind() != ArgKind.NUMBER) {
            return null;
        }
        String name = line.name() == null ? "" : line.name();
        long value = leaf.numericValue().orElse(Long.MIN_VALUE);
        int index = args.indexAt(offset);
        boolean resumed = line.kind() == LineKind.RESUMED;
        ArgNode field = path.size() >= 2 && path.get(path.size() - 2).kind() == ArgKind.FIELD ? path.get(path.size() - 2) : null;
        if (field != null && PID_FIELDS.contains(field.name()) && value > 0) {
            return process(trace.model().processAt(value, i), Subject.Role.PID, i);
        }
        if (!resumed && field == null && path.size() == 1 && value > 0
                && ((PID_FIRST.contains(name) && index == 0) || (name.equals("tgkill") && index == 1))) {
            return process(trace.model().processAt(value, i), Subject.Role.PID, i);
        }
        if (!resumed && path.size() == 1 && index == 0 && MEMORY.contains(name) && value != Long.MIN_VALUE) {
            return new Subject.Address(value, i);
        }
        return fd(trace, leaf.start(), cancel);
    }

    /** The fd whose number starts at {@code start}, if the model has a use there. */
    private static Subject fd(Trace trace, int start, CancelCheck cancel) {
        FdModel fds = trace.fds(cancel);
        int use = fds.useAt(start);
        return use >= 0 ? new Subject.Fd(use) : null;
    }

    private static Subject process(int processId, Subject.Role role, int line) {
        return processId >= 0 ? new Subject.Process(processId, role, line) : null;
    }

    /** The span of the fd number starting at {@code start}: its digits. */
    static Place number(CharSequence text, int start) {
        int end = start;
        if (end < text.length() && text.charAt(end) == '-') {
            end++;
        }
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return new Place(start, Math.max(end, start + 1));
    }

    /** The whole of line {@code i} (without its line break). */
    static Place line(Trace trace, int i) {
        return new Place(trace.parsed().lineStart(i), trace.parsed().lineEnd(i));
    }
}
