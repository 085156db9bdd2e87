package org.stracels.cli;

import org.stracels.parse.CancelCheck;
import org.stracels.stream.TraceInput;
import org.stracels.stream.TraceInputException;
import org.stracels.stream.WindowScanner;

/**
 * A trace file named on the command line. {@link #open} rejects what cannot be a trace (missing, a directory,
 * empty, binary) before any output is written, so a bad name among several fails the whole command cleanly;
 * {@link #scan} reads it later, window by window, never whole, with progress on stderr when that is a terminal.
 */
final class TraceFile {
    /** Window sizes for every command; tests make them small to cross many window edges. */
    static volatile WindowScanner.Options windows = WindowScanner.Options.DEFAULT;

    private final TraceInput input;

    private TraceFile(TraceInput input) {
        this.input = input;
    }

    /** The file as the user named it. */
    String name() {
        return input.name();
    }

    static TraceFile open(String name) throws CliError {
        try {
            return new TraceFile(TraceInput.open(name));
        } catch (TraceInputException e) {
            throw new CliError(e.getMessage());
        }
    }

    /** The file as a source of windows, for views and summaries. */
    org.stracels.stream.TraceSource source() {
        return org.stracels.stream.TraceSource.of(input, windows);
    }

    /** Progress on stderr when it is a terminal; close it when done. */
    ProgressLine progress() {
        return ProgressLine.onTerminal(input.name());
    }

    /** Reads the file window by window; what the reader noticed (a growing file, cut lines) is in the result. */
    WindowScanner.Result scan(WindowScanner.Consumer consumer) throws CliError {
        return read(progress -> WindowScanner.scan(input, windows, CancelCheck.NONE, progress, consumer));
    }

    /** A whole-file job that reads the file through {@link #source()} or {@link #scan}, with progress. */
    interface Job<T> {
        T run(ProgressLine progress) throws Exception;
    }

    /**
     * Runs {@code job} with progress on stderr when that is a terminal; whatever stops it (the file vanished or cannot
     * be read, memory ran out in any thread) is one line for the user.
     */
    <T> T read(Job<T> job) throws CliError {
        try (ProgressLine progress = ProgressLine.onTerminal(input.name())) {
            return job.run(progress);
        } catch (TraceInputException e) {
            throw new CliError(e.getMessage());
        } catch (RuntimeException | CliError e) {
            throw e;
        } catch (OutOfMemoryError e) { // here or in the reading or parsing thread
            throw new CliError(input.name() + ": out of memory (raise the Java heap with -Xmx)");
        } catch (Exception e) {
            throw new CliError(input.name() + ": " + e.getMessage());
        }
    }
}
