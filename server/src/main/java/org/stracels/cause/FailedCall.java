package org.stracels.cause;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stracels.analysis.FdCalls;
import org.stracels.analysis.Trace;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;
import org.stracels.parse.ArgParser;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.Span;

/**
 * What the ranking needs to know of one failed call, read from its line (both halves of a cut call).
 *
 * @param line      the line holding the result ({@code = -1 ERRNO})
 * @param entryLine the line holding the name and the first arguments (the unfinished half of a cut call)
 * @param paths     the paths the call names, escapes resolved: its string arguments (not for calls whose
 *                  strings are data, such as write) and socket paths ({@code sun_path})
 * @param rawPaths  the same, as the trace prints them between the quotes (what other lines show)
 * @param fd        the fd of its first argument, or -1
 * @param fdName    the -y decoration of that fd, or null
 * @param args      the argument text as printed (both halves joined)
 * @param key       equal for two failures of the same call on the same thing with the same errno (a retry)
 * @param result    what the call returned as printed: {@code -1 ENOENT}, or for an error hidden in a call that
 *                  succeeded ({@link HiddenErrors}) its value ({@code 0})
 * @param hidden    the errno is not the call's own result but inside it ({@code SO_ERROR, [ECONNREFUSED]}, {@code POLLERR})
 */
public record FailedCall(int line, int entryLine, String name, String errno, String errnoText, List<String> paths,
        List<String> rawPaths, int fd, String fdName, String args, String key, boolean injected, String result,
        boolean hidden) {

    /** Calls whose string arguments are data, not names of files. */
    private static final Set<String> DATA_CALLS = Set.of("read", "write", "pread64", "pwrite64", "readv", "writev",
            "preadv", "pwritev", "preadv2", "pwritev2", "send", "recv", "sendto", "recvfrom", "sendmsg", "recvmsg",
            "sendmmsg", "recvmmsg", "ioctl", "getrandom", "setsockopt", "getsockopt", "mq_timedsend",
            "mq_timedreceive", "keyctl", "add_key", "request_key", "process_vm_readv", "process_vm_writev");

    /** Whether the strings of {@code name}'s arguments are data rather than names of files. */
    static boolean isDataCall(String name) {
        return DATA_CALLS.contains(name);
    }

    static FailedCall read(Trace trace, int line) {
        ParsedTrace parsed = trace.parsed();
        String text = parsed.text();
        ParsedLine result = parsed.line(line);
        int partner = trace.model().partner(line);
        int entry = parsed.kind(line) == LineKind.RESUMED && partner >= 0 ? partner : line;
        ParsedLine call = entry == line ? result : parsed.line(entry);
        String name = result.name() != null ? result.name() : call.name() != null ? call.name() : "call";
        List<ArgNode> nodes = new ArrayList<>(ArgParser.parse(text, call.argsSpan()).nodes());
        String args = call.argsSpan().isPresent() ? call.argsSpan().text(text) : "";
        if (entry != line && result.argsSpan().isPresent()) {
            nodes.addAll(ArgParser.parse(text, result.argsSpan()).nodes());
            args += result.argsSpan().text(text);
        }
        List<String> paths = new ArrayList<>(2);
        List<String> raw = new ArrayList<>(2);
        boolean data = DATA_CALLS.contains(name);
        for (ArgNode node : nodes) {
            ArgNode value = node.kind() == ArgKind.FIELD && node.value() != null ? node.value() : node;
            if (!data && value.kind() == ArgKind.STRING) {
                add(value, paths, raw);
            }
            socketPaths(node, paths, raw, 0);
        }
        int fd = -1;
        String fdName = null;
        if (!nodes.isEmpty()) {
            ArgNode first = nodes.get(0);
            if (first.kind() == ArgKind.FD && first.fdNumber().orElse(-1) >= 0) {
                fd = (int) first.fdNumber().getAsLong();
                fdName = first.decoded();
            } else if (first.kind() == ArgKind.NUMBER && FdCalls.isFdArg(name, 0)) {
                fd = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, first.numericValue().orElse(-1)));
            }
        }
        HiddenErrors.Hidden hidden = result.errno() == null ? HiddenErrors.of(trace, line) : null;
        String errno = result.errno() != null ? result.errno() : hidden != null ? hidden.code() : "error";
        String value = hidden != null && result.returnValueSpan().isPresent() ? result.returnValueSpan().text(text)
                : "-1 " + errno;
        String errnoText = result.errnoTextSpan().isPresent() ? result.errnoTextSpan().text(text) : null;
        boolean injected = false;
        for (Span note : result.notes()) {
            injected |= note.text(text).contains("INJECTED");
        }
        String key = name + '|' + errno + '|' + (raw.isEmpty() ? normalized(nodes, fd >= 0, text) : String.join("|", raw));
        return new FailedCall(line, entry, name, errno, errnoText, List.copyOf(paths), List.copyOf(raw), fd, fdName,
                args, key, injected, value, hidden != null);
    }

    private static void add(ArgNode string, List<String> paths, List<String> raw) {
        String decoded = string.decoded();
        if (decoded != null && !decoded.isEmpty() && !raw.contains(string.content())) {
            paths.add(decoded);
            raw.add(string.content());
        }
    }

    /** {@code sun_path="/var/run/nscd/socket"} inside a sockaddr. */
    private static void socketPaths(ArgNode node, List<String> paths, List<String> raw, int depth) {
        if (depth > 4) {
            return;
        }
        if (node.kind() == ArgKind.FIELD && "sun_path".equals(node.name()) && node.value() != null
                && node.value().kind() == ArgKind.STRING) {
            add(node.value(), paths, raw);
            return;
        }
        for (ArgNode child : node.children()) {
            socketPaths(child, paths, raw, depth + 1);
        }
    }

    /** The arguments without the fd (a retry usually gets a new one) and without addresses. */
    private static String normalized(List<ArgNode> nodes, boolean skipFd, CharSequence text) {
        StringBuilder b = new StringBuilder();
        for (int i = skipFd ? 1 : 0; i < nodes.size(); i++) {
            b.append(nodes.get(i).text()).append(',');
        }
        return withoutAddresses(b);
    }

    /** {@code 0x7ffe…} becomes {@code 0x}: buffers and structures move between two tries of one call. */
    private static String withoutAddresses(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c);
            if (c == '0' && i + 1 < s.length() && s.charAt(i + 1) == 'x') {
                b.append('x');
                i++;
                while (i + 1 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0) {
                    i++;
                }
            }
        }
        return b.toString();
    }

    /** The first path, or null. */
    public String path() {
        return paths.isEmpty() ? null : paths.get(0);
    }

    /** What the call was about, for sentences: its first path, or its fd's decoration, or "fd N"; null if none. */
    public String subject() {
        if (!paths.isEmpty()) {
            return paths.get(0);
        }
        if (fdName != null) {
            return fdName;
        }
        return fd >= 0 ? "fd " + fd : null;
    }

    /** {@code link() ESERVERFAULT}: short enough for a code lens. */
    public String title() {
        return name + "() " + errno;
    }

    /** {@code link("/a", "/b") = -1 ESERVERFAULT}, long arguments cut. */
    public String call() {
        return name + "(" + abbreviate(args.strip(), 90) + ") = " + result;
    }

    /** {@code link(…) = -1 ESERVERFAULT}; {@code getsockopt(…) = 0 [ECONNREFUSED]} for a hidden error. */
    public String shortCall() {
        return hidden ? name + "(…) = " + result + " [" + errno + "]" : name + "(…) = -1 " + errno;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
