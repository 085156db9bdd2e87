package org.stracels.check;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How much each kind of finding matters. This is the one place that decides severities: read it to know
 * why a finding is a hint and not a warning, change it here. The user may override the severity of each
 * {@link FindingClass} or switch it off ({@link DiagnosticSettings}); the defaults are below.
 *
 * <p>Failed calls are warnings, except the failures every healthy program produces, which are hints:
 * the dynamic loader looking for libraries where they are not, libselinux looking for SELinux,
 * "try again" on non-blocking descriptors,
 * a connect still in progress, terminal probes on something that is not a terminal, a shell reaping
 * children until there are none, the C library looking for locale data, message translations and nscd,
 * and calls the kernel restarts by itself.
 */
public final class DiagnosticPolicy {
    private static final Set<String> PATH_CALLS = Set.of("open", "openat", "openat2", "access", "faccessat",
            "faccessat2", "stat", "lstat", "newfstatat", "fstatat64", "statx", "stat64", "lstat64");
    private static final Set<String> IO_CALLS = Set.of("read", "readv", "pread64", "preadv", "preadv2", "write",
            "writev", "pwrite64", "recvfrom", "recvmsg", "recvmmsg", "recv", "sendto", "sendmsg", "sendmmsg", "send",
            "accept", "accept4", "connect", "splice", "tee", "sendfile", "epoll_wait", "futex", "inotify_read");

    private static final Map<FindingClass, Severity> DEFAULTS = Map.of(
            FindingClass.NOISE, Severity.HINT,
            FindingClass.FAILURE, Severity.WARNING,
            FindingClass.KILLED, Severity.ERROR,
            FindingClass.NONZERO_EXIT, Severity.WARNING,
            FindingClass.MALFORMED, Severity.WARNING,
            FindingClass.UNMATCHED, Severity.INFORMATION);

    /** The defaults, with nothing overridden. */
    public static final DiagnosticPolicy DEFAULT = new DiagnosticPolicy(DiagnosticSettings.DEFAULT);

    private final Map<FindingClass, Optional<Severity>> severities = new EnumMap<>(FindingClass.class);

    public DiagnosticPolicy(DiagnosticSettings settings) {
        for (FindingClass c : FindingClass.values()) {
            if (c.isSetting()) {
                severities.put(c, settings.severities().getOrDefault(c, Optional.of(DEFAULTS.get(c))));
            }
        }
    }

    /**
     * The severity of findings of class {@code c}; empty when the user switched them off. Only for the classes
     * a user can set ({@link FindingClass#isSetting()}); the others are never switched off.
     */
    public Optional<Severity> severity(FindingClass c) {
        return severities.get(c);
    }

    /** The severity a class has when the user says nothing. */
    public static Severity defaultSeverity(FindingClass c) {
        return DEFAULTS.get(c);
    }

    /** Why a failed call is routine, or null when it deserves a warning. */
    public static String routineReason(String syscall, String errno, String path) {
        if (syscall == null) {
            return null;
        }
        if (("ENOENT".equals(errno) || "ENOTDIR".equals(errno)) && PATH_CALLS.contains(syscall) && isLoaderProbe(path)) {
            return "the dynamic loader probing for a library";
        }
        if ("ENOENT".equals(errno) && path != null && (path.equals("/selinux") || path.startsWith("/sys/fs/selinux")
                || path.startsWith("/etc/selinux/"))) {
            return "libselinux checking whether SELinux is there";
        }
        if ("ENOENT".equals(errno) && path != null && (path.startsWith("/usr/lib/locale/")
                || path.startsWith("/usr/share/locale/") || path.startsWith("/usr/share/locale-langpack/"))) {
            return path.endsWith(".mo") ? "gettext looking for a translation of the program's messages"
                    : "the C library looking for locale data";
        }
        if ("ENOENT".equals(errno) && "connect".equals(syscall) && path != null && path.endsWith("/nscd/socket")) {
            return "the C library asking the name service cache daemon (nscd), which is not running, before it reads the files itself";
        }
        if ("EAGAIN".equals(errno) && IO_CALLS.contains(syscall)) {
            return "nothing ready yet on a non-blocking descriptor";
        }
        if ("EINPROGRESS".equals(errno) && "connect".equals(syscall)) {
            return "a non-blocking connect that completes later";
        }
        if ("ENOTTY".equals(errno) && "ioctl".equals(syscall)) {
            return "a terminal probe on something that is not a terminal";
        }
        if ("ECHILD".equals(errno) && syscall.startsWith("wait")) {
            return "waiting when there are no children left";
        }
        return null;
    }

    /**
     * Calls whose {@code -1} is not a failure of their own: {@code rt_sigreturn} (and i386's {@code sigreturn})
     * hands back the result of the call the signal interrupted ({@code = -1 EINTR}). Never a finding, never a cause.
     */
    public static boolean notOwnFailure(String syscall) {
        return "rt_sigreturn".equals(syscall) || "sigreturn".equals(syscall);
    }

    /**
     * A process killed by a signal as a normal end (a producer stopped by SIGPIPE when the reader of its pipe had
     * finished, {@code yes | head}): at most information, whatever the severity of kills.
     */
    public static Severity normalKill(Severity killed) {
        return killed.ordinal() < Severity.INFORMATION.ordinal() ? Severity.INFORMATION : killed;
    }

    /**
     * An error message a program wrote (code {@code reported-error}): information when the process then failed,
     * a hint when it carried on and succeeded. Not a warning: the failed call behind it carries that.
     */
    public static Severity reportedError(boolean processFailed) {
        return processFailed ? Severity.INFORMATION : Severity.HINT;
    }

    /**
     * The class of a failed call from its {@link #routineReason}: {@link FindingClass#NOISE} when it has one, else
     * {@link FindingClass#FAILURE}.
     */
    public static FindingClass failedCall(String routineReason) {
        return routineReason == null ? FindingClass.FAILURE : FindingClass.NOISE;
    }

    /**
     * Whether the routine verdict of a failed call can depend on its path: only then does a caller need to
     * read the line to find the path. Lets whole-file passes skip re-reading most failed lines.
     */
    public static boolean needsPath(String syscall, String errno) {
        return "ENOENT".equals(errno) || "ENOTDIR".equals(errno) && PATH_CALLS.contains(syscall);
    }

    /** Paths the dynamic loader tries before it finds a library: preload lists, hwcaps and tls subfolders, .so files. */
    static boolean isLoaderProbe(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        return path.equals("/etc/ld.so.preload") || path.contains("/glibc-hwcaps/") || path.contains("/tls/")
                || path.endsWith("/tls") || path.endsWith(".so") || path.contains(".so.")
                || path.contains("/haswell/") || (path.contains("/x86_64/") || path.endsWith("/x86_64")) && path.contains("lib");
    }
}
