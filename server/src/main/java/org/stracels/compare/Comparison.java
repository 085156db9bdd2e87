package org.stracels.compare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.stracels.compare.Difference.Kind;
import org.stracels.compare.Difference.Location;

/**
 * Two runs of one command compared by meaning: GOOD worked, BAD failed. Both are read streaming and
 * normalised ({@link RunReader}), their processes paired by place in the tree ({@link ProcessPairs}), the calls
 * of each pair aligned ({@link CallDiff}); the differences are then ranked by how likely each explains BAD's
 * failure, the likely causes of BAD's own error messages ({@link BadCauses}) first.
 */
public final class Comparison {
    /** Call lines a normalised text shows per process at most. */
    static final int TEXT_LINES = 20_000;
    /** Unranked differences kept at most (the rest are counted). */
    static final int NOISE_KEPT = 2_000;
    private static final Set<String> WELL_KNOWN = Set.of("PATH", "HOME", "LANG", "LANGUAGE", "LC_ALL", "LD_LIBRARY_PATH",
            "LD_PRELOAD", "TMPDIR", "SHELL", "USER", "LOGNAME", "TZ", "PYTHONPATH", "PYTHONHOME", "JAVA_HOME",
            "CLASSPATH", "NODE_PATH", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "PERL5LIB", "GEM_HOME",
            "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY", "SSL_CERT_FILE",
            "SSL_CERT_DIR", "CC", "CFLAGS", "MAKEFLAGS", "TERM", "DISPLAY", "DBUS_SESSION_BUS_ADDRESS");
    private static final Set<String> WAITING = Set.of("wait4", "waitid", "poll", "ppoll", "select", "pselect6",
            "epoll_wait", "epoll_pwait", "epoll_pwait2", "nanosleep", "clock_nanosleep", "futex", "pause",
            "rt_sigsuspend", "rt_sigtimedwait", "accept", "accept4", "read", "recvfrom", "recvmsg", "restart_syscall");

    private final Run good;
    private final Run bad;
    private final Interner interner;
    private final List<ProcessPairs.Pair> pairs;
    private final Map<RunProcess, Integer> goodPair = new HashMap<>();
    private final Map<RunProcess, Integer> badPair = new HashMap<>();
    private final List<Difference> found = new ArrayList<>();
    private final Map<String, Integer> byLocation = new HashMap<>();
    private final Set<String> envSeen = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private final BadCauses causes;
    private List<Difference> ranked;
    private long noiseDropped;

    private Comparison(Run good, Run bad, Interner interner, BadCauses causes) {
        this.good = good;
        this.bad = bad;
        this.interner = interner;
        this.causes = causes;
        this.pairs = ProcessPairs.align(good, bad);
        for (ProcessPairs.Pair p : pairs) {
            if (p.good() != null) {
                goodPair.put(p.good(), p.id());
            }
            if (p.bad() != null) {
                badPair.put(p.bad(), p.id());
            }
        }
    }

    /** Compares the runs made of these files (a trace, or the files of an -ff set), named as the user named them. */
    public static Comparison of(List<Path> goodFiles, List<String> goodNames, List<Path> badFiles,
            List<String> badNames) throws IOException {
        Interner interner = new Interner();
        Run good = RunReader.read(goodFiles, goodNames, interner);
        Run bad = RunReader.read(badFiles, badNames, interner);
        Comparison c = new Comparison(good, bad, interner, BadCauses.of(badFiles, badNames));
        c.compare();
        return c;
    }

    /** Every difference found, most likely first; routine ones last. */
    public List<Difference> differences() {
        return ranked;
    }

    /** The differences above the noise, most likely first. */
    public List<Difference> rankedDifferences() {
        return ranked.stream().filter(Difference::ranked).toList();
    }

    /** How BAD failed where GOOD did not: {@code pid 12 (cat) exited with 1; in GOOD it exited with 0}. */
    public List<String> failures() {
        return failures;
    }

    /** BAD failed and a ranked difference is there to explain it. */
    public boolean explainsFailure() {
        return !failures.isEmpty() && ranked.stream().anyMatch(Difference::ranked);
    }

    /** Unranked differences left out to bound memory (beyond {@link #NOISE_KEPT}). */
    public long noiseDropped() {
        return noiseDropped;
    }

    public long goodCalls() {
        return good.calls();
    }

    public long badCalls() {
        return bad.calls();
    }

    public long lines() {
        return good.lines + bad.lines;
    }

    /** Distinct normalised texts, paths and keys of both runs. */
    public int distinctTexts() {
        return interner.size();
    }

    /** A pair of processes: its id, where each is in its run's tree (null when absent), and how many calls each made. */
    public record PairInfo(int id, String good, String bad, int goodCalls, int badCalls) {
    }

    public List<PairInfo> pairs() {
        return pairs.stream().map(p -> new PairInfo(p.id(), p.good() == null ? null : p.good().place() + " [" + p.good().who() + "]",
                p.bad() == null ? null : p.bad().place() + " [" + p.bad().who() + "]",
                p.good() == null ? 0 : p.good().calls(), p.bad() == null ? 0 : p.bad().calls())).toList();
    }

    /** The normalised calls of a pair's process in GOOD ({@code inGood}) or BAD, one per line; "" when absent. */
    public String text(int pair, boolean inGood) {
        if (pair < 0 || pair >= pairs.size()) {
            return "";
        }
        RunProcess p = inGood ? pairs.get(pair).good() : pairs.get(pair).bad();
        if (p == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int n = Math.min(p.calls(), TEXT_LINES);
        for (int i = 0; i < n; i++) {
            b.append(interner.text(p.text.get(i))).append('\n');
        }
        if (p.calls() > n) {
            b.append("… ").append(p.calls() - n).append(" more calls\n");
        }
        return b.toString();
    }

    // ---- comparing ------------------------------------------------------------------------------------

    private void compare() {
        for (ProcessPairs.Pair pair : pairs) {
            RunProcess g = pair.good();
            RunProcess b = pair.bad();
            if (g == null || b == null) {
                processAlone(pair, g != null ? g : b, g != null);
                continue;
            }
            execs(pair, g, b);
            CallDiff.align(g.text, b.text, new CallDiff.Visitor() {
                @Override
                public void equal(int gi, int bi) {
                    slower(pair, g, gi, b, bi);
                }

                @Override
                public void changed(int g0, int g1, int b0, int b1) {
                    changedCalls(pair, g, g0, g1, b, b0, b1);
                }
            });
            if (!Objects.equals(g.ending, b.ending)) {
                add(Kind.EXIT, pair, g.who() + " " + ending(g) + " in GOOD; " + b.who() + " " + ending(b) + " in BAD",
                        g.endLine >= 0 ? loc(good, g, g.endLine) : null, b.endLine >= 0 ? loc(bad, b, b.endLine) : null,
                        0, false, null);
            }
        }
        filesInOneRun();
        findFailures();
        tieToCauses();
        tieEnvironment();
        List<Difference> all = new ArrayList<>(found);
        all.sort(Comparator.comparing((Difference d) -> !d.ranked()).thenComparing(Difference::routine).thenComparing(Comparator.comparingInt(Difference::score).reversed())
                .thenComparingInt(d -> order(bad, d.bad())).thenComparingInt(d -> order(good, d.good())));
        ranked = List.copyOf(all);
    }

    private static String ending(RunProcess p) {
        return p.ending == null ? "did not end in the trace" : p.ending;
    }

    private void processAlone(ProcessPairs.Pair pair, RunProcess p, boolean inGood) {
        Run run = inGood ? good : bad;
        int line = p.firstLine >= 0 ? p.firstLine : p.createdAtLine;
        RunProcess at = p.firstLine >= 0 || p.parent == null ? p : p.parent;
        Location l = line >= 0 ? loc(run, at, line) : null;
        String why = "only " + (inGood ? "GOOD" : "BAD") + " has the process " + p.place() + " (" + p.who() + ")"
                + (p.failed ? ", which " + p.ending : "");
        add(Kind.PROCESS_ONLY_IN_ONE_RUN, pair, why, inGood ? l : null, inGood ? null : l, p.failed && !inGood ? 10 : 0,
                false, p.program());
    }

    private void execs(ProcessPairs.Pair pair, RunProcess g, RunProcess b) {
        int n = Math.min(g.execs.size(), b.execs.size());
        for (int i = 0; i < n; i++) {
            RunProcess.Exec ge = g.execs.get(i);
            RunProcess.Exec be = b.execs.get(i);
            Location gl = loc(good, g, g.line.get(ge.call()));
            Location bl = loc(bad, b, b.line.get(be.call()));
            if (!ge.path().equals(be.path())) {
                add(Kind.PROGRAM, pair, "GOOD ran " + ge.path() + ", BAD ran " + be.path(), gl, bl, 0, false, be.path());
            } else if (!ge.argv().equals(be.argv())) {
                int k = 0;
                while (k < ge.argv().size() && k < be.argv().size() && ge.argv().get(k).equals(be.argv().get(k))) {
                    k++;
                }
                add(Kind.ARGV, pair, RunProcess.basename(ge.path()) + " got other arguments: argv[" + k + "] is "
                        + arg(ge.argv(), k) + " in GOOD and " + arg(be.argv(), k) + " in BAD", gl, bl, 0, false, null);
            }
            environment(pair, ge, be, gl, bl);
        }
    }

    private static String arg(List<String> argv, int k) {
        return k < argv.size() ? "\"" + argv.get(k) + "\"" : "absent";
    }

    private void environment(ProcessPairs.Pair pair, RunProcess.Exec ge, RunProcess.Exec be, Location gl, Location bl) {
        if (ge.env() == null || be.env() == null) {
            if (ge.envCount() >= 0 && be.envCount() >= 0 && ge.envCount() != be.envCount()
                    && envSeen.add("#" + ge.envCount() + "/" + be.envCount())) {
                add(Kind.ENVIRONMENT, pair, RunProcess.basename(be.path()) + " started with " + be.envCount()
                        + " environment variables in BAD and " + ge.envCount() + " in GOOD (strace abbreviated them;"
                        + " -v or -e abbrev=!execve shows which)", gl, bl, 5, false, null);
            }
            return;
        }
        Map<String, String> gv = vars(ge.env());
        Map<String, String> bv = vars(be.env());
        Set<String> names = new java.util.LinkedHashSet<>(gv.keySet());
        names.addAll(bv.keySet());
        for (String name : names) {
            String a = gv.get(name);
            String b = bv.get(name);
            if (Objects.equals(a, b) || !envSeen.add(name + "=" + a + "/" + b)) {
                continue;
            }
            String why = a == null ? name + " is set in BAD (" + name + "=" + b + ") and unset in GOOD"
                    : b == null ? name + " is set in GOOD (" + name + "=" + a + ") and unset in BAD"
                    : name + " differs: " + name + "=" + a + " in GOOD, " + name + "=" + b + " in BAD";
            add(Kind.ENVIRONMENT, pair, why, gl, bl, WELL_KNOWN.contains(name) || name.startsWith("LC_") ? 15 : 0,
                    false, name + "=" + (a == null ? "" : a) + "\u0000" + (b == null ? "" : b));
        }
    }

    private static Map<String, String> vars(List<String> env) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq > 0) {
                m.put(e.substring(0, eq), e.substring(eq + 1));
            } else if (!e.equals("…")) {
                m.put(e, "");
            }
        }
        return m;
    }

    private void slower(ProcessPairs.Pair pair, RunProcess g, int gi, RunProcess b, int bi) {
        int gm = g.micros.get(gi);
        int bm = b.micros.get(bi);
        if (gm < 0 || bm < 0 || bm < 100_000 + gm || bm < 10L * Math.max(gm, 1)) {
            return;
        }
        String name = name(b, bi);
        boolean waiting = WAITING.contains(name);
        add(Kind.SLOWER, pair, name + " took " + seconds(bm) + " in BAD and " + seconds(gm) + " in GOOD"
                        + (waiting ? " (it waits for something else, which is what was slow)" : ""),
                loc(good, g, g.line.get(gi)), loc(bad, b, b.line.get(bi)), waiting ? -15 : 0, false, path(b, bi));
    }

    private static String seconds(int micros) {
        return String.format(java.util.Locale.ROOT, "%.3f s", micros / 1e6);
    }

    private void changedCalls(ProcessPairs.Pair pair, RunProcess g, int g0, int g1, RunProcess b, int b0, int b1) {
        Map<Integer, ArrayDeque<Integer>> byKey = new HashMap<>();
        for (int i = g0; i < g1; i++) {
            byKey.computeIfAbsent(g.key.get(i), k -> new ArrayDeque<>()).add(i);
        }
        boolean[] used = new boolean[g1 - g0];
        for (int j = b0; j < b1; j++) {
            ArrayDeque<Integer> q = byKey.get(b.key.get(j));
            Integer i = q == null ? null : q.poll();
            if (i != null) {
                used[i - g0] = true;
                sameCall(pair, g, i, b, j);
            } else {
                onlyIn(pair, b, j, false);
            }
        }
        for (int i = g0; i < g1; i++) {
            if (!used[i - g0]) {
                onlyIn(pair, g, i, true);
            }
        }
    }

    /** The same call (syscall and file) in both runs, printed differently. */
    private void sameCall(ProcessPairs.Pair pair, RunProcess g, int gi, RunProcess b, int bi) {
        if (g.eventAt(gi) || b.eventAt(bi)) {
            return;
        }
        String name = name(b, bi);
        Location gl = loc(good, g, g.line.get(gi));
        Location bl = loc(bad, b, b.line.get(bi));
        String subject = path(b, bi);
        String on = subject != null ? " on " + subject : "";
        boolean gFailed = g.failedAt(gi);
        boolean bFailed = b.failedAt(bi);
        if (g.okAt(gi) && bFailed) {
            add(Kind.FAILED_IN_BAD, pair, name + on + " succeeded in GOOD and failed in BAD with " + errno(b, bi)
                    + ": " + callText(b, bi), gl, bl, 0, b.routineAt(bi) || Noise.routinePath(subject), subject);
        } else if (gFailed && b.okAt(bi)) {
            add(Kind.FAILED_IN_GOOD, pair, name + on + " failed in GOOD with " + errno(g, gi) + " and succeeded in BAD",
                    gl, bl, 0, g.routineAt(gi) || Noise.routinePath(subject), subject);
        } else if (gFailed && bFailed && g.errno.get(gi) != b.errno.get(bi)) {
            add(Kind.ERRNO, pair, name + on + " failed with " + errno(g, gi) + " in GOOD and with " + errno(b, bi)
                    + " in BAD", gl, bl, 0, b.routineAt(bi) && g.routineAt(gi) || Noise.routinePath(subject), subject);
        } else if (name.equals("execve") || name.equals("execveat")) {
            return; // compared by program, argv and environment
        } else {
            String gt = callText(g, gi);
            String bt = callText(b, bi);
            boolean fileData = isRead(name) && subject != null && subject.startsWith("/");
            boolean resultOnly = gt.substring(0, Math.max(0, gt.lastIndexOf(" = "))).equals(
                    bt.substring(0, Math.max(0, bt.lastIndexOf(" = "))));
            boolean ending = name.equals("exit_group") || name.equals("exit") || name.startsWith("wait");
            Kind kind = ending ? Kind.EXIT : fileData ? Kind.DATA : resultOnly ? Kind.RESULT : Kind.ARGUMENTS;
            String why = fileData ? "BAD read other data from " + subject + ": " + bt + " (GOOD: " + gt + ")"
                    : name + on + " differs: " + bt + " in BAD, " + gt + " in GOOD";
            add(kind, pair, why, gl, bl, 0, Noise.routinePath(subject), subject);
        }
    }

    private static boolean isRead(String name) {
        return name.equals("read") || name.equals("pread64") || name.equals("readv") || name.equals("preadv")
                || name.equals("preadv2") || name.equals("readlink") || name.equals("readlinkat")
                || name.equals("getdents64") || name.equals("getdents");
    }

    /** A call in one run only, with nothing like it nearby in the other. */
    private void onlyIn(ProcessPairs.Pair pair, RunProcess p, int i, boolean inGood) {
        if (p.eventAt(i)) {
            return;
        }
        Run run = inGood ? good : bad;
        Location l = loc(run, p, p.line.get(i));
        String subject = path(p, i);
        boolean routine = p.routineAt(i) || Noise.routinePath(subject);
        String side = inGood ? "GOOD" : "BAD";
        if (p.failedAt(i)) {
            Kind kind = inGood ? Kind.FAILED_IN_GOOD : Kind.FAILED_ONLY_IN_BAD;
            add(kind, pair, "only " + side + " made this call, and it failed with " + errno(p, i) + ": "
                    + callText(p, i), inGood ? l : null, inGood ? null : l, 0, routine, subject);
        } else {
            add(Kind.CALL_ONLY_IN_ONE_RUN, pair, "only " + side + " made this call: " + callText(p, i),
                    inGood ? l : null, inGood ? null : l, 0, routine, subject);
        }
    }

    /** Files and folders one run uses and the other never names. */
    private void filesInOneRun() {
        Map<Integer, int[]> g = firstUses(good);
        Map<Integer, int[]> b = firstUses(bad);
        onlyFiles(g, b, good, true);
        onlyFiles(b, g, bad, false);
    }

    private void onlyFiles(Map<Integer, int[]> mine, Map<Integer, int[]> other, Run run, boolean inGood) {
        for (Map.Entry<Integer, int[]> e : mine.entrySet()) {
            if (other.containsKey(e.getKey())) {
                continue;
            }
            String path = interner.text(e.getKey());
            RunProcess p = run.processes.get(e.getValue()[0]);
            int i = e.getValue()[1];
            Location l = loc(run, p, p.line.get(i));
            int pair = (inGood ? goodPair : badPair).getOrDefault(p, -1);
            String what = (inGood ? "only GOOD uses " : "only BAD uses ") + path + ": " + callText(p, i);
            if (!path.startsWith("/")) {
                continue;
            }
            Integer at = byLocation.get(key(inGood ? l : null, inGood ? null : l));
            if (at != null && found.get(at).kind() == Kind.CALL_ONLY_IN_ONE_RUN) {
                Difference d = found.get(at);
                found.set(at, new Difference(Kind.FILE_ONLY_IN_ONE_RUN, what, d.good(), d.bad(),
                        d.routine() ? d.score() : Kind.FILE_ONLY_IN_ONE_RUN.base(), d.routine(), d.pair(), path));
            } else if (at != null) {
                Difference d = found.get(at);
                found.set(at, d.withScore(Math.max(d.score(), Kind.FILE_ONLY_IN_ONE_RUN.base()) + 10,
                        "the file is named in " + (inGood ? "GOOD" : "BAD") + " only"));
            } else {
                add(Kind.FILE_ONLY_IN_ONE_RUN, pair >= 0 ? pairs.get(pair) : null, what, inGood ? l : null,
                        inGood ? null : l, p.failedAt(i) ? 10 : 0, Noise.routinePath(path) || p.routineAt(i), path);
            }
        }
    }

    private static Map<Integer, int[]> firstUses(Run run) {
        Map<Integer, int[]> first = new HashMap<>();
        for (RunProcess p : run.processes) {
            for (int i = 0; i < p.calls(); i++) {
                int path = p.path.get(i);
                if (path >= 0) {
                    first.putIfAbsent(path, new int[] {p.id, i});
                }
            }
        }
        return first;
    }

    private void findFailures() {
        for (ProcessPairs.Pair pair : pairs) {
            RunProcess b = pair.bad();
            if (b == null || !b.failed) {
                continue;
            }
            RunProcess g = pair.good();
            if (g == null) {
                failures.add(b.who() + " " + b.ending + "; GOOD has no such process");
            } else if (!Objects.equals(g.ending, b.ending)) {
                failures.add(b.who() + " " + b.ending + "; in GOOD, " + g.who() + " " + ending(g));
            }
        }
    }

    /** BAD's likely causes (cause analysis) that differ from GOOD come first. */
    private void tieToCauses() {
        for (int k = 0; k < found.size(); k++) {
            Difference d = found.get(k);
            BadCauses.Named named = causes.at(d.bad());
            if (named != null && !d.routine() && d.kind() != Kind.EXIT) {
                found.set(k, d.withScore(d.score() + (named.rank() == 0 ? 120 : 100),
                        "the cause analysis of BAD names it " + (named.rank() == 0 ? "the most likely cause" : "a likely cause")
                                + " of “" + named.message() + "”"));
            }
        }
    }

    /** A changed environment variable whose value names the files that differ, or that a message names, leads. */
    private void tieEnvironment() {
        for (int k = 0; k < found.size(); k++) {
            Difference d = found.get(k);
            if (d.kind() != Kind.ENVIRONMENT || d.subject() == null) {
                continue;
            }
            int eq = d.subject().indexOf('=');
            String name = d.subject().substring(0, eq);
            String[] values = d.subject().substring(eq + 1).split("\u0000", -1);
            String tie = null;
            for (String m : causes.messages()) {
                if (m.contains(name)) {
                    tie = "BAD's message names " + name;
                }
            }
            for (Difference other : found) {
                if (tie != null) {
                    break;
                }
                if (other == d || other.kind() == Kind.ENVIRONMENT || other.subject() == null) {
                    continue;
                }
                boolean locale = (name.equals("LANG") || name.startsWith("LC_") || name.equals("LANGUAGE"))
                        && other.kind() == Kind.FILE_ONLY_IN_ONE_RUN && Noise.localePath(other.subject());
                if (locale || !other.routine() && other.ranked() && names(values, other.subject())) {
                    tie = "the files that differ between the runs depend on it (" + other.subject() + ")";
                }
            }
            if (tie != null) {
                found.set(k, d.withScore(d.score() + 250, tie));
            }
        }
    }

    /** One of the values (a path, or a PATH-like list) is where {@code path} lies. */
    private static boolean names(String[] values, String path) {
        for (String v : values) {
            for (String e : v.split(":")) {
                boolean cut = e.endsWith("…");
                String dir = cut ? e.substring(0, e.length() - 1) : e;
                if (dir.length() >= 2 && dir.startsWith("/") && (cut ? path.startsWith(dir) : path.startsWith(dir + "/"))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private void add(Kind kind, ProcessPairs.Pair pair, String why, Location g, Location b, int extra, boolean routine,
            String subject) {
        int score = kind.base() + extra;
        Difference d = new Difference(kind, why, g, b, routine ? Math.min(score, 5) : score, routine,
                pair == null ? -1 : pair.id(), subject);
        if (!d.ranked()) {
            if (noiseKept() >= NOISE_KEPT) {
                noiseDropped++;
                return;
            }
        }
        byLocation.putIfAbsent(key(g, b), found.size());
        found.add(d);
    }

    private int noiseKept;

    private int noiseKept() {
        return noiseKept++;
    }

    private static String key(Location g, Location b) {
        return (g == null ? "" : g.toString()) + "|" + (b == null ? "" : b.toString());
    }

    private static Location loc(Run run, RunProcess p, int line) {
        return new Location(run.files.get(p.file), line + 1);
    }

    private static int order(Run run, Location l) {
        return l == null ? Integer.MAX_VALUE : l.line();
    }

    private String name(RunProcess p, int i) {
        String t = interner.text(p.text.get(i));
        int paren = t.indexOf('(');
        return paren > 0 ? t.substring(0, paren) : t;
    }

    private String path(RunProcess p, int i) {
        return interner.text(p.path.get(i));
    }

    private String errno(RunProcess p, int i) {
        String e = interner.text(p.errno.get(i));
        return e == null ? "an error" : e;
    }

    private String callText(RunProcess p, int i) {
        String t = interner.text(p.text.get(i));
        return t.length() <= 120 ? t : t.substring(0, 119) + "…";
    }
}
