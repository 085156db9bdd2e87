package org.stracels.analysis;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The processes of a window of a big file, by id: the window's own (alive at its start or begun in it), and the
 * processes that had ended before it, which every window shares with the {@link ModelState} they came from, in
 * global lines. Those are handed out as a fresh copy in the window's lines, so that a state holds each ended process
 * once however many windows follow, and a window never holds a copy of all of them.
 */
final class WindowProcesses extends AbstractList<ProcessInfo> implements RandomAccess {
    private final List<ProcessInfo> shared;
    private final ProcessInfo[] own;
    private final LineMap map;

    /** @param own the window's processes by id, null where {@code shared} has the process */
    WindowProcesses(List<ProcessInfo> shared, ProcessInfo[] own, LineMap map) {
        this.shared = shared;
        this.own = own;
        this.map = map;
    }

    @Override
    public ProcessInfo get(int id) {
        ProcessInfo p = own[id];
        return p != null ? p : shared.get(id).copy(map::toLocal);
    }

    /** Process {@code id} as held, for what does not depend on lines (pid, parent, thread): no copy. */
    ProcessInfo raw(int id) {
        ProcessInfo p = own[id];
        return p != null ? p : shared.get(id);
    }

    @Override
    public int size() {
        return own.length;
    }
}
