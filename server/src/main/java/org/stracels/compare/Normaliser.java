package org.stracels.compare;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stracels.analysis.FdCalls;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgList;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ReturnKind;

/**
 * One call as what it means: fds become the file they are, pids {@code <pid>}, addresses {@code 0x…}, the
 * sizes of mappings {@code N}, times and temporary names masked; the prefix (pid, times) and the -T duration
 * are left out; the result keeps its kind (a value, an fd's file, an errno).
 */
final class Normaliser {
    /** The meaning of one call, and what the run reader needs to follow fds. */
    record Normal(String name, String text, String path, String key, boolean failed, String errno,
            String resultFile, long value, ArgList args) {
    }

    /** Calls whose string arguments are data, not names. */
    private static final Set<String> DATA_CALLS = Set.of("read", "write", "pread64", "pwrite64", "readv", "writev",
            "preadv", "pwritev", "preadv2", "pwritev2", "sendto", "recvfrom", "sendmsg", "recvmsg", "send", "recv",
            "getrandom", "ioctl", "setsockopt", "getsockopt", "uname", "sethostname", "prctl", "keyctl",
            "add_key", "request_key", "getxattr", "lgetxattr", "fgetxattr", "write_process_vm", "vmsplice");
    /** Calls whose buffer is random bytes. */
    private static final Set<String> RANDOM_DATA = Set.of("getrandom");
    /** Calls on address ranges: sizes and offsets drop out with the addresses. */
    private static final Set<String> MEMORY_CALLS = Set.of("mmap", "mmap2", "munmap", "mprotect", "mremap", "brk",
            "madvise", "msync", "mlock", "munlock", "pkey_mprotect", "shmat", "shmdt", "arch_prctl",
            "set_robust_list", "rseq", "sigaltstack");
    /** Calls that return a pid or a tid. */
    private static final Set<String> PID_RESULTS = Set.of("clone", "clone2", "clone3", "fork", "vfork", "getpid",
            "gettid", "getppid", "set_tid_address", "wait4", "waitpid", "getpgrp", "getpgid", "getsid", "setsid");
    /** Calls that return a time or a counter of ticks. */
    private static final Set<String> TIME_RESULTS = Set.of("time", "times", "clock", "getitimer", "alarm");
    private static final Set<String> SOCKADDR_CALLS = Set.of("bind", "connect", "sendto");
    private static final Pattern VARS = Pattern.compile("/\\*\\s*([0-9]+)\\s+vars?\\s*\\*/");

    private Normaliser() {
    }

    static Normal call(String s, ParsedLine pl, Map<Integer, String> fds, Masks.Pids pids) {
        String name = pl.name() == null ? "?" : pl.name();
        ArgList args = ArgParser.parse(s, pl.argsSpan());
        StringBuilder b = new StringBuilder(name.length() + 64).append(name).append('(');
        boolean memory = MEMORY_CALLS.contains(name);
        String path = null;
        String fdFile = null;
        String addr = null;
        boolean data = DATA_CALLS.contains(name);
        List<ArgNode> nodes = args.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            ArgNode node = nodes.get(i);
            if (i > 0) {
                b.append(", ");
            }
            if (FdCalls.isFdArg(name, i) && (node.kind() == ArgKind.FD || node.kind() == ArgKind.NUMBER)) {
                String file = fdFile(node, s, fds, pids);
                b.append(file);
                if (fdFile == null && file.startsWith("<")) {
                    fdFile = file.substring(1, file.length() - 1);
                }
                continue;
            }
            if (RANDOM_DATA.contains(name) && node.kind() == ArgKind.STRING) {
                b.append("\"…\"");
                continue;
            }
            if (path == null && !data && i <= 2 && node.kind() == ArgKind.STRING) {
                String decoded = node.decoded();
                if (decoded != null && !decoded.isEmpty()) {
                    path = Masks.path(decoded, pids);
                }
            }
            String masked = mask(node.text(), memory, pids);
            if (addr == null && i == 1 && SOCKADDR_CALLS.contains(name)) {
                addr = masked;
            }
            b.append(masked);
        }
        b.append(')');
        String errno = pl.errno();
        boolean failed = pl.returnKind() == ReturnKind.ERROR;
        long value = Long.MIN_VALUE;
        String resultFile = null;
        b.append(" = ");
        switch (pl.returnKind()) {
            case VALUE -> {
                String v = pl.returnValueSpan().text(s);
                OptionalLong n = number(v);
                value = n.isPresent() ? n.getAsLong() : Long.MIN_VALUE;
                if (value >= 0 && FdCalls.mayReturnFd(name) && returnsFd(name, nodes)) {
                    resultFile = resultFile(s, pl, name, nodes, path, fds, pids);
                    b.append('<').append(resultFile).append('>');
                } else if (PID_RESULTS.contains(name) && value > 0 || pids.contains(value)) {
                    b.append(Masks.PID);
                } else if (memory && value != 0 || v.startsWith("0x") && v.length() > 6) {
                    b.append(Masks.ADDRESS);
                } else if (TIME_RESULTS.contains(name)) {
                    b.append(Masks.ANY);
                } else {
                    b.append(v);
                }
            }
            case ERROR -> b.append("-1 ").append(errno == null ? "" : errno);
            case RESTART -> b.append("? ").append(errno == null ? "" : errno);
            case UNAVAILABLE -> b.append("? <unavailable>");
            default -> b.append('?');
        }
        if (addr != null) {
            path = null;
        } else if (path == null && fdFile != null) {
            path = fdFile;
        }
        String key = name + ' ' + (path != null ? path : addr != null ? addr : "");
        return new Normal(name, b.toString(), path, key, failed, errno, resultFile, value, args);
    }

    /** {@code execve}'s program, argv and environment (or only its size, when strace abbreviated it). */
    static RunProcess.Exec exec(int call, Normal n, Masks.Pids pids) {
        List<ArgNode> nodes = n.args().nodes();
        String path = n.path() == null ? "" : n.path();
        List<String> argv = strings(nodes.size() > 1 ? nodes.get(1) : null, pids);
        ArgNode envNode = nodes.size() > 2 ? nodes.get(2) : null;
        List<String> env = envNode != null && envNode.kind() == ArgKind.ARRAY ? strings(envNode, pids) : null;
        int count = env != null ? env.size() : -1;
        if (env == null && envNode != null) {
            Matcher m = VARS.matcher(envNode.text());
            if (m.find()) {
                count = Integer.parseInt(m.group(1));
            }
        }
        return new RunProcess.Exec(call, path, argv, env, count);
    }

    private static List<String> strings(ArgNode array, Masks.Pids pids) {
        if (array == null || array.kind() != ArgKind.ARRAY) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>(array.children().size());
        for (ArgNode c : array.children()) {
            if (c.kind() == ArgKind.STRING) {
                out.add(Masks.path(c.decoded(), pids) + (c.truncated() ? "…" : ""));
            } else if (c.kind() == ArgKind.ELLIPSIS) {
                out.add("…");
            }
        }
        return out;
    }

    /** An fd argument as the file it is: {@code </etc/passwd>}; AT_FDCWD as is; an unknown fd as {@code fd3}. */
    private static String fdFile(ArgNode node, String s, Map<Integer, String> fds, Masks.Pids pids) {
        if (node.kind() == ArgKind.FD) {
            OptionalLong fd = node.fdNumber();
            if (fd.isPresent() && fd.getAsLong() == ArgNode.AT_FDCWD) {
                return "AT_FDCWD";
            }
            String deco = node.decorationSpan().isPresent() ? node.decorationSpan().text(s) : null;
            if (deco != null) {
                return "<" + decoration(deco, pids) + ">";
            }
        }
        OptionalLong fd = node.numericValue();
        if (fd.isEmpty()) {
            return mask(node.text(), false, pids);
        }
        long f = fd.getAsLong();
        String file = f >= 0 && f < Integer.MAX_VALUE ? fds.get((int) f) : null;
        return file != null ? "<" + file + ">" : f < 0 ? Long.toString(f) : "fd" + f;
    }

    /** A decoration's content: a path masked; socket and pipe inode numbers and ephemeral ends dropped. */
    static String decoration(String deco, Masks.Pids pids) {
        int bracket = deco.indexOf(":[");
        if (bracket >= 0 && deco.endsWith("]")) {
            return deco.substring(0, bracket) + ":[" + Masks.ANY + "]";
        }
        int device = deco.indexOf('<');
        String path = device > 0 ? deco.substring(0, device) : deco;
        return Masks.path(path, pids) + (device > 0 ? deco.substring(device) : "");
    }

    private static boolean returnsFd(String name, List<ArgNode> nodes) {
        if (name.equals("fcntl") || name.equals("fcntl64")) {
            return nodes.size() > 1 && nodes.get(1).text().startsWith("F_DUPFD");
        }
        return !name.equals("bpf");
    }

    /** What a returned fd is: the -y decoration, else what the call says (the path it opened, a socket...). */
    private static String resultFile(String s, ParsedLine pl, String name, List<ArgNode> nodes, String path,
            Map<Integer, String> fds, Masks.Pids pids) {
        if (pl.returnDecorationSpan().isPresent()) {
            String deco = pl.returnDecorationSpan().text(s);
            if (deco.startsWith("<") && deco.endsWith(">")) {
                return decoration(deco.substring(1, deco.length() - 1), pids);
            }
        }
        switch (name) {
            case "dup", "dup2", "dup3", "fcntl", "fcntl64" -> {
                OptionalLong old = nodes.isEmpty() ? OptionalLong.empty() : nodes.get(0).numericValue();
                String file = old.isPresent() && old.getAsLong() >= 0 && old.getAsLong() < Integer.MAX_VALUE
                        ? fds.get((int) old.getAsLong()) : null;
                return file != null ? file : "fd";
            }
            case "socket" -> {
                return "socket:" + (nodes.isEmpty() ? "" : nodes.get(0).text());
            }
            case "accept", "accept4" -> {
                return "socket:accepted";
            }
            default -> {
                return path != null ? path : name;
            }
        }
    }

    /**
     * Masks a piece of argument text: strings keep their text with temporary names masked; hex addresses become
     * {@code 0x…}; {@code N<decoration>} fds lose their number; numbers in volatile fields (times, inodes,
     * si_pid) become {@code …}; numbers that are pids of this run become {@code <pid>}; for calls on memory,
     * every decimal (sizes, offsets) becomes {@code N}.
     */
    static String mask(String t, boolean memory, Masks.Pids pids) {
        StringBuilder b = new StringBuilder(t.length());
        String field = null;
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '"') {
                int end = skipString(t, i);
                String content = t.substring(i + 1, Math.max(i + 1, end - 1));
                b.append('"').append(Masks.path(content, pids)).append('"');
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && t.charAt(i + 1) == '*') {
                int close = t.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                b.append(t, i, end);
                i = end;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
                    j++;
                }
                String word = t.substring(i, j);
                b.append(word);
                field = j < n && t.charAt(j) == '=' ? word : field;
                i = j;
                continue;
            }
            if (c >= '0' && c <= '9') {
                int j = i;
                boolean hex = c == '0' && i + 1 < n && (t.charAt(i + 1) == 'x' || t.charAt(i + 1) == 'X');
                j = hex ? i + 2 : i;
                while (j < n && (hex ? Character.digit(t.charAt(j), 16) >= 0 : Character.isDigit(t.charAt(j)))) {
                    j++;
                }
                if (!hex && j < n && t.charAt(j) == '<') {
                    int close = matchingAngle(t, j);
                    if (close > j) {
                        b.append('<').append(decoration(t.substring(j + 1, close), pids)).append('>');
                        i = close + 1;
                        continue;
                    }
                }
                String num = t.substring(i, j);
                if (field != null && Masks.volatileField(field)) {
                    b.append(Masks.ANY);
                } else if (hex && num.length() > 6) {
                    b.append(Masks.ADDRESS);
                } else if (memory && !hex) {
                    b.append('N');
                } else if (!hex && num.length() >= 3 && pids.contains(parse(num))) {
                    b.append(Masks.PID);
                } else {
                    b.append(num);
                }
                i = j;
                continue;
            }
            if (c == ',' || c == '{' || c == '}' || c == '[' || c == ']') {
                field = null;
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int skipString(String t, int i) {
        int j = i + 1;
        while (j < t.length()) {
            char c = t.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '"') {
                return j + 1;
            }
            j++;
        }
        return t.length();
    }

    private static int matchingAngle(String t, int open) {
        int depth = 0;
        for (int j = open; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
                if (depth == 0) {
                    return j;
                }
            } else if (c == '"') {
                j = skipString(t, j) - 1;
            }
        }
        return -1;
    }

    private static OptionalLong number(String v) {
        try {
            if (v.startsWith("0x")) {
                return OptionalLong.of(Long.parseUnsignedLong(v.substring(2), 16));
            }
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
