package org.stracels.analysis;

import java.util.Arrays;

/**
 * What the fd model keeps once the trace is replayed: every fd instance (the call that made it, its number,
 * origin, name) and every life of an instance in one fd table (from, end, how it ended, close-on-exec), and
 * which table each process used. Plain int arrays, written by {@link FdTables} during the replay and read by
 * {@link FdModel} after it; the replay's own state (the open numbers of each table) is not here, so the
 * finished model does not keep it alive.
 */
final class FdRecords {
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

    /** Per table, the process it was made for (the first of those sharing it). */
    private final IntList tableOwner = new IntList();
    private final int[] tableOfProcess;

    FdRecords(int processCount) {
        tableOfProcess = new int[processCount];
        Arrays.fill(tableOfProcess, -1);
    }

    /** A new fd table, made for process {@code owner}; returns its id. */
    int addTable(int owner) {
        return tableOwner.add(owner);
    }

    void setTableOfProcess(int process, int table) {
        tableOfProcess[process] = table;
    }

    /** The table process {@code process} used, or -1 when it never had one. */
    int tableOfProcess(int process) {
        return tableOfProcess[process];
    }

    int addInstance(int fd, FdModel.Origin origin, int line, int offset, int creator, int dupOf, int process,
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

    int addLife(int table, int instance, int from, boolean cloexec) {
        lifeInstance.add(instance);
        lifeTable.add(table);
        lifeFrom.add(from);
        lifeEnd.add(-1);
        lifeEndReason.add(FdModel.End.OPEN.ordinal());
        return lifeCloexec.add(cloexec ? 1 : 0);
    }

    void endLife(int life, int line, FdModel.End reason) {
        lifeEnd.set(life, line);
        lifeEndReason.set(life, reason.ordinal());
    }

    void setCloexec(int life, boolean on) {
        lifeCloexec.set(life, on ? 1 : 0);
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
    int lifeProcess(int l) { return tableOwner.get(lifeTable.get(l)); }
    int lifeTable(int l) { return lifeTable.get(l); }
    int lifeFrom(int l) { return lifeFrom.get(l); }
    int lifeEnd(int l) { return lifeEnd.get(l); }
    int lifeEndReason(int l) { return lifeEndReason.get(l); }
    boolean lifeCloexec(int l) { return lifeCloexec.get(l) != 0; }

    /** Bytes held by the instance, life and table arrays. */
    long bytes() {
        return 4L * (9L * instFd.size() + 6L * lifeInstance.size() + tableOwner.size() + tableOfProcess.length);
    }
}
