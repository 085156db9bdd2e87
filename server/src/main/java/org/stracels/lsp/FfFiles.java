package org.stracels.lsp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.stracels.analysis.Trace;
import org.stracels.navigate.Siblings;

/**
 * The other files of an -ff trace beside a document named {@code PREFIX.PID}: the open document when the
 * editor has it, else the file on disk, read and parsed once per modification time and size.
 */
final class FfFiles {
    private static final Logger LOG = Logger.getLogger(FfFiles.class.getName());
    private static final Pattern PER_PROCESS = Pattern.compile("(.+)\\.(\\d{1,9})");
    /** Files larger than this are not read for cross-file navigation. */
    private static final long MAX_BYTES = 512L << 20;

    private record Read(long modified, long size, Trace trace) { }

    private final Documents documents;
    private final Map<Path, Read> read = new ConcurrentHashMap<>();

    FfFiles(Documents documents) {
        this.documents = documents;
    }

    /** The siblings of the document at {@code uri}; {@link Siblings#NONE} when it is not one of an -ff set. */
    Siblings of(String uri) {
        Path path = path(uri);
        Matcher m = path == null || path.getFileName() == null ? null : PER_PROCESS.matcher(path.getFileName().toString());
        if (m == null || !m.matches() || path.getParent() == null) {
            return Siblings.NONE;
        }
        String prefix = m.group(1);
        List<Siblings.Sibling> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(path.getParent())) {
            for (Path p : list.sorted().toList()) {
                Matcher other = PER_PROCESS.matcher(p.getFileName().toString());
                if (!p.equals(path) && other.matches() && other.group(1).equals(prefix) && Files.isRegularFile(p)) {
                    files.add(new Siblings.Sibling(p.getFileName().toString(), Integer.parseInt(other.group(2)),
                            () -> trace(p)));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "cannot list the folder of " + uri + ": " + e);
            return Siblings.NONE;
        }
        return new Siblings(Integer.parseInt(m.group(2)), files);
    }

    /** The uri of sibling {@code name} of the document at {@code uri}. */
    static String siblingUri(String uri, String name) {
        Path path = path(uri);
        return path == null ? null : path.resolveSibling(name).toUri().toString();
    }

    /** The trace of a file: the open document's current version, else the file as it is on disk (null if unreadable). */
    Trace trace(Path path) {
        var open = documents.get(path.toUri().toString());
        if (open.isPresent()) {
            return open.get().trace();
        }
        try {
            long modified = Files.getLastModifiedTime(path).toMillis();
            long size = Files.size(path);
            Read known = read.get(path);
            if (known != null && known.modified == modified && known.size == size) {
                return known.trace;
            }
            if (size > MAX_BYTES) {
                return null;
            }
            Trace trace = Trace.of(Files.readString(path));
            read.put(path, new Read(modified, size, trace));
            return trace;
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "cannot read " + path + ": " + e);
            return null;
        }
    }

    private static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
