package org.stracels.view;

import java.util.List;
import java.util.Map;
import org.stracels.catalog.Catalog;
import org.stracels.catalog.SyscallDoc;

/**
 * The classes a view filters by, much as strace's own {@code -e trace=%file,%network…} groups calls: the catalogue
 * files each syscall under a finer kind, and this folds those kinds into eight classes.
 */
public final class SyscallClasses {
    public static final List<String> NAMES = List.of("file", "network", "process", "signal", "memory", "ipc", "time",
            "other");

    private static final Map<String, String> BY_KIND = Map.ofEntries(
            Map.entry("file", "file"), Map.entry("descriptor", "file"), Map.entry("filesystem", "file"),
            Map.entry("event", "file"), Map.entry("network", "network"), Map.entry("process", "process"),
            Map.entry("credentials", "process"), Map.entry("scheduling", "process"), Map.entry("signal", "signal"),
            Map.entry("memory", "memory"), Map.entry("ipc", "ipc"), Map.entry("time", "time"));

    private SyscallClasses() {
    }

    /** The class of a syscall name: one of {@link #NAMES}; "other" for names the catalogue does not know. */
    public static String of(String syscall) {
        SyscallDoc doc = syscall == null ? null : Catalog.get().syscall(syscall);
        return doc == null ? "other" : BY_KIND.getOrDefault(doc.kind(), "other");
    }
}
