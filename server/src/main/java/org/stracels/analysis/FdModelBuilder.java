package org.stracels.analysis;

import java.util.Arrays;
import java.util.List;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.CancelCheck;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Span;

/**
 * Walks the trace once, in line order, and replays every call that makes, copies, ends or uses an fd on the
 * tables of {@link FdTables}, which write the instances and lives they see to an {@link FdRecords}: the model
 * keeps only that. Arguments of a cut call count where they are printed: the entry half's when the unfinished
 * line is reached, the rest and the effects (new fds, closes) at the resumed line. Only lines
 * of calls that can involve fds are read again (and, in -y traces, lines with a decoration).
 */
final class FdModelBuilder {
    private final ParsedTrace parsed;
    private final TraceModel model;
    private final CancelCheck cancel;
    private final String text;
    private final boolean decorated;
    private final FdTables tables;
    private final FdRecords records;
    private final boolean[] relevant;
    private final FdEffects effects;
    private final IntList useOffsets = new IntList(1024);
    private final IntList useLives = new IntList(1024);

    FdModelBuilder(ParsedTrace parsed, TraceModel model, CancelCheck cancel) {
        this.parsed = parsed;
        this.model = model;
        this.cancel = cancel;
        this.text = parsed.text();
        String fds = model.options().decodeFds();
        this.decorated = fds != null && !fds.isEmpty();
        this.records = new FdRecords(model.processes().size());
        this.tables = new FdTables(model, records);
        this.effects = new FdEffects(this, tables);
        List<String> names = parsed.names();
        this.relevant = new boolean[names.size()];
        for (int i = 0; i < relevant.length; i++) {
            String name = names.get(i);
            relevant[i] = FdCalls.isFdArg(name, 0) || FdCalls.isFdArg(name, 1) || FdCalls.isFdArg(name, 3)
                    || FdCalls.isFdArg(name, 4) || FdCalls.fdsInStructs(name) || FdCalls.mayReturnFd(name)
                    || FdCalls.arrayCreatorArg(name) >= 0 || FdEffects.hasEffect(name);
        }
    }

    FdModel build() {
        int n = parsed.lineCount();
        int[] endings = endings();
        int nextEnding = 0;
        int[] births = births();
        int nextBirth = 0;
        for (int i = 0; i < n; i++) {
            cancel.checkEvery(i);
            int process = model.processOf(i);
            if (process >= 0) {
                line(i, process);
            }
            // the child's table is a copy of its parent's as the clone returns (unless the child showed up earlier)
            while (nextBirth < births.length && model.process(births[nextBirth]).createdAtLine() == i) {
                tables.tableOf(births[nextBirth++], i, this::sharesTable);
            }
            while (nextEnding < endings.length && model.process(endings[nextEnding]).endLine() == i) {
                int t = records.tableOfProcess(endings[nextEnding++]);
                if (t >= 0) {
                    tables.release(t, i);
                }
            }
        }
        int[] offsets = useOffsets.toArray();
        int[] lives = useLives.toArray();
        int count = FdModel.sortByOffset(offsets, lives);
        return new FdModel(records, parsed.names(), Arrays.copyOf(offsets, count), Arrays.copyOf(lives, count));
    }

    /** Processes that end (exit, killed, superseded), by their end line. */
    private int[] endings() {
        return model.activeProcesses().stream().filter(p -> p.endLine() >= 0)
                .sorted((a, b) -> Integer.compare(a.endLine(), b.endLine())).mapToInt(ProcessInfo::id).toArray();
    }

    /** Processes whose creating clone/fork the trace shows, by the line of its result. */
    private int[] births() {
        return model.activeProcesses().stream().filter(p -> p.createdAtLine() >= 0 && p.parentId() >= 0)
                .sorted((a, b) -> Integer.compare(a.createdAtLine(), b.createdAtLine())).mapToInt(ProcessInfo::id).toArray();
    }

    private void line(int i, int process) {
        LineKind kind = parsed.kind(i);
        if (kind != LineKind.SYSCALL && kind != LineKind.UNFINISHED && kind != LineKind.RESUMED
                && kind != LineKind.DETACHED && kind != LineKind.PID_CHANGED) {
            return;
        }
        int t = tables.tableOf(process, i, this::sharesTable);
        int nameId = parsed.nameId(i);
        if (nameId < 0) {
            return;
        }
        boolean known = relevant[nameId];
        ParsedLine line = null;
        if (!known) {
            if (!decorated) {
                return;
            }
            line = parsed.line(i);
            if (!hasDecoration(line)) {
                return;
            }
        }
        if (line == null) {
            line = parsed.line(i);
        }
        String name = parsed.name(i);
        if (kind == LineKind.RESUMED) {
            int entry = model.partner(i);
            ParsedLine entryLine = entry >= 0 ? parsed.line(entry) : null;
            ArgList before = entryLine != null ? ArgParser.parse(text, entryLine.argsSpan()) : null;
            ArgList after = ArgParser.parse(text, line.argsSpan());
            Call call = new Call(name, nameId, i, line, before, after);
            uses(call, after, call.shift(), t, i, ebadf(i));
            effects.apply(call, t);
        } else if (kind == LineKind.SYSCALL) {
            ArgList args = ArgParser.parse(text, line.argsSpan());
            Call call = new Call(name, nameId, i, line, args, null);
            uses(call, args, 0, t, i, ebadf(i));
            if (name.equals("close")) {
                effects.close(call, t, ebadf(i));
            }
            effects.apply(call, t);
        } else {
            int exit = model.partner(i);
            ArgList args = ArgParser.parse(text, line.argsSpan());
            Call call = new Call(name, nameId, i, line, args, null);
            boolean badFd = exit >= 0 && ebadf(exit);
            uses(call, args, 0, t, i, badFd);
            if (name.equals("close") && kind == LineKind.UNFINISHED) {
                effects.close(call, t, badFd);
            }
        }
    }

    /** Arguments {@code list} of a call, the first at position {@code shift}: record every fd they show. */
    private void uses(Call call, ArgList list, int shift, int t, int line, boolean badFd) {
        if (badFd && !decorated) {
            return; // = -1 EBADF: the number was not an open fd
        }
        int creations = FdCalls.arrayCreatorArg(call.name());
        for (int k = 0; k < list.size(); k++) {
            int index = k + shift;
            if (index != creations) {
                visit(call, list.get(k), index, true, false, t, line);
            }
        }
    }

    /**
     * Finds the fds in one argument. FD nodes (-y) are fds wherever they are; plain numbers are fds at the
     * positions {@link FdCalls} knows, in pollfd's {@code fd} field, in select's sets and in SCM_RIGHTS data
     * ({@code numbers}: this node is such a place).
     */
    private void visit(Call call, ArgNode node, int index, boolean top, boolean numbers, int t, int line) {
        if (node == null) {
            return;
        }
        switch (node.kind()) {
            case FD -> {
                long fd = node.fdNumber().orElse(-1);
                ArgNode number = FdCalls.numberNode(node);
                if (fd >= 0 && number != null) {
                    Span d = node.decorationSpan();
                    use(t, (int) fd, number.start(), d.start(), d.end(), line, true);
                }
            }
            case NUMBER -> {
                if (!decorated && (numbers || (top && FdCalls.isFdArg(call.name(), index)))) {
                    long fd = node.numericValue().orElse(-1);
                    if (fd >= 0 && fd < Integer.MAX_VALUE) {
                        // dup2's target may be closed: a use only when the model has it open
                        boolean target = top && index == 1 && (call.name().equals("dup2") || call.name().equals("dup3"));
                        use(t, (int) fd, node.start(), -1, -1, line, !target);
                    }
                }
            }
            case FIELD -> {
                boolean data = "cmsg_data".equals(node.name());
                if (data && call.receivesFds()) {
                    return; // fds received with SCM_RIGHTS are made by the call: see FdEffects
                }
                boolean fds = (data && call.sendsFds()) || ("fd".equals(node.name()) && FdCalls.fdsInStructs(call.name()));
                visit(call, node.value(), index, false, fds, t, line);
            }
            case BITSET -> {
                boolean sets = FdCalls.fdsInStructs(call.name()); // select's fd sets
                for (ArgNode child : node.children()) {
                    visit(call, child, index, false, sets, t, line);
                }
            }
            case STRING, SYMBOL, COMMENT, ELLIPSIS, UNAVAILABLE, OTHER -> {
            }
            default -> {
                if (!decorated && !FdCalls.fdsInStructs(call.name()) && !call.sendsFds()) {
                    return;
                }
                for (ArgNode child : node.children()) {
                    visit(call, child, index, false, numbers && node.kind() == ArgKind.ARRAY, t, line);
                }
            }
        }
    }

    /**
     * One fd shown at {@code offset}: the life it belongs to. A decoration that names another file than the
     * model's instance wins: the model's life ends and an INFERRED instance starts here.
     */
    void use(int t, int fd, int offset, int decorationStart, int decorationEnd, int line, boolean mayBeUnknown) {
        int life = tables.get(t, fd);
        if (life < 0 && !mayBeUnknown) {
            return;
        }
        if (life < 0) {
            life = tables.unknown(t, fd, line, offset, decorationStart, decorationEnd);
        } else if (decorationStart >= 0) {
            int instance = records.lifeInstance(life);
            int nameStart = records.instNameStart(instance);
            if (nameStart >= 0 && !FdNames.sameObject(text.substring(nameStart, records.instNameEnd(instance)),
                    text.substring(decorationStart, decorationEnd))) {
                tables.end(t, fd, line, FdModel.End.REPLACED_UNSEEN);
                life = tables.create(t, fd, line, offset, -1, FdModel.Origin.INFERRED, -1, false, decorationStart,
                        decorationEnd);
            } else {
                records.nameIfUnnamed(instance, decorationStart, decorationEnd);
            }
        }
        if (life >= 0) {
            useOffsets.add(offset);
            useLives.add(life);
        }
    }

    /** A new fd shown at {@code offset} is made here; records its use. */
    void created(int life, int offset) {
        if (life >= 0) {
            useOffsets.add(offset);
            useLives.add(life);
        }
    }

    String text() {
        return text;
    }

    private boolean ebadf(int line) {
        return parsed.returnKind(line) == ReturnKind.ERROR && "EBADF".equals(parsed.errno(line));
    }

    /** -y: is there an fd decoration in the arguments or the result? */
    private boolean hasDecoration(ParsedLine line) {
        if (line.returnDecorationSpan().isPresent()) {
            return true;
        }
        Span args = line.argsSpan();
        return args.isPresent() && text.indexOf('<', args.start()) >= 0 && text.indexOf('<', args.start()) < args.end();
    }

    /** Threads and CLONE_FILES children share their creator's fd table. */
    private boolean sharesTable(int process) {
        ProcessInfo p = model.process(process);
        if (p.isThread()) {
            return true;
        }
        int created = p.createdAtLine();
        if (created < 0) {
            return false;
        }
        int entry = parsed.kind(created) == LineKind.RESUMED && model.partner(created) >= 0 ? model.partner(created) : created;
        ParsedLine call = parsed.line(entry);
        return call.argsSpan().text(text).contains("CLONE_FILES");
    }
}
