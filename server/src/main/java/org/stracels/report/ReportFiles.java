package org.stracels.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/** Where the server writes reports that clients open: one file per trace, in a folder of the temp directory. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Writes the report of a trace read for it ({@link HtmlReport#read}), named {@code name} (the trace's file name
     * or URI), into the folder {@code strace-ls-reports} of the temp directory, and returns its path. The same name
     * always gets the same file, so a report made again replaces the last one.
     */
    public static Path write(HtmlReport.Scanned report, String name) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "strace-ls-reports-" + user());
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) { // not a POSIX file system
                Files.createDirectories(dir);
            }
        }
        String base = Path.of(name.replaceAll("[/\\\\:]+", "/")).getFileName() == null ? "trace"
                : Path.of(name.replaceAll("[/\\\\:]+", "/")).getFileName().toString();
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = dir.resolve(safe + "-" + String.format(Locale.ROOT, "%08x", name.hashCode()) + ".html");
        report.write(base, target);
        return target;
    }

    private static String user() {
        String user = System.getProperty("user.name", "user");
        return user.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
