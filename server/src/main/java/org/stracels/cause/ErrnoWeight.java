package org.stracels.cause;

import java.util.Set;

/**
 * How much an errno by itself says about a failure being the cause. Programs expect and step over some
 * failures (a file that is not there, a call to try again, a terminal that is not one); others seldom happen
 * unless something is really wrong.
 */
final class ErrnoWeight {
    /** Errors of the kernel's own (include/linux/errno.h, 512 and up) that should never reach a program. */
    private static final Set<String> KERNEL_INTERNAL = Set.of("EBADHANDLE", "ENOTSYNC", "EBADCOOKIE", "ENOTSUPP",
            "ETOOSMALL", "ESERVERFAULT", "EBADTYPE", "EJUKEBOX", "EIOCBQUEUED", "ERECALLCONFLICT", "ENOGRACE");
    private static final Set<String> RARE = Set.of("EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EIO",
            "EOPNOTSUPP", "ENOTSUP", "ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN",
            "ENETDOWN", "ECONNRESET", "ECONNABORTED", "EPIPE", "EISDIR", "ELOOP", "EXDEV", "EMLINK", "ENAMETOOLONG",
            "EMFILE", "ENFILE", "ENOMEM", "ESTALE", "EBUSY", "ETXTBSY", "EADDRINUSE", "EADDRNOTAVAIL", "ENOEXEC",
            "EFBIG", "EOVERFLOW", "EBADF", "EFAULT", "ENOTCONN", "ENOLCK", "EDEADLK", "EREMOTEIO", "ENOMEDIUM",
            "EKEYEXPIRED", "EKEYREJECTED", "EKEYREVOKED", "EUCLEAN", "ENOTRECOVERABLE", "EOWNERDEAD", "ENOKEY");
    /** Failures programs expect: a lookup, a retry, a probe. They neither raise nor lower a failure. */
    private static final Set<String> EXPECTED = Set.of("ENOENT", "ENOTDIR", "EAGAIN", "EWOULDBLOCK", "EINTR",
            "ENOTTY", "ECHILD", "EINPROGRESS", "EALREADY", "ENODATA", "ERANGE", "ESRCH", "ENXIO", "EEXIST", "EINVAL",
            "ENOTSOCK", "ENOTEMPTY", "ESPIPE", "ENOPROTOOPT", "EAFNOSUPPORT", "EPROTONOSUPPORT");
    private static final Set<String> LINKS = Set.of("link", "linkat", "symlink", "symlinkat");

    private ErrnoWeight() {
    }

    /** The reason the errno gives, or null when it says nothing. */
    static Cause.Reason of(FailedCall call) {
        String errno = call.errno();
        String named = errno + (call.errnoText() != null ? " (" + call.errnoText() + ")" : "");
        if (KERNEL_INTERNAL.contains(errno)) {
            return new Cause.Reason(5, errno + " is an error of the kernel's own that should never reach a program:"
                    + " the file system (often NFS) could not do what was asked");
        }
        if ("EEXIST".equals(errno) && LINKS.contains(call.name())) {
            return new Cause.Reason(3, "the name the link should make already exists: a lock held by another"
                    + " process, or one left behind");
        }
        if ("EEXIST".equals(errno) && call.name().startsWith("open") && call.args().contains("O_EXCL")) {
            return new Cause.Reason(3, "the file it would create (O_CREAT|O_EXCL) already exists: a lock file held by"
                    + " another process, or left behind by one that crashed");
        }
        if (isLock(call)) {
            return new Cause.Reason(4, "a lock held by another process: " + call.name() + " without waiting ("
                    + ("flock".equals(call.name()) ? "LOCK_NB" : "F_SETLK") + ") answers " + errno + " when someone else"
                    + " has the lock; not the routine “try again” of non-blocking I/O");
        }
        if ("ENOSYS".equals(errno)) {
            return new Cause.Reason(-3, "ENOSYS: the kernel lacks this call; programs ask for it and fall back");
        }
        if (RARE.contains(errno)) {
            return new Cause.Reason(4, named + " seldom happens unless something is really wrong");
        }
        if (EXPECTED.contains(errno)) {
            return null;
        }
        return new Cause.Reason(1, named + " is not among the failures programs expect and step over");
    }

    /** A lock taken without waiting that somebody else holds: flock(LOCK_NB), fcntl(F_SETLK) = EAGAIN/EACCES. */
    static boolean isLock(FailedCall call) {
        String errno = call.errno();
        if (!"EAGAIN".equals(errno) && !"EWOULDBLOCK".equals(errno) && !"EACCES".equals(errno)) {
            return false;
        }
        return "flock".equals(call.name()) || call.name().startsWith("fcntl")
                && (call.args().contains("F_SETLK,") || call.args().contains("F_OFD_SETLK,")
                || call.args().contains("F_SETLK64,"));
    }

    /** A failed lookup: the name is not there (or a part of its path is no directory). */
    static boolean isLookup(String errno) {
        return "ENOENT".equals(errno) || "ENOTDIR".equals(errno);
    }
}
