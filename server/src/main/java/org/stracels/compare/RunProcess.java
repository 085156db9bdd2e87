package org.stracels.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stracels.analysis.IntList;

/**
 * One process (or thread) of a run and its calls, normalised. Calls are kept as parallel int lists of interned
 * ids, a few dozen bytes per call whatever the length of the line.
 */
final class RunProcess {
    /** A successful execve: program, argv, and the environment when strace printed it (else its size). */
    record Exec(int call, String path, List<String> argv, List<String> env, int envCount) {
        /** The program's file name and its arguments after argv[0], cut to 60 chars. */
        String label() {
            StringBuilder b = new StringBuilder(basename(path));
            for (int i = 1; i < argv.size() && b.length() < 60; i++) {
                b.append(' ').append(argv.get(i));
            }
            return b.length() > 60 ? b.substring(0, 59) + "…" : b.toString();
        }
    }

    static final int FAILED = 1;
    static final int ROUTINE = 2;
    static final int OK = 4;
    /** An event that is not a call: a signal, an exit. */
    static final int EVENT = 8;

    final int id;
    final int pid;
    int file;
    RunProcess parent;
    boolean thread;
    int firstLine = -1;
    int createdAtLine = -1;
    final List<RunProcess> children = new ArrayList<>(0);
    final List<Exec> execs = new ArrayList<>(1);
    /** How it ended: "exited with 1", "killed by SIGSEGV", or null while running. */
    String ending;
    int endLine = -1;
    boolean failed;
    /** fd → the file it is, shared with the threads and CLONE_FILES children. */
    Map<Integer, String> fds = new HashMap<>();

    final IntList text = new IntList(16);
    final IntList key = new IntList(16);
    final IntList path = new IntList(16);
    final IntList line = new IntList(16);
    final IntList flags = new IntList(16);
    final IntList errno = new IntList(16);
    /** -T duration in microseconds, -1 when the trace has none. */
    final IntList micros = new IntList(16);

    RunProcess(int id, int pid, int file) {
        this.id = id;
        this.pid = pid;
        this.file = file;
    }

    int calls() {
        return text.size();
    }

    boolean failedAt(int call) {
        return (flags.get(call) & FAILED) != 0;
    }

    boolean routineAt(int call) {
        return (flags.get(call) & ROUTINE) != 0;
    }

    boolean okAt(int call) {
        return (flags.get(call) & OK) != 0;
    }

    boolean eventAt(int call) {
        return (flags.get(call) & EVENT) != 0;
    }

    Exec execAt(int call) {
        for (Exec e : execs) {
            if (e.call() == call) {
                return e;
            }
        }
        return null;
    }

    /** What it ran last: {@code cat /etc/hostname}; a thread or a fork that ran nothing: its parent's, marked. */
    String label() {
        if (!execs.isEmpty()) {
            return execs.get(execs.size() - 1).label();
        }
        String inherited = parent == null ? "?" : parent.label();
        return thread ? "thread of " + inherited : "fork of " + inherited;
    }

    /** The program (path of the last execve), or the parent's. */
    String program() {
        if (!execs.isEmpty()) {
            return execs.get(execs.size() - 1).path();
        }
        return parent == null ? "" : parent.program();
    }

    /** The place in the process tree: {@code sh -c … → cat /etc/hostname}. */
    String place() {
        String own = execs.isEmpty() ? (thread ? "thread" : "fork") : label();
        return parent == null ? own : parent.place() + " → " + own;
    }

    /** {@code pid 1234 (cat)} or {@code the process (cat)}. */
    String who() {
        String program = program().isEmpty() ? "" : " (" + basename(program()) + ")";
        return (pid >= 0 ? "pid " + pid : "the process") + program;
    }

    static String basename(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 && slash < path.length() - 1 ? path.substring(slash + 1) : path;
    }
}
