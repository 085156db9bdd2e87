package org.stracels.analysis;

import java.util.Arrays;

/** A growable array of ints: the compact storage of the fd model (no boxing on million-line traces). */
final class IntList {
    private int[] values;
    private int size;

    IntList() {
        this(16);
    }

    IntList(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    int add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 4);
        }
        values[size] = value;
        return size++;
    }

    int get(int i) {
        return values[i];
    }

    void set(int i, int value) {
        values[i] = value;
    }

    int size() {
        return size;
    }

    /** The values, trimmed to the size. */
    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
