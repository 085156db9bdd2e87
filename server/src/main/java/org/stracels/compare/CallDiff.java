package org.stracels.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.AbstractList;
import java.util.List;
import org.stracels.analysis.IntList;

/**
 * Aligns the calls of a pair of processes on their normalised texts with java-diff-utils' Myers algorithm.
 * The common head and tail are matched first (cheap: the usual case is two long runs that differ in a few
 * places); a middle so large that Myers could take quadratic time is aligned window by window.
 */
final class CallDiff {
    /** Above this many calls on both sides of the middle, align in windows of this size. */
    static final int WINDOW = 10_000;

    /** What the alignment finds, in order. */
    interface Visitor {
        /** Call {@code g} of GOOD and {@code b} of BAD print the same. */
        void equal(int g, int b);

        /** Calls {@code [g0, g1)} of GOOD stand where calls {@code [b0, b1)} of BAD are. */
        void changed(int g0, int g1, int b0, int b1);
    }

    private CallDiff() {
    }

    static void align(IntList good, IntList bad, Visitor v) {
        int n = good.size();
        int m = bad.size();
        int head = 0;
        while (head < n && head < m && good.get(head) == bad.get(head)) {
            v.equal(head, head);
            head++;
        }
        int tail = 0;
        while (tail < n - head && tail < m - head && good.get(n - 1 - tail) == bad.get(m - 1 - tail)) {
            tail++;
        }
        int gEnd = n - tail;
        int bEnd = m - tail;
        if (gEnd - head > WINDOW && bEnd - head > WINDOW) {
            int g = head;
            int b = head;
            while (g < gEnd || b < bEnd) {
                int gw = Math.min(WINDOW, gEnd - g);
                int bw = Math.min(WINDOW, bEnd - b);
                if (gw == 0 || bw == 0) {
                    gw = gEnd - g;
                    bw = bEnd - b;
                }
                middle(good, bad, g, g + gw, b, b + bw, v);
                g += gw;
                b += bw;
            }
        } else {
            middle(good, bad, head, gEnd, head, bEnd, v);
        }
        for (int k = tail; k > 0; k--) {
            v.equal(n - k, m - k);
        }
    }

    private static void middle(IntList good, IntList bad, int g0, int g1, int b0, int b1, Visitor v) {
        if (g0 == g1 || b0 == b1) {
            if (g0 < g1 || b0 < b1) {
                v.changed(g0, g1, b0, b1);
            }
            return;
        }
        List<Integer> a = view(good, g0, g1);
        List<Integer> b = view(bad, b0, b1);
        int gi = 0;
        int bi = 0;
        for (AbstractDelta<Integer> d : DiffUtils.diff(a, b).getDeltas()) {
            int gs = d.getSource().getPosition();
            int bs = d.getTarget().getPosition();
            while (gi < gs && bi < bs) {
                v.equal(g0 + gi++, b0 + bi++);
            }
            gi = gs + d.getSource().size();
            bi = bs + d.getTarget().size();
            v.changed(g0 + gs, g0 + gi, b0 + bs, b0 + bi);
        }
        while (gi < a.size() && bi < b.size()) {
            v.equal(g0 + gi++, b0 + bi++);
        }
    }

    private static List<Integer> view(IntList list, int from, int to) {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return list.get(from + index);
            }

            @Override
            public int size() {
                return to - from;
            }
        };
    }
}
