package org.stracels.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.stracels.stream.WindowScanner;

/**
 * Progress of reading a big trace, on one line of stderr redrawn in place: bytes, lines, rate and time left.
 * Shown only when stderr is a terminal (never in pipes, files or CI logs), at most a few times a second, and
 * erased when the command is done. (Java libraries for this, such as progressbar, bring a terminal library of
 * a megabyte and ask the JVM's console, which says nothing about stderr; this is all we need.)
 */
final class ProgressLine implements WindowScanner.Progress, AutoCloseable {
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintStream err;
    private final String name;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    private ProgressLine(PrintStream err, String name) {
        this.err = err;
        this.name = name;
    }

    /** A progress line when stderr is a terminal (or STRACE_LS_PROGRESS=1), else one that shows nothing. */
    static ProgressLine onTerminal(String name) {
        boolean show = "1".equals(System.getenv("STRACE_LS_PROGRESS"))
                || !"0".equals(System.getenv("STRACE_LS_PROGRESS")) && stderrIsTerminal();
        return new ProgressLine(show ? System.err : null, name);
    }

    /** Linux tells where fd 2 leads; a terminal is a tty or a pseudo-terminal. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void update(long bytesRead, long totalBytes, long lines) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDrawn < EVERY_NANOS && bytesRead < totalBytes) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        err.print("\r" + text(bytesRead, totalBytes, lines, (now - started) / 1e9) + "\u001b[K");
        err.flush();
    }

    /** "big.strace: 412 MiB of 1.0 GiB (40%), 3,1M lines, 210 MiB/s, 3 s left". */
    String text(long bytes, long total, long lines, double seconds) {
        double rate = seconds > 0 ? bytes / seconds : 0;
        String left = rate > 0 && total > bytes ? String.format(Locale.ROOT, ", %.0f s left", (total - bytes) / rate) : "";
        int percent = total > 0 ? (int) Math.min(100, bytes * 100 / total) : 100;
        return String.format(Locale.ROOT, "%s: %s of %s (%d%%), %,d lines, %s/s%s", name, size(bytes), size(total),
                percent, lines, size((long) rate), left);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    @Override
    public void close() {
        if (err != null && drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
