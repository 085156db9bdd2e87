package org.stracels.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One process (or thread) seen in a trace: from its first line to the line that ended it. */
public final class ProcessInfo {
    /** How a process left the trace. */
    public enum Ending { RUNNING, EXITED, KILLED, SUPERSEDED, DETACHED }

    /** A program the process started with a successful execve/execveat. */
    public record Exec(int line, String path) { }

    private final int id;
    private final int pid;
    int parentId = -1;
    int parentPid = -1;
    int createdAtLine = -1;
    boolean thread;
    int firstLine = -1;
    int lastLine = -1;
    int endLine = -1;
    Ending ending = Ending.RUNNING;
    int exitStatus = -1;
    int continuedAsPid = -1;
    String signal;
    boolean coreDumped;
    int lineCount;
    final List<Exec> execs = new ArrayList<>(1);

    ProcessInfo(int id, int pid) {
        this.id = id;
        this.pid = pid;
    }

    /** A copy with every line number mapped by {@code map} (a window's local lines to the file's, or back). */
    ProcessInfo copy(java.util.function.IntUnaryOperator map) {
        ProcessInfo c = new ProcessInfo(id, pid);
        c.parentId = parentId;
        c.parentPid = parentPid;
        c.createdAtLine = map.applyAsInt(createdAtLine);
        c.thread = thread;
        c.firstLine = map.applyAsInt(firstLine);
        c.lastLine = map.applyAsInt(lastLine);
        c.endLine = map.applyAsInt(endLine);
        c.ending = ending;
        c.exitStatus = exitStatus;
        c.continuedAsPid = continuedAsPid;
        c.signal = signal;
        c.coreDumped = coreDumped;
        c.lineCount = lineCount;
        for (Exec e : execs) {
            c.execs.add(new Exec(map.applyAsInt(e.line()), e.path()));
        }
        return c;
    }

    /** Index of this process in {@link TraceModel#processes()}. */
    public int id() { return id; }
    /** The pid, or -1 when the trace does not show it (single-process and -ff traces). */
    public int pid() { return pid; }
    /** {@link #id()} of the parent, or -1 when the trace does not show who created it. */
    public int parentId() { return parentId; }
    public int parentPid() { return parentPid; }
    /** The parent's clone/fork/vfork/clone3 line that returned this pid, or -1. */
    public int createdAtLine() { return createdAtLine; }
    /** Created with CLONE_THREAD: a thread sharing its creator's process. */
    public boolean isThread() { return thread; }
    public int firstLine() { return firstLine; }
    public int lastLine() { return lastLine; }
    /** The exited / killed / superseded line, or -1. */
    public int endLine() { return endLine; }
    public Ending ending() { return ending; }
    /** Exit status for {@link Ending#EXITED}, else -1. */
    public int exitStatus() { return exitStatus; }
    /** The signal that killed it, or null. */
    public String signal() { return signal; }
    public boolean coreDumped() { return coreDumped; }
    /** Number of lines carrying this process's pid. */
    public int lineCount() { return lineCount; }
    public List<Exec> execs() { return Collections.unmodifiableList(execs); }

    /** A short description of how it ended: "exited with 1", "killed by SIGSEGV (core dumped)". */
    public String endingText() {
        return switch (ending) {
            case EXITED -> "exited with " + exitStatus;
            case KILLED -> "killed by " + signal + (coreDumped ? " (core dumped)" : "");
            case SUPERSEDED -> "called execve, which made it the thread group leader"
                    + (continuedAsPid > 0 ? ": it continues as pid " + continuedAsPid : "");
            case DETACHED -> "detached";
            case RUNNING -> lineCount == 0 ? "not traced (no lines of its own in this trace)"
                    : "still running when the trace ends";
        };
    }
}
