package org.stracels.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The first paragraph of DESCRIPTION from the section 2 manual page installed on this machine (Debian's
 * manpages-dev), rendered from roff to Markdown. Read in Java, never by running {@code man}; only for names
 * the catalogue knows, so no path is ever built from trace text. Results are cached per name.
 */
public final class ManPages {
    private static final Path DEFAULT_DIR = Path.of("/usr/share/man/man2");
    private static final int MAX_REDIRECTS = 3;
    private static final int MAX_BYTES = 1 << 20;

    private final Path dir;
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    public ManPages(Path dir) {
        this.dir = dir;
    }

    private static final class Holder {
        static final ManPages INSTANCE = new ManPages(DEFAULT_DIR);
    }

    /** The pages of this machine. */
    public static ManPages system() {
        return Holder.INSTANCE;
    }

    /** The first DESCRIPTION paragraph of {@code syscall}'s page as Markdown, if the page is installed. */
    public Optional<String> description(String syscall) {
        if (syscall == null || Catalog.get().syscall(syscall) == null || !syscall.matches("[a-z0-9_]+")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(syscall, this::load);
    }

    private Optional<String> load(String name) {
        String page = name;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> roff = read(dir.resolve(page + ".2.gz"));
            if (roff.isEmpty()) {
                return Optional.empty();
            }
            String redirect = redirect(roff.get());
            if (redirect == null) {
                return Optional.ofNullable(Roff.firstDescriptionParagraph(roff.get()));
            }
            page = redirect;
        }
        return Optional.empty();
    }

    /** {@code .so man2/stat.2} → "stat"; null when the page is not a redirect. */
    private static String redirect(String roff) {
        for (String line : roff.split("\n", 20)) {
            if (line.startsWith(".so ")) {
                String target = line.substring(4).trim();
                int slash = target.lastIndexOf('/');
                target = target.substring(slash + 1);
                if (target.endsWith(".2")) {
                    target = target.substring(0, target.length() - 2);
                    return target.matches("[A-Za-z0-9_]+") ? target : null;
                }
                return null;
            }
        }
        return null;
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder b = new StringBuilder();
            for (String line; (line = reader.readLine()) != null && b.length() < MAX_BYTES; ) {
                b.append(line).append('\n');
            }
            return Optional.of(b.toString());
        } catch (IOException e) {
            return Optional.empty(); // a damaged page: the hover simply has no manual excerpt
        }
    }
}
