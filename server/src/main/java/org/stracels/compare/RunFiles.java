package org.stracels.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one run as the user names it: a trace file; a folder of {@code strace -ff} files; or the
 * {@code -ff} prefix ({@code out/trace} for {@code out/trace.1234}, {@code out/trace.1240}…). -ff files come in
 * pid order, so that a parent is read before the children it made.
 */
public final class RunFiles {
    private static final Pattern PID_SUFFIX = Pattern.compile(".*\\.[0-9]+$");

    private RunFiles() {
    }

    /** The files of the run {@code name}; an {@link IllegalArgumentException} says in one line what is wrong. */
    public static List<Path> resolve(String name) {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(name + ": not a valid file name");
        }
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(Files::isRegularFile).filter(p -> PID_SUFFIX.matcher(p.getFileName().toString()).matches())
                        .forEach(files::add);
            } catch (IOException e) {
                throw new IllegalArgumentException(name + ": cannot list the folder");
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException(name + ": a folder without strace -ff files (NAME.PID)");
            }
        } else {
            Path dir = path.toAbsolutePath().getParent();
            String prefix = path.getFileName() == null ? "" : path.getFileName().toString() + ".";
            if (dir != null && Files.isDirectory(dir) && !prefix.equals(".")) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(Files::isRegularFile).filter(p -> {
                        String f = p.getFileName().toString();
                        return f.startsWith(prefix) && f.length() > prefix.length()
                                && f.substring(prefix.length()).chars().allMatch(Character::isDigit);
                    }).forEach(p -> files.add(path.resolveSibling(p.getFileName())));
                } catch (IOException e) {
                    throw new IllegalArgumentException(name + ": no such file");
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException(name + ": no such file, folder or -ff prefix");
            }
        }
        files.sort(Comparator.comparingLong(RunFiles::pidOf).thenComparing(Path::toString));
        return files;
    }

    /** The pid at the end of an -ff file name, or -1. */
    static long pidOf(Path p) {
        String f = p.getFileName().toString();
        int dot = f.lastIndexOf('.');
        if (dot < 0 || dot == f.length() - 1) {
            return -1;
        }
        try {
            return Long.parseLong(f.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
