package org.stracels.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The first paragraph of DESCRIPTION that names the call, from the section 2 manual page installed on this machine
 * (Debian's manpages-dev), rendered from roff to Markdown. Read in Java, never by running {@code man}; only for names
 * the catalogue knows, so no path is ever built from trace text. Results are cached per name.
 */
public final class ManPages {
    private static final Path DEFAULT_DIR = Path.of("/usr/share/man/man2");
    private static final int MAX_REDIRECTS = 3;
    private static final int MAX_BYTES = 1 << 20;

    /**
     * Kernel names whose manual page describes them under the C library function they implement (same call,
     * another name): the paragraph naming that function is about this call.
     */
    private static final Map<String, String> IMPLEMENTS = implemented();

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
        boolean ownPage = !Files.isSymbolicLink(dir.resolve(name + ".2.gz"));
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Optional<String> roff = read(dir.resolve(page + ".2.gz"));
            if (roff.isEmpty()) {
                return Optional.empty();
            }
            String redirect = redirect(roff.get());
            if (redirect == null) {
                List<String> paragraphs = Roff.descriptionParagraphs(roff.get());
                String named = namingParagraph(paragraphs, name);
                if (named == null && IMPLEMENTS.containsKey(name)) {
                    named = namingParagraph(paragraphs, IMPLEMENTS.get(name));
                }
                if (named == null && ownPage && !paragraphs.isEmpty()) {
                    named = paragraphs.get(0); // the page is this call's own (exit_group: "This system call …")
                }
                return Optional.ofNullable(named);
            }
            ownPage = false;
            page = redirect;
        }
        return Optional.empty();
    }

    /**
     * The first paragraph that names {@code name} as the function it describes ({@code **name**()}): pages shared by
     * several calls (getuid and geteuid, mmap and munmap, _exit and exit) open with a sibling's paragraph, which
     * would describe another call. Null when no paragraph names it.
     */
    static String namingParagraph(List<String> paragraphs, String name) {
        String named = "**" + name + "**()";
        for (String paragraph : paragraphs) {
            if (paragraph.contains(named)) {
                return paragraph;
            }
        }
        return null;
    }

    private static Map<String, String> implemented() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String sig : List.of("action", "procmask", "pending", "suspend", "timedwait", "return", "queueinfo")) {
            m.put("rt_sig" + sig, "sig" + sig);
        }
        m.put("pread64", "pread");
        m.put("pwrite64", "pwrite");
        m.put("prlimit64", "prlimit");
        m.put("fadvise64", "posix_fadvise");
        m.put("fadvise64_64", "posix_fadvise");
        m.put("newfstatat", "fstatat");
        m.put("fstatat64", "fstatat");
        m.put("pselect6", "pselect");
        m.put("_newselect", "select");
        m.put("eventfd2", "eventfd");
        m.put("signalfd4", "signalfd");
        m.put("sendfile64", "sendfile");
        m.put("ugetrlimit", "getrlimit");
        for (String id : List.of("getuid", "geteuid", "getgid", "getegid", "setuid", "setgid", "setreuid", "setregid",
                "setresuid", "setresgid", "getresuid", "getresgid", "getgroups", "setgroups", "setfsuid", "setfsgid",
                "chown", "fchown", "lchown")) {
            m.put(id + "32", id);
        }
        for (String f : List.of("fstat", "lstat", "stat", "statfs", "fstatfs", "truncate", "ftruncate", "fcntl")) {
            m.put(f + "64", f);
        }
        return Map.copyOf(m);
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
