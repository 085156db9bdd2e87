package org.stracels.analysis;

import java.util.Arrays;

/**
 * How the lines of a window of a big trace relate to the lines of the whole file. A window's text holds, in
 * order, a few carried lines from far back (calls still waiting for their {@code <... resumed>} half), then
 * a run of consecutive lines of the file. Local line {@code l} is the {@code l}-th line of the window's text.
 * Lines before the window that are not carried map to local numbers below -1, so that -1 keeps meaning
 * "no line" and order among the window's own lines is kept.
 */
public final class LineMap {
    /** The whole file is the window: local and global lines are the same. */
    public static final LineMap IDENTITY = new LineMap(new int[0], 0);

    private final int[] carried;
    private final int start;

    /**
     * @param carried global lines of the carried lines, ascending, all before {@code start}
     * @param start   the global line of the first consecutive line of the window
     */
    public LineMap(int[] carried, int start) {
        this.carried = carried.clone();
        this.start = start;
    }

    /** How many carried lines open the window's text. */
    public int carriedCount() {
        return carried.length;
    }

    /** The global line of the window's first consecutive line. */
    public int start() {
        return start;
    }

    public int toGlobal(int local) {
        if (local == -1) {
            return -1;
        }
        if (local >= carried.length) {
            return start + local - carried.length;
        }
        if (local >= 0) {
            return carried[local];
        }
        return start + local + 1;
    }

    public int toLocal(int global) {
        if (global == -1) {
            return -1;
        }
        if (global >= start) {
            return carried.length + global - start;
        }
        int k = Arrays.binarySearch(carried, global);
        if (k >= 0) {
            return k;
        }
        return global - start - 1;
    }

    public boolean isIdentity() {
        return carried.length == 0 && start == 0;
    }
}
