package org.stracels.cause;

/**
 * Says why a failed call is routine — the noise every healthy program makes (the dynamic loader probing for
 * libraries, "try again" on non-blocking fds, …) — or null when it is not. The check package's
 * {@code DiagnosticPolicy::routineReason} is the one policy; it is handed in so that this package does not
 * depend on check, which builds its findings from this one.
 */
@FunctionalInterface
public interface RoutineFailures {
    /** Nothing is routine. */
    RoutineFailures NONE = (syscall, errno, path) -> null;

    /** Why {@code syscall} failing with {@code errno} on {@code path} (may be null) is routine, or null. */
    String reason(String syscall, String errno, String path);
}
