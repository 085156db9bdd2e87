package org.stracels.compare;

/**
 * One way the failing run (BAD) differs from the working one (GOOD): what kind of difference, why it may
 * matter, where it is in each run (null on the side that lacks it), and its score (higher: more likely to
 * explain the failure). Routine differences (loader probing, locale lookups, scheduling) score low and are
 * hidden unless asked for. {@code pair} is the process pair it belongs to ({@link Comparison#pairs()}), {@code subject}
 * the file or variable it is about (or null).
 */
public record Difference(Kind kind, String why, Location good, Location bad, int score, boolean routine, int pair,
        String subject) {
    /** Differences scoring below this are noise: shown with --all only. */
    public static final int RANKED = 20;

    /** A line of a run: the file as named and the 1-based line. */
    public record Location(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /** What differs, with its stable id (JSON, LSP) and its base score. */
    public enum Kind {
        FAILED_IN_BAD("failed-in-bad", 100),
        ENVIRONMENT("environment", 45),
        PROGRAM("program", 90),
        ARGV("argv", 90),
        ERRNO("errno", 80),
        FAILED_ONLY_IN_BAD("failed-only-in-bad", 70),
        FILE_ONLY_IN_ONE_RUN("file-only-in-one-run", 60),
        DATA("data", 55),
        PROCESS_ONLY_IN_ONE_RUN("process-only-in-one-run", 40),
        FAILED_IN_GOOD("failed-in-good", 35),
        SLOWER("slower", 30),
        ARGUMENTS("arguments", 20),
        EXIT("exit", 15),
        RESULT("result", 10),
        CALL_ONLY_IN_ONE_RUN("call-only-in-one-run", 5);

        private final String id;
        private final int base;

        Kind(String id, int base) {
            this.id = id;
            this.base = base;
        }

        public String id() {
            return id;
        }

        int base() {
            return base;
        }
    }

    /** Above the noise: counts as a reason. */
    public boolean ranked() {
        return !routine && score >= RANKED;
    }

    Difference withScore(int newScore, String moreWhy) {
        return new Difference(kind, moreWhy == null ? why : why + "; " + moreWhy, good, bad, newScore, routine, pair,
                subject);
    }
}
