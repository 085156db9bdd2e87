package org.stracels.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ReturnKind;

/**
 * The fd vocabulary, in one place for the fd model, the cause analysis, inlay hints, semantic tokens and hover:
 * which arguments are fds, which calls return a new fd, which duplicate one, which make fds in an array
 * argument (pairs), and how a call asks for close-on-exec. Decorated traces (-y) show fds wherever
 * they are; this table is what finds them in plain traces, and the testdata test checks it against the
 * decorations.
 */
public final class FdCalls {
    /** Argument positions (bit i = argument i) that hold an fd. */
    private static final Map<String, Integer> FD_ARGS = new HashMap<>();
    /** Calls whose successful result is a new fd (fcntl and signalfd only for some commands). */
    private static final Set<String> RETURNS_FD = Set.of("open", "openat", "openat2", "creat", "open_by_handle_at",
            "socket", "accept", "accept4", "dup", "dup2", "dup3", "eventfd", "eventfd2", "epoll_create",
            "epoll_create1", "signalfd", "signalfd4", "timerfd_create", "inotify_init", "inotify_init1",
            "fanotify_init", "memfd_create", "memfd_secret", "pidfd_open", "pidfd_getfd", "userfaultfd",
            "perf_event_open", "io_uring_setup", "open_tree", "fsopen", "fsmount", "fspick", "open_tree_attr",
            "landlock_create_ruleset", "mq_open", "fcntl", "fcntl64", "bpf");
    private static final Set<String> DUPS = Set.of("dup", "dup2", "dup3", "fcntl", "fcntl64");
    /** Calls whose new fds are always close-on-exec, whatever the flags. */
    private static final Set<String> ALWAYS_CLOEXEC = Set.of("pidfd_open", "pidfd_getfd", "io_uring_setup",
            "memfd_secret");
    /** bpf commands that return a new fd. */
    private static final Set<String> BPF_FD_COMMANDS = Set.of("BPF_MAP_CREATE", "BPF_PROG_LOAD", "BPF_OBJ_GET",
            "BPF_PROG_GET_FD_BY_ID", "BPF_MAP_GET_FD_BY_ID", "BPF_BTF_LOAD", "BPF_BTF_GET_FD_BY_ID",
            "BPF_RAW_TRACEPOINT_OPEN", "BPF_LINK_CREATE", "BPF_LINK_GET_FD_BY_ID", "BPF_ITER_CREATE",
            "BPF_TOKEN_CREATE");

    static {
        for (String name : new String[] {"read", "write", "pread64", "pwrite64", "readv", "writev", "preadv",
                "pwritev", "preadv2", "pwritev2", "close", "fstat", "fstat64", "newfstatat", "fstatat64", "fstatfs",
                "fstatfs64", "fsync", "fdatasync", "ftruncate", "ftruncate64", "fchmod", "fchown", "fchown32",
                "fchdir", "flock", "lseek", "_llseek", "ioctl", "fcntl", "fcntl64", "getdents", "getdents64",
                "readdir", "sendto", "recvfrom", "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "send", "recv",
                "connect", "bind", "listen", "accept", "accept4", "shutdown", "getsockname", "getpeername",
                "setsockopt", "getsockopt", "epoll_wait", "epoll_pwait", "epoll_pwait2", "dup", "openat", "openat2",
                "mkdirat", "mknodat", "fchownat", "futimesat", "unlinkat", "readlinkat", "fchmodat", "fchmodat2",
                "faccessat", "faccessat2", "utimensat", "name_to_handle_at", "open_by_handle_at", "execveat",
                "statx", "vmsplice", "inotify_add_watch", "inotify_rm_watch", "fanotify_mark", "timerfd_settime",
                "timerfd_gettime", "signalfd", "signalfd4", "fadvise64", "fadvise64_64", "readahead",
                "sync_file_range", "fallocate", "fgetxattr", "fsetxattr", "flistxattr", "fremovexattr", "syncfs",
                "pidfd_send_signal", "pidfd_getfd", "setns", "io_uring_enter", "io_uring_register", "fsconfig",
                "fsmount", "fspick", "open_tree", "mount_setattr", "quotactl_fd", "landlock_add_rule",
                "landlock_restrict_self", "process_madvise", "mq_timedsend", "mq_timedreceive", "mq_notify",
                "mq_getsetattr", "finit_module", "cachestat", "epoll_ctl_old", "epoll_wait_old"}) {
            FD_ARGS.put(name, 1);
        }
        for (String name : new String[] {"dup2", "dup3", "sendfile", "sendfile64", "tee", "kexec_file_load"}) {
            FD_ARGS.put(name, 0b11);
        }
        for (String name : new String[] {"renameat", "renameat2", "linkat", "move_mount", "copy_file_range",
                "splice", "epoll_ctl"}) {
            FD_ARGS.put(name, 0b101);
        }
        FD_ARGS.put("fanotify_mark", 0b1001);
        FD_ARGS.put("symlinkat", 0b10);
        FD_ARGS.put("mmap", 1 << 4);
        FD_ARGS.put("mmap2", 1 << 4);
        FD_ARGS.put("perf_event_open", 1 << 3);
    }

    private FdCalls() {
    }

    /** Argument {@code index} of {@code name} is an fd (a plain number there is one). */
    public static boolean isFdArg(String name, int index) {
        Integer mask = FD_ARGS.get(name);
        return mask != null && index >= 0 && index < 31 && (mask & (1 << index)) != 0;
    }

    /** Calls with fds inside their structures: {@code poll({fd=3, …})}, {@code select(4, [3], …)}. */
    static boolean fdsInStructs(String name) {
        return name.equals("poll") || name.equals("ppoll") || name.equals("select") || name.equals("pselect6")
                || name.equals("_newselect");
    }

    /** A successful call of {@code name} may return a new fd (fcntl, signalfd and bpf: see {@link #returnsFd}). */
    public static boolean mayReturnFd(String name) {
        return RETURNS_FD.contains(name);
    }

    /** {@code dup}, {@code dup2}, {@code dup3} and {@code fcntl(F_DUPFD…)}: a new number for an open file. */
    public static boolean isDup(String name) {
        return DUPS.contains(name);
    }

    /** {@code pipe}, {@code pipe2}, {@code socketpair}: two new fds in an array argument. */
    public static boolean makesPair(String name) {
        return arrayCreatorArg(name) >= 0;
    }

    /**
     * Whether the value of {@code line}, a successful call, is an fd: a new one, or (signalfd on an fd) the one it
     * was given. Reads the arguments only for the calls whose command decides (fcntl, bpf).
     */
    public static boolean resultIsFd(CharSequence text, ParsedLine line) {
        String name = line.name();
        if (name == null || line.returnKind() != ReturnKind.VALUE || !RETURNS_FD.contains(name)) {
            return false;
        }
        if (!name.startsWith("fcntl") && !name.equals("bpf")) {
            return true;
        }
        ArgList args = line.argsSpan().isPresent() ? ArgParser.parse(text, line.argsSpan()) : null;
        return args != null && returnsFd(name, args::get);
    }

    /** Whether this call, with these entry arguments, returns a new fd. {@code arg(i)} may be null. */
    public static boolean returnsFd(String name, java.util.function.IntFunction<ArgNode> arg) {
        return switch (name) {
            case "fcntl", "fcntl64" -> command(arg.apply(1)).startsWith("F_DUPFD") || number(arg.apply(1)) == 0
                    || number(arg.apply(1)) == 1030; // -X raw: F_DUPFD, F_DUPFD_CLOEXEC
            case "signalfd", "signalfd4" -> arg.apply(0) == null || number(arg.apply(0)) == -1;
            case "bpf" -> BPF_FD_COMMANDS.contains(command(arg.apply(0)));
            default -> RETURNS_FD.contains(name);
        };
    }

    /** Calls that make fds in an array argument: the position of that argument, or -1. */
    static int arrayCreatorArg(String name) {
        return switch (name) {
            case "pipe", "pipe2" -> 0;
            case "socketpair" -> 3;
            default -> -1;
        };
    }

    /** Whether the new fds of {@code name} are close-on-exec: always for some calls, else by a *CLOEXEC flag. */
    static boolean cloexec(String name, Iterable<ArgNode> args) {
        if (ALWAYS_CLOEXEC.contains(name)) {
            return true;
        }
        for (ArgNode arg : args) {
            if (arg != null && hasCloexecFlag(arg)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCloexecFlag(ArgNode node) {
        if (node.kind() == ArgKind.SYMBOL) {
            String s = node.text();
            return s.endsWith("CLOEXEC") && !s.equals("FD_CLOEXEC");
        }
        if (node.kind() == ArgKind.COMMENT) {
            return node.content().contains("CLOEXEC"); // -X verbose: 0x80000 /* O_CLOEXEC */
        }
        if (node.kind() == ArgKind.STRING || node.kind() == ArgKind.FD) {
            return false;
        }
        for (ArgNode child : node.children()) {
            if (hasCloexecFlag(child)) {
                return true;
            }
        }
        return false;
    }

    /** The text of a command argument (F_SETFD, BPF_MAP_CREATE); the symbol of -X verbose; "" if absent. */
    static String command(ArgNode node) {
        ArgNode value = node == null ? null : node.kind() == ArgKind.FIELD ? node.value() : node;
        if (value == null) {
            return "";
        }
        if (value.kind() == ArgKind.COMMENTED) {
            String comment = value.comment() != null ? value.comment().content() : "";
            return comment.matches("[A-Z_0-9|]+") ? comment : value.value().text();
        }
        return value.text();
    }

    /** The number a node holds (an FD's number too), or Long.MIN_VALUE. */
    static long number(ArgNode node) {
        if (node == null) {
            return Long.MIN_VALUE;
        }
        ArgNode value = node.stripped();
        if (value == null) {
            return Long.MIN_VALUE;
        }
        if (value.kind() == ArgKind.FD) {
            return value.fdNumber().orElse(Long.MIN_VALUE);
        }
        return value.numericValue().orElse(Long.MIN_VALUE);
    }

    /** The NUMBER node of an fd: the number inside an FD node, or the node itself when it is a NUMBER. */
    static ArgNode numberNode(ArgNode node) {
        if (node == null) {
            return null;
        }
        if (node.kind() == ArgKind.FD) {
            ArgNode v = node.value();
            return v != null && v.kind() == ArgKind.NUMBER ? v : null;
        }
        return node.kind() == ArgKind.NUMBER ? node : null;
    }

    /** The decimal or hex number in {@code span} of {@code text}, or Long.MIN_VALUE. */
    static long parse(CharSequence text, org.stracels.parse.Span span) {
        if (span == null || !span.isPresent() || span.length() == 0 || span.length() > 20) {
            return Long.MIN_VALUE;
        }
        String s = text.subSequence(span.start(), span.end()).toString();
        try {
            return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
