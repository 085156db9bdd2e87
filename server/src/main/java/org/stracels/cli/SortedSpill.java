package org.stracels.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Texts that come in one order and go out in another (sorted by a key, ties in the order they came), kept on disk
 * in between: memory holds 16 bytes per text, whatever their number and size. For outputs that a file read window
 * by window finds in line order but prints in another (the silent failing processes of {@code check --explain},
 * by process).
 */
final class SortedSpill implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private int[] keys = new int[64];
    private long[] offsets = new long[64];
    private int[] lengths = new int[64];
    private int count;
    private long size;

    SortedSpill() {
        try {
            file = Files.createTempFile("strace-ls-", ".spill");
            file.toFile().deleteOnExit();
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary file: " + e.getMessage(), e);
        }
    }

    void add(int key, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        keys[count] = key;
        offsets[count] = size;
        lengths[count] = bytes.length;
        count++;
        size += bytes.length;
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file: " + e.getMessage(), e);
        }
    }

    int size() {
        return count;
    }

    /** Every text, by key. */
    void forEachSorted(Consumer<String> action) {
        long[] order = new long[count]; // key, then arrival: one long each, sorted as numbers
        for (int k = 0; k < count; k++) {
            order[k] = (long) keys[k] << 32 | k;
        }
        Arrays.sort(order);
        try {
            out.flush();
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                for (long o : order) {
                    int k = (int) o;
                    byte[] bytes = new byte[lengths[k]];
                    in.seek(offsets[k]);
                    in.readFully(bytes);
                    action.accept(new String(bytes, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a temporary file: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is deleted at exit
        }
    }
}
