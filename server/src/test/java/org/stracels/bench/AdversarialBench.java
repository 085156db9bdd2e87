package org.stracels.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.stracels.EveryFeature;
import org.stracels.analysis.Trace;

/**
 * Adversarial inputs at 10,000, 100,000 and 1,000,000 lines: for each, parse + model and every feature
 * ({@link EveryFeature}), printed as nanoseconds per line at each size and the ratio of the per-line times
 * between sizes (about 1 when the feature is linear; a quadratic one multiplies by 10 per step), then
 * hover/definition/references/highlight at 200 offsets, per request. Not a test: run it by hand.
 *
 * <pre>
 * mvn -q -B -o test-compile
 * java -Xmx6g -cp server/target/strace-ls.jar:server/target/test-classes [-Dbench.only=dup2] org.stracels.bench.AdversarialBench [sizes…]
 * </pre>
 */
public final class AdversarialBench {
    private AdversarialBench() {
    }

    /** The inputs, each a function from a number of lines to a text of about that many lines. */
    public static final Map<String, IntFunction<String>> INPUTS = new LinkedHashMap<>();

    static {
        INPUTS.put("one fd used a million times", n -> {
            StringBuilder b = new StringBuilder("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3\n");
            for (int i = 1; i < n; i++) {
                b.append("read(3, \"root:x:0:0:root:/root:/bin/bash\\n\", 32) = 32\n");
            }
            return b.toString();
        });
        INPUTS.put("dup2 in cycles (1000 numbers)", n -> {
            StringBuilder b = new StringBuilder("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3\n");
            for (int i = 1; i < n; i++) {
                int to = 10 + i % 1000;
                b.append("dup2(3, ").append(to).append(") = ").append(to).append('\n');
            }
            return b.toString();
        });
        INPUTS.put("dup chains (each fd a dup of the last)", n -> {
            StringBuilder b = new StringBuilder("openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3\n");
            for (int i = 1; i < n; i++) {
                int from = 3 + (i - 1) % 1000;
                int to = 3 + i % 1000;
                b.append(to == 3 ? "close(3) = 0\n" : "dup2(" + from + ", " + to + ") = " + to + "\n");
            }
            return b.toString();
        });
        INPUTS.put("100k processes", n -> {
            StringBuilder b = new StringBuilder();
            int pid = 1000;
            int children = Math.min(100_000, n / 5);
            for (int c = 0; c < children; c++) {
                int child = 2000 + c;
                b.append(pid).append(" clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
                        + "child_tidptr=0x7f03a77afa10) = ").append(child).append('\n');
                b.append(child).append(" openat(AT_FDCWD, \"/tmp/f").append(c).append("\", O_RDONLY) = -1 ENOENT (No such file or directory)\n");
                b.append(child).append(" exit_group(1) = ?\n");
                b.append(child).append(" +++ exited with 1 +++\n");
                b.append(pid).append(" --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=").append(child)
                        .append(", si_uid=1000, si_status=1, si_utime=0, si_stime=0} ---\n");
            }
            fill(b, pid, n - children * 5);
            return b.toString();
        });
        INPUTS.put("pid reuse (one pid, again and again)", n -> {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < n / 4; c++) {
                b.append("1000 clone(child_stack=NULL, flags=SIGCHLD) = 2000\n");
                b.append("2000 write(2, \"no\\n\", 3) = 3\n");
                b.append("2000 exit_group(1) = ?\n");
                b.append("2000 +++ exited with 1 +++\n");
            }
            return b.toString();
        });
        INPUTS.put("process chain 100k deep", n -> {
            StringBuilder b = new StringBuilder("1000 openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = 3\n");
            int depth = Math.min(100_000, n / 3);
            for (int c = 0; c < depth; c++) {
                int pid = 1000 + c;
                b.append(pid).append(" clone(child_stack=NULL, flags=SIGCHLD) = ").append(pid + 1).append('\n');
                b.append(pid + 1).append(" read(3, \"x\", 1) = 1\n");
                b.append(pid + 1).append(" fstat(3, {st_mode=S_IFREG|0644, st_size=1}) = 0\n");
            }
            fill(b, 1000 + depth, n - 3 * depth);
            return b.toString();
        });
        INPUTS.put("brackets 100k deep (one line)", n -> {
            StringBuilder b = new StringBuilder("ioctl(3, TCGETS, ");
            int depth = 100_000;
            b.append("{a=".repeat(depth)).append('1').append("}".repeat(depth)).append(") = 0\n");
            b.append("read(3, [[[[[[[[").append("[".repeat(depth)).append(") = 0\n");
            fill(b, -1, n - 2);
            return b.toString();
        });
        INPUTS.put("one 10 MB line", n -> {
            StringBuilder b = new StringBuilder("write(1, \"");
            Random r = new Random(1);
            for (int i = 0; i < 10 << 20; i++) {
                b.append((char) ('a' + r.nextInt(26)));
            }
            b.append("\", 10485760) = 10485760\n");
            fill(b, -1, n - 1);
            return b.toString();
        });
        INPUTS.put("unfinished, never resumed", n -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append(1000 + i % 1000).append(" read(0,  <unfinished ...>\n");
            }
            return b.toString();
        });
    }

    private static void fill(StringBuilder b, int pid, int lines) {
        for (int i = 0; i < lines; i++) {
            if (pid >= 0) {
                b.append(pid).append(' ');
            }
            b.append("newfstatat(AT_FDCWD, \"/usr/lib/x").append(i % 97).append("\", 0x7ffc, 0) = -1 ENOENT (No such file or directory)\n");
        }
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000, 1_000_000};
        List<String> names = new ArrayList<>();
        names.add("parse + model");
        EveryFeature.WHOLE.forEach(f -> names.add(f.name()));
        names.add("hover+def+refs+highlight (per request, µs)");
        String only = System.getProperty("bench.only", "");
        for (Map.Entry<String, IntFunction<String>> input : INPUTS.entrySet()) {
            if (!input.getKey().contains(only)) {
                continue;
            }
            double[][] perLine = new double[names.size()][sizes.length];
            for (int s = 0; s < sizes.length; s++) {
                String text = input.getValue().apply(sizes[s]);
                long t0 = System.nanoTime();
                Trace trace = Trace.of(text);
                int lines = Math.max(1, trace.parsed().lineCount());
                perLine[0][s] = (System.nanoTime() - t0) / (double) lines;
                for (int f = 0; f < EveryFeature.WHOLE.size(); f++) {
                    EveryFeature.Feature feature = EveryFeature.WHOLE.get(f);
                    // the causes and the fd model stay with the trace: only their first run counts
                    boolean kept = feature.name().equals("causes") || feature.name().equals("fd model");
                    perLine[f + 1][s] = best(() -> feature.run().applyAsInt(trace), kept ? 1 : 3) / lines;
                }
                Random random = new Random(7);
                int requests = 200;
                long t1 = System.nanoTime();
                for (int k = 0; k < requests; k++) {
                    EveryFeature.at(trace, random.nextInt(text.length() + 1));
                }
                perLine[names.size() - 1][s] = (System.nanoTime() - t1) / 1e3 / requests;
            }
            System.out.printf("%n== %s%n%-44s", input.getKey(), "ns per line at");
            for (int size : sizes) {
                System.out.printf("%12s", String.format("%,d", size));
            }
            for (int s = 1; s < sizes.length; s++) {
                System.out.printf("%10s", "ratio");
            }
            System.out.println();
            for (int f = 0; f < names.size(); f++) {
                System.out.printf("%-44s", names.get(f));
                for (int s = 0; s < sizes.length; s++) {
                    System.out.printf("%12.1f", perLine[f][s]);
                }
                for (int s = 1; s < sizes.length; s++) {
                    System.out.printf("%10.2f", perLine[f][s] / Math.max(1e-9, perLine[f][s - 1]));
                }
                System.out.println();
            }
        }
    }

    /** The best of {@code runs} runs, in ns. */
    private static double best(Runnable run, int runs) {
        long best = Long.MAX_VALUE;
        for (int k = 0; k < runs; k++) {
            long t = System.nanoTime();
            run.run();
            best = Math.min(best, System.nanoTime() - t);
        }
        return best;
    }
}
