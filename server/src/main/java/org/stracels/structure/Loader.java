package org.stracels.structure;

import java.util.Set;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;

/**
 * Tells the calls of the dynamic loader (ld.so mapping the program's libraries, and glibc's start-up that
 * follows it without a break) from the program's own: the prologue every execve is followed by.
 */
final class Loader {
    /** Calls the loader and glibc's start-up make whatever their arguments. */
    private static final Set<String> ALWAYS = Set.of("brk", "mmap", "mmap2", "mprotect", "munmap", "pread64",
            "arch_prctl", "set_tid_address", "set_robust_list", "rseq", "prlimit64", "close", "fstat", "fstat64",
            "uname");
    /** Calls that are the loader's only with a library, the cache, the preload list or an fd for a path. */
    private static final Set<String> WITH_PATH = Set.of("openat", "open", "access", "faccessat", "newfstatat",
            "fstatat64", "stat", "statx", "read");

    private Loader() {
    }

    /** Whether line {@code i} (a syscall line) is loader work. Reads the line only for the path-dependent calls. */
    static boolean isLoaderWork(ParsedTrace parsed, int i) {
        String name = parsed.name(i);
        if (name == null) {
            return false;
        }
        if (ALWAYS.contains(name)) {
            return true;
        }
        if (!WITH_PATH.contains(name)) {
            return false;
        }
        ParsedLine line = parsed.line(i);
        if (!line.argsSpan().isPresent()) {
            return false;
        }
        ArgList args = ArgParser.parse(parsed.text(), line.argsSpan());
        if (name.equals("read")) {
            // the ELF header of a library: read(3, "\177ELF…", 832)
            ArgNode data = args.get(1);
            return data != null && data.kind() == ArgKind.STRING && data.content().startsWith("\\177ELF");
        }
        if (name.equals("newfstatat") || name.equals("fstatat64")) {
            // newfstatat(3, "", …, AT_EMPTY_PATH): fstat of the library just opened
            ArgNode path = args.get(1);
            if (path != null && path.kind() == ArgKind.STRING && path.content().isEmpty()) {
                return true;
            }
        }
        for (ArgNode arg : args.nodes()) {
            if (arg.kind() == ArgKind.STRING) {
                return isLoaderPath(arg.decoded());
            }
        }
        return false;
    }

    static boolean isLoaderPath(String path) {
        return path.equals("/etc/ld.so.cache") || path.equals("/etc/ld.so.preload") || path.endsWith(".so")
                || path.contains(".so.") || path.contains("/glibc-hwcaps/") || path.contains("/tls/");
    }
}
