package org.stracels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real traces in testdata/, made by testdata/make.sh. */
public final class Testdata {
    private Testdata() {
    }

    public static Path dir() {
        String configured = System.getProperty("testdata.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../testdata");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("testdata");
        }
        return dir.toAbsolutePath().normalize();
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    public static String read(String name) {
        return read(file(name));
    }

    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every trace file: *.strace and the per-process files of the -ff folders. */
    public static List<Path> traces() {
        try (Stream<Path> files = Files.walk(dir())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".strace")
                            || p.getParent().getFileName().toString().endsWith("ff"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files in the -ff folder {@code folder}, sorted by name. */
    public static List<Path> perProcessFiles(String folder) {
        try (Stream<Path> files = Files.list(dir().resolve(folder))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
