package org.stracels.lsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;

/** The real traces in testdata/ (made by testdata/make.sh), and small helpers to look at diagnostics. */
final class TestData {
    /** How long a test waits for something the server sends. Generous: a slow machine must not fail a test. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private TestData() {
    }

    static Path path(String name) {
        String dir = System.getProperty("testdata.dir");
        if (dir == null) {
            throw new IllegalStateException("system property testdata.dir is not set (see server/pom.xml)");
        }
        return Path.of(dir, name);
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String uri(String name) {
        return path(name).toUri().toString();
    }

    /** Line {@code i} of {@code text}, split at \n only (the testdata traces use \n). */
    static String line(String text, int i) {
        return text.split("\n", -1)[i];
    }

    /** The diagnostics that start on {@code line}. */
    static List<Diagnostic> on(List<Diagnostic> diagnostics, int line) {
        return diagnostics.stream().filter(d -> d.getRange().getStart().getLine() == line).collect(Collectors.toList());
    }

    static String code(Diagnostic d) {
        return d.getCode() == null ? null : d.getCode().getLeft();
    }

    /** The first line of {@code text} (split at \n) that holds {@code part}. */
    static int lineWithText(String text, String part) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + part);
    }
}
