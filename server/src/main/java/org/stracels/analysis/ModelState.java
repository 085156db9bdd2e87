package org.stracels.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the model knows at one line of a trace read in windows, in the file's own (global) line numbers: every
 * process so far, which pid each live one holds, the calls still waiting for their resumed half, and which
 * process owns lines without a pid. The window after it starts from it, so that a big file is modelled in one
 * pass with the same rules as a text in memory. Immutable once made; the processes that ended before a state are
 * the same objects in every state after it (they never change again), so that a file of many processes holds each
 * of them once.
 */
public final class ModelState {
    /** The state before the first line. */
    public static final ModelState EMPTY = new ModelState(List.of(), Map.of(), Map.of(), -1, false);

    final List<ProcessInfo> processes;
    final Map<Integer, Integer> live;
    /** process id → global line of its pending unfinished call. */
    final Map<Integer, Integer> pending;
    final int anonymous;
    final boolean anyPid;

    ModelState(List<ProcessInfo> processes, Map<Integer, Integer> live, Map<Integer, Integer> pending, int anonymous,
            boolean anyPid) {
        this.processes = processes;
        this.live = live;
        this.pending = pending;
        this.anonymous = anonymous;
        this.anyPid = anyPid;
    }

    /** The processes of a trace modelled whole, as a final state (its lines are the file's). */
    public static ModelState of(TraceModel model) {
        return new ModelState(model.processes(), Map.of(), Map.of(), -1, true);
    }

    /** The same state with {@code anyPid} set: whether the trace shows pids (decided from its first window). */
    public ModelState withAnyPid(boolean any) {
        return new ModelState(processes, live, pending, anonymous, any);
    }

    public boolean anyPid() {
        return anyPid;
    }

    /** Every process seen so far, with global lines. */
    public List<ProcessInfo> processes() {
        return Collections.unmodifiableList(processes);
    }

    /** Global lines of the calls that wait for their resumed half, ascending: the lines the next window carries. */
    public int[] pendingLines() {
        return pending.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static Map<Integer, Integer> sortedCopy(Map<Integer, Integer> m) {
        return Collections.unmodifiableMap(new TreeMap<>(m));
    }

    static Map<Integer, Integer> copyOf(Map<Integer, Integer> m) {
        return Collections.unmodifiableMap(new HashMap<>(m));
    }
}
