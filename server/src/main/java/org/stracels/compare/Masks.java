package org.stracels.compare;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changes on every run and means nothing: addresses, pids, inode numbers, times, temporary names. Each
 * is replaced by a fixed token, so that two runs doing the same thing print the same normalised text.
 */
final class Masks {
    static final String ADDRESS = "0x…";
    static final String PID = "<pid>";
    static final String ANY = "…";

    /** mktemp(1): tmp.XXXXXXXXXX; mkstemp(3) and friends: 6 random letters and digits at the end of a name. */
    private static final Pattern MKTEMP = Pattern.compile("(tmp\\.)[A-Za-z0-9]{10}\\b");
    private static final Pattern TEMP_SUFFIX = Pattern.compile("([A-Za-z_.-])([A-Za-z0-9]{6})(?=$|[./])");
    /** Python's tempfile: tmp + 8 chars of [a-z0-9_]. */
    private static final Pattern PY_TEMP = Pattern.compile("\\btmp([a-z0-9_]{8})(?=$|[./])");
    private static final Pattern PROC_PID = Pattern.compile("^/proc/[0-9]+(?=/|$)");
    /** Numbers inside these fields change on every run. */
    private static final Set<String> VOLATILE_FIELDS = Set.of("si_pid", "si_utime", "si_stime", "si_uid",
            "tv_sec", "tv_nsec", "tv_usec", "st_ino", "st_dev", "st_rdev", "st_atime", "st_atime_nsec", "st_mtime",
            "st_mtime_nsec", "st_ctime", "st_ctime_nsec", "st_blocks", "stx_ino", "stx_atime", "stx_btime",
            "stx_ctime", "stx_mtime", "stx_dev_minor", "stx_dev_major", "uptime", "freeram", "bufferram",
            "freeswap", "procs", "loads", "tms_utime", "tms_stime", "tms_cutime", "tms_cstime", "ru_utime",
            "ru_stime", "ru_maxrss", "ru_minflt", "ru_majflt", "ru_nvcsw", "ru_nivcsw", "f_bfree", "f_bavail",
            "f_ffree", "f_files", "f_fsid", "inode", "ino", "sin6_flowinfo", "nl_pid", "pid", "tid", "ppid",
            "uid", "si_overrun", "si_timerid", "it_value", "it_interval");

    private Masks() {
    }

    static boolean volatileField(String name) {
        return VOLATILE_FIELDS.contains(name) || name.endsWith("time") || name.endsWith("time_nsec");
    }

    /** A path or name with its temporary and pid-derived parts masked. */
    static String path(String path, Pids pids) {
        if (path == null || path.isEmpty()) {
            return path;
        }
        String p = path;
        if (p.startsWith("/proc/")) {
            Matcher m = PROC_PID.matcher(p);
            if (m.find()) {
                p = "/proc/" + PID + p.substring(m.end());
            }
        }
        if (isTemporary(p)) {
            p = MKTEMP.matcher(p).replaceAll("$1XXXXXXXXXX");
            p = PY_TEMP.matcher(p).replaceAll("tmpXXXXXXXX");
            p = replaceRandomSuffixes(p);
        }
        return pids.maskIn(p);
    }

    static boolean isTemporary(String p) {
        return p.startsWith("/tmp/") || p.startsWith("/var/tmp/") || p.startsWith("/dev/shm/")
                || p.startsWith("/run/user/") || p.contains("/tmp.") || p.startsWith("tmp");
    }

    /** Six letters and digits that look random (two of lower, upper and digit), as mkstemp makes. */
    private static String replaceRandomSuffixes(String p) {
        Matcher m = TEMP_SUFFIX.matcher(p);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String six = m.group(2);
            if (looksRandom(six)) {
                b.append(p, last, m.start(2)).append("XXXXXX");
                last = m.end(2);
            }
        }
        return last == 0 ? p : b.append(p, last, p.length()).toString();
    }

    private static boolean looksRandom(String s) {
        boolean lower = false, upper = false, digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) >= 2 && !s.equals("XXXXXX");
    }

    /** The pids seen in one run: numbers equal to one of them in names and results are masked. */
    static final class Pids {
        private final java.util.BitSet set = new java.util.BitSet();

        void add(long pid) {
            if (pid > 1 && pid < Integer.MAX_VALUE) {
                set.set((int) pid);
            }
        }

        boolean contains(long n) {
            return n >= 100 && n < Integer.MAX_VALUE && set.get((int) n);
        }

        String maskIn(String s) {
            if (set.isEmpty()) {
                return s;
            }
            StringBuilder b = null;
            int last = 0;
            int n = s.length();
            for (int i = 0; i < n; i++) {
                if (!isDigit(s.charAt(i)) || i > 0 && isDigit(s.charAt(i - 1))) {
                    continue;
                }
                int j = i;
                long v = 0;
                while (j < n && isDigit(s.charAt(j)) && j - i < 10) {
                    v = v * 10 + (s.charAt(j) - '0');
                    j++;
                }
                if (j < n && isDigit(s.charAt(j))) {
                    continue;
                }
                if (j - i >= 3 && contains(v)) {
                    if (b == null) {
                        b = new StringBuilder(n + 8);
                    }
                    b.append(s, last, i).append(PID);
                    last = j;
                }
                i = j;
            }
            return b == null ? s : b.append(s, last, n).toString();
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
