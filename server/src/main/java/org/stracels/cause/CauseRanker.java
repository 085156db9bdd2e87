package org.stracels.cause;

import org.stracels.analysis.IntList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.parse.CancelCheck;

/**
 * Ranks the failed calls of one process group before a reported error (or a failing exit) by how likely each
 * is to be its cause. Every point of a score is a {@link Cause.Reason} in words: noise sinks (routine
 * failures, files created afterwards or found elsewhere, one of many places searched), and what matters
 * rises (seldom-seen errnos, retries, paths the program came back to, what the message names or quotes, the
 * last failures before the message, a child that failed).
 */
final class CauseRanker {
    /** What is being explained: a message (lines {@code line}..{@code end}) or an exit line. */
    record Anchor(int line, int end, int processId, int group, int after, String message, boolean exit) { }

    /** What the ranking asks of the rest of the analysis: a failed child's own causes, ranked once. */
    interface Children {
        Children NONE = id -> List.of();

        /** The causes of the end of process {@code processId}, most likely first. */
        List<Cause> causesOf(int processId);
    }

    /** What ld.so writes (strace may cut the string it is in, hence the prefix). */
    private static final String LOADER_MESSAGE = "error while loading shared lib";

    private static final int MAX_CANDIDATES = 32;
    private static final int MAX_EARLIER = 8;
    private static final int MAX_CAUSES = 8;
    private static final int MAX_LOADER_PROBES = 512;
    private static final int MAX_WINDOW = 20_000;
    private static final int[] NEAR = {4, 2, 1};
    private static final String[] ORDINAL = {"the last", "the second-to-last", "the third-to-last"};
    private static final Set<String> CREATES = Set.of("mkdir", "mkdirat", "mknod", "mknodat", "creat", "link",
            "linkat", "symlink", "symlinkat", "rename", "renameat", "renameat2", "bind");

    private final TraceScan scan;
    private final Trace trace;
    private final Anchor anchor;
    private final RoutineFailures routine;
    private final Children children;
    /** The library the loader could not find, when the message says so. */
    private final String library;

    private CauseRanker(TraceScan scan, Anchor anchor, RoutineFailures routine, Children children) {
        this.scan = scan;
        this.trace = scan.trace();
        this.anchor = anchor;
        this.routine = routine;
        this.children = children;
        this.library = library(anchor.message());
    }

    static List<Cause> rank(TraceScan scan, Anchor anchor, RoutineFailures routine, CancelCheck cancel) {
        return rank(scan, anchor, routine, Children.NONE, cancel);
    }

    static List<Cause> rank(TraceScan scan, Anchor anchor, RoutineFailures routine, Children children,
            CancelCheck cancel) {
        return new CauseRanker(scan, anchor, routine, children).rank(cancel);
    }

    /** {@code libdemo.so.1} of "error while loading shared libraries: libdemo.so.1: cannot open …", or null. */
    static String library(String message) {
        int at = message == null ? -1 : message.indexOf(LOADER_MESSAGE);
        if (at < 0) {
            return null;
        }
        int colon = message.indexOf(": ", at);
        if (colon < 0) {
            return null;
        }
        int from = colon + 2;
        int to = message.indexOf(':', from);
        String lib = (to < 0 ? message.substring(from) : message.substring(from, to)).strip();
        return lib.isEmpty() || lib.contains("/") || lib.contains(" ") ? null : lib;
    }

    private List<Cause> rank(CancelCheck cancel) {
        int[] failures = scan.failures(anchor.group());
        int hi = IntList.lowerBound(failures, anchor.line());
        int lo = IntList.lowerBound(failures, anchor.after() + 1);
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        int first = Math.max(lo, hi - MAX_CANDIDATES);
        boolean anyReal = false;
        for (int k = first; k < hi; k++) {
            anyReal |= collect(failures[k], byKey, false);
        }
        if (!anyReal) {
            for (int k = Math.max(0, lo - MAX_EARLIER); k < lo; k++) {
                collect(failures[k], byKey, true);
            }
        }
        List<Candidate> candidates = new ArrayList<>(byKey.values());
        for (int id : scan.failedChildren(anchor.group())) {
            ProcessInfo child = trace.model().process(id);
            if (child.endLine() > anchor.after() && child.endLine() < anchor.line()) {
                candidates.add(new Candidate(child));
            }
        }
        Endings.Ending ending = anchor.exit() && anchor.line() == trace.model().process(anchor.processId()).endLine()
                ? Endings.of(trace, anchor.processId()) : null;
        if (ending != null) {
            EndingReasons.add(trace, ending, anchor.processId(), candidates);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // routine failures ask nothing of the window: it starts at the first failure that is not
        int from = candidates.stream().filter(c -> !c.routine && c.eventLine < 0)
                .mapToInt(c -> c.child != null ? c.child.endLine() : c.lines.get(0)).min().orElse(anchor.line());
        Window window = Window.of(scan, anchor.group(), Math.max(from, anchor.line() - MAX_WINDOW), anchor.line(), cancel);
        for (Candidate c : candidates) {
            if (c.routine || c.eventLine >= 0) {
                continue;
            } else if (c.child != null) {
                child(c);
            } else {
                explain(c, window);
            }
        }
        if (ending != null) {
            EndingReasons.stuck(trace, ending, candidates);
        }
        searches(candidates);
        nearness(candidates);
        return causes(candidates);
    }

    /** A failed child: a cause of its parent's failure, carrying its own top cause (its via). */
    private void child(Candidate c) {
        ProcessInfo child = c.child;
        Endings.Ending end = Endings.of(trace, child.id());
        if (end != null && end.kind() == Endings.Kind.PIPE) {
            c.add(-6, "normal: pid " + child.pid() + programOf(child) + " was stopped by SIGPIPE because the reader"
                    + " of its pipe had finished");
            c.sunk = true;
            return;
        }
        c.add(5, "a child process failed: pid " + child.pid() + programOf(child) + " " + child.endingText());
        ProcessInfo parent = trace.model().process(anchor.processId());
        if (anchor.exit() && parent.ending() == ProcessInfo.Ending.EXITED && passesOn(parent.exitStatus(), child)) {
            c.add(2, "it passed the child's failure on: it exited with " + parent.exitStatus()
                    + (parent.exitStatus() == 124 ? ", what timeout says when the command timed out"
                    : child.ending() == ProcessInfo.Ending.KILLED ? " (128 + the signal's number)" : ", the child's status"));
        }
        List<Cause> own = children.causesOf(child.id());
        if (!own.isEmpty() && own.get(0).score() > 0) {
            c.via = own.get(0);
            c.add(0, "its own likely cause: " + c.via.chain(trace::lineNumber));
        }
    }

    private static boolean passesOn(int status, ProcessInfo child) {
        if (child.ending() == ProcessInfo.Ending.EXITED) {
            return status == child.exitStatus();
        }
        Integer number = SIGNALS.get(child.signal());
        return status == 124 || number != null && status == 128 + number;
    }

    private static final java.util.Map<String, Integer> SIGNALS = java.util.Map.of("SIGHUP", 1, "SIGINT", 2,
            "SIGQUIT", 3, "SIGABRT", 6, "SIGKILL", 9, "SIGSEGV", 11, "SIGPIPE", 13, "SIGALRM", 14, "SIGTERM", 15);

    /** Adds the failure on {@code line} to its candidate; whether it is not routine. */
    private boolean collect(int line, Map<String, Candidate> byKey, boolean earlier) {
        Peek peek = Peek.of(trace, line);
        String why = peek.routine(routine);
        boolean lookup = library != null && peek.path() != null && peek.path().endsWith("/" + library)
                && ErrnoWeight.isLookup(peek.errno());
        if (lookup) {
            why = null; // the loader probing is routine only while it goes on to find the library
        }
        // noise is told apart by what the index shows; only the rest is read in full
        FailedCall call = why == null ? FailedCall.read(trace, line) : null;
        String key = lookup ? "loader|" + library
                : call != null ? call.key() : "routine|" + peek.name() + '|' + peek.errno() + '|' + peek.path();
        Candidate c = byKey.computeIfAbsent(key, k -> new Candidate(null));
        if (lookup) {
            c.library = library;
        }
        c.lines.add(line);
        if (line > c.lastLine) {
            c.lastLine = line;
            c.call = call;
            c.peek = peek;
        }
        c.earlier |= earlier;
        if (why != null && c.lines.size() == 1) {
            c.add(-10, "routine: " + why);
            c.sunk = true;
            c.routine = true;
        }
        return why == null;
    }

    private void explain(Candidate c, Window window) {
        FailedCall call = c.call;
        int last = c.last();
        if (c.library != null) {
            loader(c);
        }
        if (c.earlier) {
            c.add(-3, "an earlier message, on line " + trace.lineNumber(anchor.after()) + ", already followed it");
        }
        int nameId = trace.parsed().nameId(call.entryLine());
        for (int k = 0; k < call.rawPaths().size() && !c.sunk && c.library == null; k++) {
            String raw = call.rawPaths().get(k);
            String path = call.paths().get(k);
            int again = window.firstUse(raw, last, l -> trace.parsed().nameId(l) == nameId && window.succeeded(l));
            int made = "ENOENT".equals(call.errno())
                    ? window.firstUse(raw, last, l -> window.succeeded(l) && creates(l)) : -1;
            Window.Use elsewhere = ErrnoWeight.isLookup(call.errno()) ? window.foundElsewhere(raw, last) : null;
            if (again >= 0) {
                c.add(-6, "it worked later: " + call.name() + " on " + path + " succeeded on line " + trace.lineNumber(again));
            } else if (made >= 0) {
                c.add(-6, "the program created " + path + " afterwards, on line " + trace.lineNumber(made));
            } else if (elsewhere != null) {
                c.add(-6, "optional: the program found " + Window.base(raw) + " elsewhere, " + elsewhere.raw()
                        + " on line " + trace.lineNumber(elsewhere.line()));
            }
            c.sunk = again >= 0 || made >= 0 || elsewhere != null;
        }
        for (int k = 0; k < call.rawPaths().size() && !c.sunk; k++) {
            int use = window.firstUse(call.rawPaths().get(k), last, l -> trace.parsed().nameId(l) != nameId);
            if (use >= 0) {
                c.add(2, "the program came back to " + call.paths().get(k) + " on line " + trace.lineNumber(use) + " ("
                        + trace.parsed().name(use) + ")");
                break;
            }
        }
        if (call.fd() >= 0 && call.paths().isEmpty()) {
            FdOpener.Opener opener = FdOpener.find(scan, anchor.group(), call.fd(), call.entryLine());
            if (opener != null) {
                c.add(0, "fd " + call.fd() + " is what " + opener.name() + " returned on line " + trace.lineNumber(opener.line())
                        + (opener.path() != null ? ", for " + opener.path() : ""));
            }
        }
        if (call.hidden()) {
            HiddenErrors.Hidden hidden = HiddenErrors.of(trace, call.line());
            if (hidden != null) {
                c.add(2, "an error hidden in a call that succeeded: " + hidden.what());
            }
        }
        Cause.Reason errno = ErrnoWeight.of(call);
        if (errno != null) {
            c.reasons.add(errno);
        }
        if (c.lines.size() >= 2 && c.library == null) {
            int[] lines = c.lines.toArray();
            Arrays.sort(lines);
            c.add(Math.min(3, lines.length), "retried: it failed the same way " + lines.length + " times (lines "
                    + lineList(trace, lines) + ")");
        }
        if (anchor.message() != null) {
            MessageMatch.explain(call, anchor.message(), c.reasons);
        }
        if (call.injected()) {
            c.add(0, "strace injected this failure (-e inject)");
        }
    }

    /** The loader's failed lookups of the library it then said it could not load: which directories it searched. */
    private void loader(Candidate c) {
        // the loader's search began before the candidates' window: look further back, a bounded number of failures
        int[] failures = scan.failures(anchor.group());
        int hi = IntList.lowerBound(failures, anchor.line());
        List<String> dirs = new ArrayList<>();
        for (int k = Math.max(0, hi - MAX_LOADER_PROBES); k < hi; k++) {
            String path = Peek.of(trace, failures[k]).path();
            if (path == null || !path.endsWith("/" + c.library)) {
                continue;
            }
            String dir = searchDir(path.substring(0, Math.max(1, path.lastIndexOf('/'))));
            if (!dirs.contains(dir)) {
                dirs.add(dir);
            }
        }
        String shown = String.join(", ", dirs.subList(0, Math.min(6, dirs.size()))) + (dirs.size() > 6 ? ", …" : "");
        c.add(6, "the dynamic loader could not find " + c.library + " and stopped the program: it looked in "
                + dirs.size() + (dirs.size() == 1 ? " directory (" : " directories (") + shown
                + ", and their hardware-specific subdirectories)");
    }

    /** {@code /usr/lib} of {@code /usr/lib/glibc-hwcaps/x86-64-v3} or {@code /usr/lib/tls/x86_64}: where the search was. */
    private static String searchDir(String dir) {
        String d = dir;
        for (int hops = 0; hops < 8; hops++) {
            int hw = d.indexOf("/glibc-hwcaps/");
            if (hw > 0) {
                d = d.substring(0, hw);
                continue;
            }
            int slash = d.lastIndexOf('/');
            String last = d.substring(slash + 1);
            if (slash > 0 && (last.equals("tls") || last.equals("x86_64") || last.equals("haswell")
                    || last.equals("aarch64") || last.equals("i686") || last.equals("sse2"))) {
                d = d.substring(0, slash);
                continue;
            }
            break;
        }
        return d;
    }

    /** Lookups of one name in several places ({@code ./x.conf}, {@code /etc/x.conf}): a search, which fails often. */
    private static void searches(List<Candidate> candidates) {
        for (Candidate c : candidates) {
            if (c.call == null || c.sunk || c.library != null || !ErrnoWeight.isLookup(c.call.errno())
                    || c.call.rawPaths().isEmpty()) {
                continue;
            }
            String raw = c.call.rawPaths().get(0);
            String base = Window.base(raw);
            int places = 1;
            for (Candidate o : candidates) {
                if (o != c && o.call != null && !o.call.rawPaths().isEmpty() && base != null
                        && base.equals(Window.base(o.call.rawPaths().get(0))) && !raw.equals(o.call.rawPaths().get(0))) {
                    places++;
                }
            }
            if (places > 1) {
                c.add(-3, "one of " + places + " places the program looked for " + base);
            }
        }
    }

    /** The last failures before the message (or exit) rise: the program gave up right after them. */
    private void nearness(List<Candidate> candidates) {
        List<Candidate> near = new ArrayList<>(candidates.stream().filter(c -> !c.sunk && !c.earlier && c.eventLine < 0).toList());
        near.sort(Comparator.comparingInt(Candidate::last).reversed());
        String what = anchor.exit() ? "the exit" : "the message";
        for (int r = 0; r < Math.min(NEAR.length, near.size()); r++) {
            Candidate c = near.get(r);
            int calls = calls(c.last(), anchor.line());
            StringBuilder text = new StringBuilder(ORDINAL[r]).append(" failure before ").append(what)
                    .append(calls == 0 ? ", right before it" : ", " + calls + (calls == 1 ? " call" : " calls") + " before it");
            int weight = NEAR[r];
            ProcessInfo p = trace.model().process(anchor.processId());
            if (r == 0 && !anchor.exit() && TraceScan.failed(p) && p.endLine() > anchor.end()) {
                int after = calls(anchor.end(), p.endLine());
                if (after <= 8) {
                    text.append("; then the program gave up: it exited ").append(after == 0 ? "right after"
                            : after + (after == 1 ? " call later" : " calls later"));
                    weight++;
                }
            }
            c.add(weight, text.toString());
        }
    }

    /** Calls of the group strictly between two lines, counted up to a bound. */
    private int calls(int from, int to) {
        int n = 0;
        for (int l = from + 1; l < to && n < 10_000; l++) {
            if (scan.groupOfLine(l) == anchor.group() && TraceScan.isEntry(trace.parsed().kind(l))) {
                n++;
            }
        }
        return n;
    }

    private boolean creates(int line) {
        String name = trace.parsed().name(line);
        int start = trace.parsed().lineStart(line);
        return CREATES.contains(name) || Text.find(trace.text(), "O_CREAT", start, trace.parsed().lineEnd(line)) >= 0;
    }

    private List<Cause> causes(List<Candidate> candidates) {
        for (Candidate c : candidates) {
            c.score = c.reasons.stream().mapToInt(Cause.Reason::weight).sum();
            c.reasons.sort(Comparator.comparingInt((Cause.Reason r) -> r.weight() == 0 ? Integer.MIN_VALUE : r.weight()).reversed());
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.score).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::last).reversed()));
        List<Cause> causes = new ArrayList<>(Math.min(MAX_CAUSES, candidates.size()));
        for (Candidate c : candidates.subList(0, Math.min(MAX_CAUSES, candidates.size()))) {
            int[] lines = c.lines.toArray();
            Arrays.sort(lines);
            if (c.eventLine >= 0) {
                causes.add(new Cause(c.eventLine, c.eventLine, c.eventTitle, c.eventCall, c.eventCall, c.score,
                        List.copyOf(c.reasons), new int[] {c.eventLine}));
            } else if (c.child != null) {
                String title = "pid " + c.child.pid() + " " + c.child.endingText();
                causes.add(new Cause(c.last(), c.last(), title, "pid " + c.child.pid() + programOf(c.child) + " "
                        + c.child.endingText(), title, c.score, List.copyOf(c.reasons), new int[] {c.last()}, c.via));
            } else if (c.library != null && c.call != null) {
                FailedCall call = c.call;
                causes.add(new Cause(c.last(), call.entryLine(), c.library + " not found (" + call.title() + ")",
                        call.call(), call.shortCall(), c.score, List.copyOf(c.reasons), lines));
            } else if (c.call == null) {
                Peek p = c.peek;
                int entry = trace.model().partner(c.last()) >= 0 && trace.model().partner(c.last()) < c.last()
                        ? trace.model().partner(c.last()) : c.last();
                causes.add(new Cause(c.last(), entry, p.name() + "() " + p.errno(), p.call(),
                        p.name() + "(…) = -1 " + p.errno(), c.score, List.copyOf(c.reasons), lines));
            } else {
                FailedCall call = c.call;
                causes.add(new Cause(c.last(), call.entryLine(), call.title(), call.call(), call.shortCall(), c.score,
                        List.copyOf(c.reasons), lines));
            }
        }
        return List.copyOf(causes);
    }

    static String programOf(ProcessInfo p) {
        return p.execs().isEmpty() ? "" : " (" + p.execs().get(p.execs().size() - 1).path() + ")";
    }

    private static String lineList(Trace trace, int[] lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length && i < 6; i++) {
            b.append(i > 0 ? ", " : "").append(trace.lineNumber(lines[i]));
        }
        return lines.length > 6 ? b.append(", …").toString() : b.toString();
    }
}
