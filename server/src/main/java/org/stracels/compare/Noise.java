package org.stracels.compare;

/**
 * Files every program touches whatever went wrong: the dynamic loader's libraries and probes, locale data and
 * message catalogues, what the C library reads about the machine. A difference about them is routine.
 */
final class Noise {
    private Noise() {
    }

    static boolean routinePath(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        return path.startsWith("/etc/ld.so.") || path.contains("/glibc-hwcaps/") || path.contains("/tls/")
                || path.endsWith(".so") || path.contains(".so.") || path.startsWith("/usr/lib/locale/")
                || path.startsWith("/usr/share/locale") || path.contains("/gconv/") || path.startsWith("/usr/share/i18n/")
                || path.startsWith("/proc/self/") || path.startsWith("/proc/" + Masks.PID)
                || path.startsWith("/sys/devices/system/cpu") || path.startsWith("/sys/fs/selinux")
                || path.startsWith("/etc/selinux") || path.equals("/proc/filesystems") || path.equals("/etc/localtime")
                || path.equals("/dev/urandom") || path.equals("/dev/tty") || path.startsWith("/usr/lib/locale")
                || path.endsWith("/nscd/socket");
    }

    /** Locale data: what LANG and LC_* choose. */
    static boolean localePath(String path) {
        return path != null && (path.startsWith("/usr/lib/locale/") || path.startsWith("/usr/share/locale")
                || path.contains("/gconv/") || path.startsWith("/usr/share/i18n/"));
    }
}
