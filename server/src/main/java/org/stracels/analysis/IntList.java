package org.stracels.analysis;

import java.util.Arrays;

/**
 * A growable array of ints: compact storage for per-line facts on million-line traces (no boxing), used by
 * the fd model and the cause analysis.
 */
public final class IntList {
    private int[] values;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    public int add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 4);
        }
        values[size] = value;
        return size++;
    }

    public int get(int i) {
        return values[i];
    }

    public void set(int i, int value) {
        values[i] = value;
    }

    public int size() {
        return size;
    }

    /** The values, trimmed to the size. */
    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** The last value added; the list must not be empty. */
    public int last() {
        return values[size - 1];
    }

    /** Index of the first value {@code >= key} in a sorted array. */
    public static int lowerBound(int[] sorted, int key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
