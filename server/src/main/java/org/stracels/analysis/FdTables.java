package org.stracels.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The replay state of {@link FdModelBuilder}: the fd tables of the processes while it walks the trace, each
 * mapping fd numbers to the life holding them. What they record (instances and lives) goes to an
 * {@link FdRecords}, which outlives the walk; the tables themselves are dropped with the builder. A process
 * gets a table at its first line: threads and CLONE_FILES children share their creator's, forks copy it (the
 * copy holds the same instances, each in a new life), a process of unknown parent starts with an empty one. A
 * number used before anything made it is inherited: from the table it was copied from when that one never
 * held the number either, else from before the trace.
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
    private final FdRecords records;
    private final List<Table> tables = new ArrayList<>();

    FdTables(TraceModel model, FdRecords records) {
        this.model = model;
        this.records = records;
    }

    /** Where the instances and lives go. */
    FdRecords records() {
        return records;
    }

    /** The table of process {@code process}, made at its first line; {@code shares}: CLONE_FILES/CLONE_THREAD. */
    int tableOf(int process, int line, java.util.function.IntPredicate shares) {
        int t = records.tableOfProcess(process);
        if (t >= 0) {
            return t;
        }
        ProcessInfo p = model.process(process);
        int parentTable = p.parentId() >= 0 ? records.tableOfProcess(p.parentId()) : -1;
        if (parentTable >= 0 && shares.test(process)) {
            tables.get(parentTable).refs++;
            t = parentTable;
        } else {
            t = records.addTable(process);
            Table table = new Table(process, parentTable, line);
            tables.add(table);
            if (parentTable >= 0) {
                Table from = tables.get(parentTable);
                for (int fd = 0; fd < from.slots.length; fd++) {
                    int life = from.slots[fd];
                    if (life >= 0) {
                        int copy = records.addLife(t, records.lifeInstance(life), line, records.lifeCloexec(life));
                        table.put(fd, copy, line);
                    }
                }
            }
        }
        records.setTableOfProcess(process, t);
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
        int instance = records.addInstance(fd, origin, line, offset, creator, dupOf, tables.get(t).owner, nameStart,
                nameEnd);
        int life = records.addLife(t, instance, line, cloexec);
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
            instance = records.addInstance(fd, FdModel.Origin.INHERITED, firstLine, -1, -1, -1, owner, nameStart,
                    nameEnd);
        }
        int life = -1;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Table holder = tables.get(chain.get(i));
            if (holder == table || (holder.get(fd) < 0 && holder.firstHeld(fd) < 0)) {
                int l = records.addLife(chain.get(i), instance, holder.startLine, false);
                holder.put(fd, l, holder.startLine);
                life = l;
            }
        }
        return life;
    }

    /** The instance table {@code table} held at {@code fd} on {@code line}, as far as its current and last life tell; -1. */
    private int heldAt(Table table, int fd, int line) {
        for (int life : new int[] {table.get(fd), fd < table.lastEnded.length ? table.lastEnded[fd] : -1}) {
            if (life >= 0 && records.lifeFrom(life) <= line
                    && (records.lifeEnd(life) < 0 || records.lifeEnd(life) >= line)) {
                return records.lifeInstance(life);
            }
        }
        return -1;
    }

    /** Ends the life of {@code fd} in table {@code t}, if open. */
    void end(int t, int fd, int line, FdModel.End reason) {
        Table table = tables.get(t);
        int life = table.get(fd);
        if (life >= 0) {
            records.endLife(life, line, reason);
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
            records.setCloexec(life, on);
        }
    }

    /** A successful execve: every close-on-exec fd of the table ends. */
    void exec(int t, int line) {
        Table table = tables.get(t);
        for (int fd = 0; fd < table.slots.length; fd++) {
            int life = table.slots[fd];
            if (life >= 0 && records.lifeCloexec(life)) {
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
}
