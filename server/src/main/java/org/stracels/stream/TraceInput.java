package org.stracels.stream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A trace file on disk, checked before anything is read: it exists, is a regular readable file, is not empty and
 * does not start with binary data. Its size is taken when it is opened; {@link LineBlocks} reads up to that size,
 * so a file strace is still writing is read as far as it was then, and the reader says so.
 */
public final class TraceInput {
    /** How much of the file is looked at to tell text from binary data. */
    private static final int SNIFF_BYTES = 8192;
    /** Above this share of control bytes and invalid UTF-8, the file is not a trace. */
    private static final double MAX_NON_TEXT = 0.10;

    private final String name;
    private final Path path;
    private final long size;

    private TraceInput(String name, Path path, long size) {
        this.name = name;
        this.path = path;
        this.size = size;
    }

    /** The file as the user named it. */
    public String name() {
        return name;
    }

    public Path path() {
        return path;
    }

    /** The size when it was opened: what will be read. */
    public long size() {
        return size;
    }

    public static TraceInput open(String name) throws TraceInputException {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new TraceInputException(name + ": not a valid file name");
        }
        return open(name, path);
    }

    /** A {@code file:} URI; any other scheme is refused with a message. */
    public static TraceInput open(URI uri) throws TraceInputException {
        if (uri == null || !"file".equalsIgnoreCase(uri.getScheme())) {
            throw new TraceInputException((uri == null ? "no URI" : uri.toString())
                    + ": not a file: URI (only files on disk can be read)");
        }
        Path path;
        try {
            path = Path.of(uri);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new TraceInputException(uri + ": not a valid file URI");
        }
        return open(path.toString(), path);
    }

    private static TraceInput open(String name, Path path) throws TraceInputException {
        if (Files.isDirectory(path)) {
            throw new TraceInputException(name + ": is a directory");
        }
        if (!Files.exists(path)) {
            throw new TraceInputException(name + ": no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new TraceInputException(name + ": not a regular file");
        }
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(path)) {
            size = Files.size(path);
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (head.length == 0) {
            throw new TraceInputException(name + ": is empty");
        }
        if (looksBinary(head)) {
            throw new TraceInputException(name + ": is not a text file (binary data)");
        }
        return new TraceInput(name, path, Math.max(size, head.length));
    }

    /** A NUL byte, or many control bytes and invalid UTF-8 sequences in the first bytes. */
    public static boolean looksBinary(byte[] head) {
        String sample = new String(head, StandardCharsets.UTF_8);
        int odd = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == 0) {
                return true;
            }
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b;
            if (control || c == 0x7f || c == '\uFFFD') {
                odd++;
            }
        }
        return odd > sample.length() * MAX_NON_TEXT;
    }

    static TraceInputException unreadable(String name, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new TraceInputException(name + ": permission denied");
        }
        if (e instanceof NoSuchFileException) {
            return new TraceInputException(name + ": no such file (it vanished)");
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new TraceInputException(name + ": cannot read: " + reason);
    }
}
