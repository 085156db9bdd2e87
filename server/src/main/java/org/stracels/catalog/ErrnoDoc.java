package org.stracels.catalog;

import java.util.Map;

/**
 * An errno: strace's message for it, what it means, and what it usually means for the calls where it is
 * common.
 *
 * @param aliasOf the name strace prints instead (EWOULDBLOCK → EAGAIN), or null
 */
public record ErrnoDoc(String name, int number, String message, String meaning, Map<String, String> causes,
        String aliasOf) {

    /** What this errno usually means when {@code syscall} returns it, or null. */
    public String causeFor(String syscall) {
        if (causes == null || syscall == null) {
            return null;
        }
        String cause = causes.get(syscall);
        if (cause == null && syscall.startsWith("new")) {
            cause = causes.get(syscall.substring(3));
        }
        if (cause == null && syscall.endsWith("at")) {
            cause = causes.get(syscall.substring(0, syscall.length() - 2));
        }
        return cause;
    }
}
