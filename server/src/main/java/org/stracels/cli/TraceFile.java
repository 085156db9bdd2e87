package org.stracels.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A trace file named on the command line. {@link #open} rejects what cannot be a trace (missing, a directory,
 * empty, binary) before any output is written, so a bad name among several fails the whole command cleanly;
 * {@link #text} reads it later, one file at a time.
 */
final class TraceFile {
    /** How much of the file is looked at to tell text from binary data. */
    private static final int SNIFF_BYTES = 8192;
    /** Above this share of control bytes and invalid UTF-8, the file is not a trace. */
    private static final double MAX_NON_TEXT = 0.10;

    private final String name;
    private final Path path;

    private TraceFile(String name, Path path) {
        this.name = name;
        this.path = path;
    }

    /** The file as the user named it. */
    String name() {
        return name;
    }

    static TraceFile open(String name) throws CliError {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new CliError(name + ": not a valid file name");
        }
        if (Files.isDirectory(path)) {
            throw new CliError(name + ": is a directory");
        }
        if (!Files.exists(path)) {
            throw new CliError(name + ": no such file");
        }
        if (!Files.isRegularFile(path)) {
            throw new CliError(name + ": not a regular file");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (head.length == 0) {
            throw new CliError(name + ": is empty");
        }
        if (looksBinary(head)) {
            throw new CliError(name + ": is not a text file (binary data)");
        }
        return new TraceFile(name, path);
    }

    /** The whole file as UTF-8; malformed bytes become U+FFFD, never an error. */
    String text() throws CliError {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(name, e);
        } catch (OutOfMemoryError e) {
            throw new CliError(name + ": too large to read (raise the Java heap with -Xmx)");
        }
    }

    /** A NUL byte, or many control bytes and invalid UTF-8 sequences in the first bytes. */
    static boolean looksBinary(byte[] head) {
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

    private static CliError unreadable(String name, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new CliError(name + ": permission denied");
        }
        if (e instanceof NoSuchFileException) {
            return new CliError(name + ": no such file");
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new CliError(name + ": cannot read: " + reason);
    }
}
