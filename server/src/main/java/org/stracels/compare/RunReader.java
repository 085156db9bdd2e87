package org.stracels.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.stracels.check.DiagnosticPolicy;
import org.stracels.parse.ArgKind;
import org.stracels.parse.ArgNode;
import org.stracels.parse.LineKind;
import org.stracels.parse.LineParser;
import org.stracels.parse.ParsedLine;
import org.stracels.parse.ReturnKind;

/**
 * Reads the files of a run line by line (never the whole text) and keeps each call normalised: joins
 * {@code <unfinished ...>} halves with their {@code <... resumed>} rest, follows processes (who created whom,
 * what each ran) and fds (what file each is, shared by threads, copied by fork).
 */
final class RunReader {
    private static final String RESUMED = " resumed>";

    private final Interner interner;
    private final Masks.Pids pids = new Masks.Pids();
    private final List<RunProcess> processes = new ArrayList<>();
    private final Map<Integer, RunProcess> byPid = new HashMap<>();
    /** process id → its unfinished call: the line and where it was. */
    private final Map<Integer, Pending> pending = new HashMap<>();
    private RunProcess anonymous;
    private int file;
    private long lines;

    private record Pending(String line, ParsedLine parsed, int lineNo) {
    }

    RunReader(Interner interner) {
        this.interner = interner;
    }

    static Run read(List<Path> paths, List<String> names, Interner interner) throws IOException {
        return new RunReader(interner).readAll(paths, names);
    }

    private Run readAll(List<Path> paths, List<String> names) throws IOException {
        boolean ff = paths.size() > 1;
        if (ff) {
            for (Path p : paths) {
                pids.add(RunFiles.pidOf(p));
            }
        }
        for (file = 0; file < paths.size(); file++) {
            int filePid = ff ? (int) RunFiles.pidOf(paths.get(file)) : -1;
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(paths.get(file)),
                    decoder), 1 << 16)) {
                String line;
                int lineNo = 0;
                while ((line = in.readLine()) != null) {
                    line(line, lineNo++, filePid);
                }
                lines += lineNo;
            }
            for (Map.Entry<Integer, Pending> e : pending.entrySet()) {
                Pending p = e.getValue();
                RunProcess proc = processes.get(e.getKey());
                String head = head(p);
                addCall(proc, head + ") = ?", p.lineNo);
            }
            pending.clear();
        }
        return new Run(names, processes, lines);
    }

    private void line(String s, int lineNo, int filePid) {
        ParsedLine pl = LineParser.parse(s, 0, s.length());
        LineKind kind = pl.kind();
        if (!kind.hasPrefix() || kind == LineKind.PERSONALITY) {
            return;
        }
        int pid = filePid >= 0 ? filePid : pl.pid();
        RunProcess proc = process(pid, lineNo);
        switch (kind) {
            case SYSCALL -> call(proc, s, pl, lineNo, pl.durationNanos());
            case UNFINISHED -> {
                Pending old = pending.put(proc.id, new Pending(s, pl, lineNo));
                if (old != null) {
                    addCall(proc, head(old) + ") = ?", old.lineNo);
                }
            }
            case RESUMED -> resumed(proc, s, pl, lineNo);
            case SIGNAL -> event(proc, "--- " + pl.name() + siCode(pl.argsSpan().text(s)) + " ---", lineNo);
            case EXITED, KILLED -> ended(proc, pl, kind, lineNo);
            default -> {
            }
        }
    }

    private RunProcess process(int pid, int lineNo) {
        RunProcess proc = pid >= 0 ? byPid.get(pid) : anonymous;
        if (proc != null && proc.ending != null && pid >= 0) {
            proc = null; // the pid was used again after its process ended
        }
        if (proc == null) {
            proc = newProcess(pid);
            if (pid < 0) {
                anonymous = proc;
            }
        }
        if (proc.firstLine < 0) {
            proc.firstLine = lineNo;
            proc.file = file;
        }
        return proc;
    }

    private RunProcess newProcess(int pid) {
        RunProcess p = new RunProcess(processes.size(), pid, file);
        processes.add(p);
        if (pid >= 0) {
            byPid.put(pid, p);
            pids.add(pid);
        }
        return p;
    }

    private void resumed(RunProcess proc, String s, ParsedLine pl, int lineNo) {
        Pending p = pending.get(proc.id);
        int tailStart = pl.nameSpan().end() + RESUMED.length();
        String tail = tailStart <= s.length() ? s.substring(tailStart) : "";
        String head;
        if (p != null && pl.name() != null && pl.name().equals(p.parsed.name())) {
            pending.remove(proc.id);
            head = head(p);
        } else {
            head = pl.name() + "(";
        }
        String joined = head + (head.endsWith(",") && !tail.startsWith(" ") ? " " : "") + tail;
        ParsedLine whole = LineParser.parse(joined, 0, joined.length());
        if (whole.kind() != LineKind.SYSCALL) {
            return;
        }
        call(proc, joined, whole, lineNo, pl.durationNanos());
    }

    /** The entry half up to its arguments' end: {@code read(3,}. */
    private static String head(Pending p) {
        int from = Math.max(0, p.parsed.eventStart());
        int to = p.parsed.argsSpan().isPresent() ? p.parsed.argsSpan().end() : p.parsed.nameSpan().end() + 1;
        return p.line.substring(from, Math.min(to, p.line.length()));
    }

    private void call(RunProcess proc, String s, ParsedLine pl, int lineNo, long nanos) {
        String name = pl.name();
        if (pl.returnKind() == ReturnKind.VALUE && name != null && (name.startsWith("clone") || name.endsWith("fork"))) {
            try {
                pids.add(Long.parseLong(pl.returnValueSpan().text(s))); // before its arguments name it (parent_tid=[N])
            } catch (NumberFormatException e) {
                // not a pid
            }
        }
        Normaliser.Normal n = Normaliser.call(s, pl, proc.fds, pids);
        int index = proc.calls();
        boolean routine = pl.returnKind() == ReturnKind.RESTART
                || n.failed() && DiagnosticPolicy.routineReason(n.name(), n.errno(), n.path()) != null;
        add(proc, n.text(), n.key(), n.path(), lineNo,
                (n.failed() ? RunProcess.FAILED : pl.returnKind() == ReturnKind.VALUE ? RunProcess.OK : 0)
                        | (routine ? RunProcess.ROUTINE : 0),
                n.errno(), nanos);
        if (pl.returnKind() == ReturnKind.VALUE) {
            effects(proc, n, index, s);
        }
    }

    /** A call that never returned in the trace: its entry half, closed as {@code = ?}. */
    private void addCall(RunProcess proc, String text, int lineNo) {
        ParsedLine whole = LineParser.parse(text, 0, text.length());
        if (whole.kind() == LineKind.SYSCALL) {
            Normaliser.Normal n = Normaliser.call(text, whole, proc.fds, pids);
            add(proc, n.text(), n.key(), n.path(), lineNo, 0, null, -1);
        }
    }

    private void add(RunProcess proc, String text, String key, String path, int lineNo, int flags, String errno,
            long nanos) {
        proc.text.add(interner.id(text));
        proc.key.add(interner.id(key));
        proc.path.add(path == null ? -1 : interner.id(path));
        proc.line.add(lineNo);
        proc.flags.add(flags);
        proc.errno.add(errno == null ? -1 : interner.id(errno));
        proc.micros.add(nanos < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, nanos / 1000));
    }

    private void event(RunProcess proc, String text, int lineNo) {
        add(proc, text, text, null, lineNo, RunProcess.EVENT, null, -1);
    }

    private void ended(RunProcess proc, ParsedLine pl, LineKind kind, int lineNo) {
        Pending p = pending.remove(proc.id);
        if (p != null) {
            addCall(proc, head(p) + ") = ?", p.lineNo);
        }
        if (kind == LineKind.EXITED) {
            proc.ending = "exited with " + pl.number();
            proc.failed = pl.number() != 0;
        } else {
            proc.ending = "killed by " + pl.name() + (pl.coreDumped() ? " (core dumped)" : "");
            proc.failed = true;
        }
        proc.endLine = lineNo;
        event(proc, "+++ " + proc.ending + " +++", lineNo);
    }

    /** What a successful call changes: a new process, a program, the fd table. */
    private void effects(RunProcess proc, Normaliser.Normal n, int index, String s) {
        String name = n.name();
        long value = n.value();
        switch (name) {
            case "clone", "clone2", "clone3", "fork", "vfork" -> created(proc, n, value, index);
            case "execve", "execveat" -> {
                if (value == 0) {
                    proc.execs.add(Normaliser.exec(index, n, pids));
                }
            }
            case "close" -> {
                OptionalLong fd = n.args().nodes().isEmpty() ? OptionalLong.empty() : n.args().nodes().get(0).numericValue();
                if (fd.isPresent()) {
                    proc.fds.remove((int) fd.getAsLong());
                }
            }
            case "pipe", "pipe2", "socketpair" -> {
                int arg = name.equals("socketpair") ? 3 : 0;
                if (n.args().nodes().size() > arg && n.args().nodes().get(arg).kind() == ArgKind.ARRAY) {
                    for (ArgNode fd : n.args().nodes().get(arg).children()) {
                        OptionalLong v = fd.numericValue();
                        if (v.isPresent()) {
                            proc.fds.put((int) v.getAsLong(), name.startsWith("pipe") ? "pipe" : "socket");
                        }
                    }
                }
            }
            default -> {
                if (n.resultFile() != null && value >= 0 && value < Integer.MAX_VALUE) {
                    proc.fds.put((int) value, n.resultFile());
                }
            }
        }
    }

    private void created(RunProcess parent, Normaliser.Normal n, long childPid, int index) {
        if (childPid <= 0 || childPid > Integer.MAX_VALUE) {
            return;
        }
        pids.add(childPid);
        RunProcess child = byPid.get((int) childPid);
        if (child == null || child.parent != null && child.ending != null || child == parent) {
            child = newProcess((int) childPid);
        }
        if (child.parent != null) {
            return;
        }
        String args = n.text();
        child.parent = parent;
        child.thread = args.contains("CLONE_THREAD");
        child.createdAtLine = parent.line.get(index);
        parent.children.add(child);
        boolean shared = child.thread || args.contains("CLONE_FILES");
        Map<Integer, String> own = child.fds;
        if (shared) {
            own.forEach(parent.fds::putIfAbsent);
            child.fds = parent.fds;
        } else {
            child.fds = new HashMap<>(parent.fds);
            child.fds.putAll(own);
        }
    }

    private static String siCode(String siginfo) {
        int at = siginfo.indexOf("si_code=");
        if (at < 0) {
            return "";
        }
        int end = at + 8;
        while (end < siginfo.length() && siginfo.charAt(end) != ',' && siginfo.charAt(end) != '}') {
            end++;
        }
        return " {" + siginfo.substring(at, end) + "}";
    }
}
