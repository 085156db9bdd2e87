package org.stracels.parse;

/** How a syscall line ends. */
public enum ReturnKind {
    /** No result on this line (an unfinished half, a detached or cut line, a non-syscall line). */
    ABSENT,
    /** {@code = 3}, {@code = 0x7f…}, {@code = 022}, {@code = 3</etc/passwd>}. */
    VALUE,
    /** {@code = -1 ENOENT (No such file or directory)} or {@code = -1 (errno 1234)}. */
    ERROR,
    /** {@code = ? ERESTARTSYS (To be restarted if SA_RESTART is set)}: interrupted, the kernel restarts or fails it. */
    RESTART,
    /** {@code = ?}: the call never returned (exit, exit_group, process killed or replaced). */
    NEVER,
    /** {@code = ? <unavailable>}: strace could not read the result. */
    UNAVAILABLE
}
