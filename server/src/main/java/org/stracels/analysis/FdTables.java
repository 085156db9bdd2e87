package org.stracels.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fd tables of the processes while {@link FdModelBuilder} walks the trace, and the instances and lives
 * it records. A process gets a table at its first line: threads and CLONE_FILES children share their
 * creator's, forks copy it (the copy holds the same instances, each in a new life), a process of unknown
 * parent starts with an empty one. A number used before anything made it is inherited: from the table it
 * was copied from when that one never held the number either, else from before the trace.
 */
final class FdTables {
    private static final int MAX_FD = 1 << 20;

    /** One fd table: fd number to life, and when each number was first held. */
    private static final class Table {
        final int owner;
        final int parent;
        final int startLine;
        int refs = 1;
        int[] slots = empty(8);
        int[] firstHeld = empty(8);
        /** The life that last held each number before the current one ended, or -1. */
        int[] lastEnded = empty(8);

        Table(int owner, int parent, int startLine) {
            this.owner = owner;
            this.parent = parent;
            this.startLine = startLine;
        }

        int get(int fd) {
            return fd >= 0 && fd < slots.length ? slots[fd] : -1;
        }

        int firstHeld(int fd) {
            return fd >= 0 && fd < firstHeld.length ? firstHeld[fd] : -1;
        }

        void put(int fd, int life, int line) {
            if (fd >= slots.length) {
                int size = Math.max(fd + 1, slots.length * 2);
                int old = slots.length;
                slots = Arrays.copyOf(slots, size);
                firstHeld = Arrays.copyOf(firstHeld, size);
                lastEnded = Arrays.copyOf(lastEnded, size);
                Arrays.fill(slots, old, size, -1);
                Arrays.fill(firstHeld, old, size, -1);
                Arrays.fill(lastEnded, old, size, -1);
            }
            slots[fd] = life;
            if (life >= 0 && firstHeld[fd] < 0) {
                firstHeld[fd] = line;
            }
        }

        private static int[] empty(int n) {
            int[] a = new int[n];
            Arrays.fill(a, -1);
            return a;
        }
    }

    private final TraceModel model;
    private final List<Table> tables = new ArrayList<>();
    private final int[] tableOfProcess;

    private final IntList instFd = new IntList();
    private final IntList instOrigin = new IntList();
    private final IntList instLine = new IntList();
    private final IntList instOffset = new IntList();
    private final IntList instCreator = new IntList();
    private final IntList instDupOf = new IntList();
    private final IntList instProcess = new IntList();
    private final IntList instNameStart = new IntList();
    private final IntList instNameEnd = new IntList();

    private final IntList lifeInstance = new IntList();
    private final IntList lifeTable = new IntList();
    private final IntList lifeFrom = new IntList();
    private final IntList lifeEnd = new IntList();
    private final IntList lifeEndReason = new IntList();
    private final IntList lifeCloexec = new IntList();

    FdTables(TraceModel model) {
        this.model = model;
        this.tableOfProcess = new int[model.processes().size()];
        Arrays.fill(tableOfProcess, -1);
    }

    /** The table of process {@code process}, made at its first line; {@code shares}: CLONE_FILES/CLONE_THREAD. */
    int tableOf(int process, int line, java.util.function.IntPredicate shares) {
        int t = tableOfProcess[process];
        if (t >= 0) {
            return t;
        }
        ProcessInfo p = model.process(process);
        int parentTable = p.parentId() >= 0 ? tableOfProcess[p.parentId()] : -1;
        if (parentTable >= 0 && shares.test(process)) {
            tables.get(parentTable).refs++;
            t = parentTable;
        } else {
            t = tables.size();
            Table table = new Table(process, parentTable, line);
            tables.add(table);
            if (parentTable >= 0) {
                Table from = tables.get(parentTable);
                for (int fd = 0; fd < from.slots.length; fd++) {
                    int life = from.slots[fd];
                    if (life >= 0) {
                        table.put(fd, addLife(t, lifeInstance.get(life), line, lifeCloexec.get(life) != 0), line);
                    }
                }
            }
        }
        tableOfProcess[process] = t;
        return t;
    }

    /** The life of {@code fd} in table {@code t}, or -1 when the model has it closed. */
    int get(int t, int fd) {
        return tables.get(t).get(fd);
    }

    /** A new instance made at {@code offset} on {@code line}, held in table {@code t}; returns its life. */
    int create(int t, int fd, int line, int offset, int creator, FdModel.Origin origin, int dupOf, boolean cloexec,
            int nameStart, int nameEnd) {
        if (fd < 0 || fd >= MAX_FD) {
            return -1;
        }
        int instance = addInstance(fd, origin, line, offset, creator, dupOf, tables.get(t).owner, nameStart, nameEnd);
        int life = addLife(t, instance, line, cloexec);
        tables.get(t).put(fd, life, line);
        return life;
    }

    /**
     * A number used while the model has it closed: inherited when no table on the way to the first process
     * held it before (the instance then lives in each of those tables that still has the number free), else a
     * new INFERRED instance seen first here. Returns the life in {@code t}.
     */
    int unknown(int t, int fd, int line, int offset, int nameStart, int nameEnd) {
        if (fd < 0 || fd >= MAX_FD) {
            return -1;
        }
        Table table = tables.get(t);
        if (table.firstHeld(fd) >= 0) {
            return create(t, fd, line, offset, -1, FdModel.Origin.INFERRED, -1, false, nameStart, nameEnd);
        }
        List<Integer> chain = new ArrayList<>();
        chain.add(t);
        Table at = table;
        int instance = -1;
        while (at.parent >= 0 && instance < 0) {
            Table parent = tables.get(at.parent);
            int held = parent.firstHeld(fd);
            if (held >= 0 && held <= at.startLine) {
                // the parent held it when it was copied: the child has that instance, if the life is known
                instance = heldAt(parent, fd, at.startLine);
                if (instance < 0) {
                    return create(t, fd, line, offset, -1, FdModel.Origin.INFERRED, -1, false, nameStart, nameEnd);
                }
                break;
            }
            chain.add(at.parent);
            at = parent;
        }
        if (instance < 0) {
            int owner = at.owner;
            int firstLine = Math.max(model.process(owner).firstLine(), 0);
            instance = addInstance(fd, FdModel.Origin.INHERITED, firstLine, -1, -1, -1, owner, nameStart, nameEnd);
        }
        int life = -1;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Table holder = tables.get(chain.get(i));
            if (holder == table || (holder.get(fd) < 0 && holder.firstHeld(fd) < 0)) {
                int l = addLife(chain.get(i), instance, holder.startLine, false);
                holder.put(fd, l, holder.startLine);
                life = l;
            }
        }
        return life;
    }

    /** The instance table {@code table} held at {@code fd} on {@code line}, as far as its current and last life tell; -1. */
    private int heldAt(Table table, int fd, int line) {
        for (int life : new int[] {table.get(fd), fd < table.lastEnded.length ? table.lastEnded[fd] : -1}) {
            if (life >= 0 && lifeFrom.get(life) <= line && (lifeEnd.get(life) < 0 || lifeEnd.get(life) >= line)) {
                return lifeInstance.get(life);
            }
        }
        return -1;
    }

    /** Ends the life of {@code fd} in table {@code t}, if open. */
    void end(int t, int fd, int line, FdModel.End reason) {
        Table table = tables.get(t);
        int life = table.get(fd);
        if (life >= 0) {
            lifeEnd.set(life, line);
            lifeEndReason.set(life, reason.ordinal());
            table.slots[fd] = -1;
            table.lastEnded[fd] = life;
        }
    }

    /** close_range: ends (or marks close-on-exec) every open fd in {@code [first, last]}. */
    void range(int t, long first, long last, int line, boolean cloexecOnly) {
        Table table = tables.get(t);
        long to = Math.min(last, table.slots.length - 1L);
        for (long fd = Math.max(0, first); fd <= to; fd++) {
            if (cloexecOnly) {
                setCloexec(t, (int) fd, true);
            } else {
                end(t, (int) fd, line, FdModel.End.CLOSED);
            }
        }
    }

    void setCloexec(int t, int fd, boolean on) {
        int life = tables.get(t).get(fd);
        if (life >= 0) {
            lifeCloexec.set(life, on ? 1 : 0);
        }
    }

    /** A successful execve: every close-on-exec fd of the table ends. */
    void exec(int t, int line) {
        Table table = tables.get(t);
        for (int fd = 0; fd < table.slots.length; fd++) {
            int life = table.slots[fd];
            if (life >= 0 && lifeCloexec.get(life) != 0) {
                end(t, fd, line, FdModel.End.CLOSE_ON_EXEC);
            }
        }
    }

    /** A process using table {@code t} ended; the last one to end closes everything still open. */
    void release(int t, int line) {
        Table table = tables.get(t);
        if (--table.refs > 0) {
            return;
        }
        for (int fd = 0; fd < table.slots.length; fd++) {
            end(t, fd, line, FdModel.End.EXIT);
        }
    }

    int tableOfProcess(int process) {
        return tableOfProcess[process];
    }

    private int addInstance(int fd, FdModel.Origin origin, int line, int offset, int creator, int dupOf, int process,
            int nameStart, int nameEnd) {
        instFd.add(fd);
        instOrigin.add(origin.ordinal());
        instLine.add(line);
        instOffset.add(offset);
        instCreator.add(creator);
        instDupOf.add(dupOf);
        instProcess.add(process);
        instNameStart.add(nameStart);
        return instNameEnd.add(nameEnd);
    }

    private int addLife(int t, int instance, int from, boolean cloexec) {
        lifeInstance.add(instance);
        lifeTable.add(t);
        lifeFrom.add(from);
        lifeEnd.add(-1);
        lifeEndReason.add(FdModel.End.OPEN.ordinal());
        return lifeCloexec.add(cloexec ? 1 : 0);
    }

    /** Names a nameless instance from a decoration seen later. */
    void nameIfUnnamed(int instance, int start, int end) {
        if (instNameStart.get(instance) < 0 && start >= 0) {
            instNameStart.set(instance, start);
            instNameEnd.set(instance, end);
        }
    }

    int instanceCount() { return instFd.size(); }
    int instFd(int i) { return instFd.get(i); }
    int instOrigin(int i) { return instOrigin.get(i); }
    int instLine(int i) { return instLine.get(i); }
    int instOffset(int i) { return instOffset.get(i); }
    int instCreator(int i) { return instCreator.get(i); }
    int instDupOf(int i) { return instDupOf.get(i); }
    int instProcess(int i) { return instProcess.get(i); }
    int instNameStart(int i) { return instNameStart.get(i); }
    int instNameEnd(int i) { return instNameEnd.get(i); }

    int lifeCount() { return lifeInstance.size(); }
    int lifeInstance(int l) { return lifeInstance.get(l); }
    int lifeProcess(int l) { return tables.get(lifeTable.get(l)).owner; }
    int lifeTable(int l) { return lifeTable.get(l); }
    int lifeFrom(int l) { return lifeFrom.get(l); }
    int lifeEnd(int l) { return lifeEnd.get(l); }
    int lifeEndReason(int l) { return lifeEndReason.get(l); }
    boolean lifeCloexec(int l) { return lifeCloexec.get(l) != 0; }

    /** Bytes held by the instance and life arrays. */
    long bytes() {
        return 4L * (9L * instFd.size() + 6L * lifeInstance.size());
    }
}
