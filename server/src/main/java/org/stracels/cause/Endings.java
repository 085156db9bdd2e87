package org.stracels.cause;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stracels.analysis.ProcessInfo;
import org.stracels.analysis.Trace;
import org.stracels.analysis.TraceModel;
import org.stracels.parse.LineKind;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ParsedTrace;
import org.stracels.parse.ReturnKind;
import org.stracels.parse.Timestamps;

/**
 * How a process killed by a signal came to be killed, read from a bounded window of lines before its end: a
 * signal it asked for ({@code abort()}: {@code tgkill} of itself with SIGABRT; {@code kill(0, …)} of its own
 * process group; its own {@code alarm} with no handler), a fault of its own (SIGSEGV, SIGBUS, SIGFPE, SIGILL
 * from the kernel), a write to a pipe whose reader had finished (SIGPIPE after EPIPE: normal), or a signal
 * another process sent (which pid, and the call it was blocked in when it came).
 */
final class Endings {
    enum Kind { SELF, ALARM, FAULT, PIPE, OTHER }

    /**
     * @param kind        what happened
     * @param signal      the signal that killed it
     * @param signalLine  the {@code --- SIG… ---} line of its delivery, or -1 (SIGKILL shows none)
     * @param actionLine  the call that asked for it (tgkill, kill, alarm) or the failed write (EPIPE), or -1
     * @param sender      the pid that sent it (OTHER), or -1
     * @param senderName  that process's program, or null
     * @param blockedLine the entry line of the call it was blocked in when the signal came (OTHER), or -1
     * @param blockedFor  how long it had been blocked, in seconds, or NaN without times
     * @param cutLine     where what it did ends: the signal's delivery, or the kill, or its end
     */
    record Ending(Kind kind, String signal, int signalLine, int actionLine, int sender, String senderName,
            int blockedLine, double blockedFor, int cutLine) { }

    /** How far back from a process's end its signal, the call that sent it and its last call are looked for. */
    private static final int BACK = 400;
    private static final Pattern SI_CODE = Pattern.compile("si_code=([A-Z_]+)");
    private static final Pattern SI_PID = Pattern.compile("si_pid=(\\d+)");
    private static final Pattern KILL = Pattern.compile("^(?:kill|tkill|tgkill)\\((-?\\d+)(?:, (-?\\d+))?, (SIG[A-Z0-9]+)\\)");

    private Endings() {
    }

    /** How process {@code processId} (one that was killed) came to be killed; null when it was not killed. */
    static Ending of(Trace trace, int processId) {
        TraceModel model = trace.model();
        ProcessInfo p = model.process(processId);
        if (p.ending() != ProcessInfo.Ending.KILLED || p.endLine() < 0 || p.signal() == null) {
            return null;
        }
        ParsedTrace parsed = trace.parsed();
        String text = parsed.text();
        String signal = p.signal();
        int end = p.endLine();
        int floor = Math.max(0, end - BACK);
        int signalLine = -1;
        String code = null;
        int siPid = -1;
        for (int i = end - 1; i >= floor; i--) {
            if (model.processOf(i) == processId && parsed.kind(i) == LineKind.SIGNAL
                    && lineText(parsed, i).contains("--- " + signal + " ")) {
                signalLine = i;
                String line = lineText(parsed, i);
                Matcher m = SI_CODE.matcher(line);
                code = m.find() ? m.group(1) : null;
                Matcher pm = SI_PID.matcher(line);
                long named = pm.find() ? parseTarget(pm.group(1)) : -1;
                siPid = named > Integer.MAX_VALUE ? -1 : (int) named;
                break;
            }
        }
        int cut = signalLine >= 0 ? signalLine : end;
        boolean fault = Set4.FAULTS.contains(signal) && code != null && !code.startsWith("SI_");
        if (fault) {
            return new Ending(Kind.FAULT, signal, signalLine, signalLine, -1, null, -1, Double.NaN, cut);
        }
        // the call that sent it: tgkill/tkill/kill by this process (of itself, or of its group), or by another
        int actionLine = -1;
        int sender = siPid;
        for (int i = cut - 1; i >= floor; i--) {
            String name = parsed.name(i);
            if (name == null || !(name.equals("kill") || name.equals("tkill") || name.equals("tgkill"))
                    || !TraceScan.isEntry(parsed.kind(i))) {
                continue;
            }
            ParsedLine line = parsed.line(i);
            if (!line.nameSpan().isPresent()) {
                continue;
            }
            Matcher m = KILL.matcher(text.substring(line.nameSpan().start(), line.lineEnd()));
            if (!m.find() || !m.group(3).equals(signal)) {
                continue;
            }
            long target = parseTarget(m.group(1));
            int caller = model.processOf(i) >= 0 ? model.process(model.processOf(i)).pid() : -1;
            boolean own = model.processOf(i) == processId;
            // without -f the process has no pid of its own in the trace: its own kill of the pid si_pid names
            boolean ofItself = target == p.pid() || target == 0 || target == -1
                    || p.pid() < 0 && (siPid < 0 || target == siPid);
            if (own && ofItself || !own && p.pid() >= 0 && target == p.pid()
                    || !own && siPid >= 0 && caller == siPid && target <= 0) {
                actionLine = i;
                sender = own ? p.pid() : caller;
                break;
            }
        }
        if ("SIGPIPE".equals(signal) && actionLine < 0) {
            int epipe = lastFailure(trace, processId, cut, floor, "EPIPE");
            if (epipe >= 0) {
                return new Ending(Kind.PIPE, signal, signalLine, epipe, p.pid(), null, -1, Double.NaN, cut);
            }
        }
        if ("SIGALRM".equals(signal) && (sender < 0 || "SI_KERNEL".equals(code))) {
            int alarm = lastCall(trace, processId, cut, Math.max(0, end - BACK * 10), "alarm", "setitimer", "timer_settime");
            if (alarm >= 0) {
                return new Ending(Kind.ALARM, signal, signalLine, alarm, p.pid(), null, -1, Double.NaN, cut);
            }
        }
        if (p.pid() >= 0 && sender == p.pid() || actionLine >= 0 && model.processOf(actionLine) == processId) {
            return new Ending(Kind.SELF, signal, signalLine, actionLine, p.pid(), null, -1, Double.NaN, cut);
        }
        // sent by another: what it was doing when the signal came
        String senderName = null;
        if (sender > 0 && p.parentId() >= 0 && model.process(p.parentId()).pid() == sender) {
            senderName = program(model.process(p.parentId()));
        } else if (actionLine >= 0 && model.processOf(actionLine) >= 0) {
            senderName = program(model.process(model.processOf(actionLine)));
        }
        int blocked = -1;
        for (int i = cut - 1; i >= floor; i--) {
            if (model.processOf(i) != processId) {
                continue;
            }
            LineKind kind = parsed.kind(i);
            if (kind == LineKind.SIGNAL) {
                continue;
            }
            ReturnKind r = parsed.returnKind(i);
            boolean interrupted = r == ReturnKind.RESTART || kind == LineKind.UNFINISHED
                    || (kind == LineKind.SYSCALL || kind == LineKind.RESUMED) && r == ReturnKind.NEVER;
            if (interrupted) {
                int partner = model.partner(i);
                blocked = kind == LineKind.RESUMED && partner >= 0 ? partner : i;
            }
            break;
        }
        double blockedFor = Double.NaN;
        if (blocked >= 0) {
            double from = seconds(trace, blocked);
            double to = seconds(trace, cut);
            blockedFor = to - from;
        }
        return new Ending(Kind.OTHER, signal, signalLine, actionLine, sender, senderName, blocked, blockedFor, cut);
    }

    private static int lastFailure(Trace trace, int processId, int from, int floor, String errno) {
        ParsedTrace parsed = trace.parsed();
        for (int i = from - 1; i >= floor; i--) {
            if (trace.model().processOf(i) == processId && parsed.returnKind(i) == ReturnKind.ERROR) {
                return errno.equals(parsed.errno(i)) ? i : -1;
            }
        }
        return -1;
    }

    private static int lastCall(Trace trace, int processId, int from, int floor, String... names) {
        ParsedTrace parsed = trace.parsed();
        for (int i = from - 1; i >= floor; i--) {
            String name = parsed.name(i);
            if (name != null && trace.model().processOf(i) == processId && TraceScan.isEntry(parsed.kind(i))) {
                for (String n : names) {
                    if (n.equals(name)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    static String program(ProcessInfo p) {
        if (p.execs().isEmpty()) {
            return null;
        }
        String path = p.execs().get(p.execs().size() - 1).path();
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }

    static String lineText(ParsedTrace parsed, int i) {
        return parsed.text().substring(parsed.lineStart(i), parsed.lineEnd(i));
    }

    /** The -t/-tt/-ttt time of line {@code i} in seconds, NaN without one. */
    static double seconds(Trace trace, int i) {
        return Timestamps.of(trace.parsed().line(i), trace.text());
    }

    /** The pid a kill names; a number no pid can be (a mangled line) names nobody: Long.MAX_VALUE. */
    private static long parseTarget(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** {@code 2.2 s}, {@code 300 ms}; empty for NaN or a negative span. */
    static String duration(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return "";
        }
        if (seconds < 1) {
            return Math.round(seconds * 1000) + " ms";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
    }

    private static final class Set4 {
        static final java.util.Set<String> FAULTS = java.util.Set.of("SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGTRAP", "SIGSYS");
    }
}
