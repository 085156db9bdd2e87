package org.stracels.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * Which process of GOOD is which process of BAD: never by pid, but by place in the tree. Top down: the roots,
 * then the children of each pair in creation order, aligned on what they ran ({@code cat /etc/hostname});
 * where the sequences differ, children running the same program pair up first, then the rest by position;
 * what is left exists in one run only.
 */
final class ProcessPairs {
    /** A pair of processes; either side is null for a process that exists in one run only. */
    record Pair(int id, RunProcess good, RunProcess bad) {
        String title() {
            String g = good == null ? "(none)" : good.place();
            String b = bad == null ? "(none)" : bad.place();
            return g.equals(b) ? g : g + "  ⇄  " + b;
        }
    }

    private final List<Pair> pairs = new ArrayList<>();

    private ProcessPairs() {
    }

    static List<Pair> align(Run good, Run bad) {
        ProcessPairs p = new ProcessPairs();
        p.align(good.roots(), bad.roots());
        return p.pairs;
    }

    private void align(List<RunProcess> gs, List<RunProcess> bs) {
        if (gs.isEmpty() && bs.isEmpty()) {
            return;
        }
        List<String> gl = gs.stream().map(RunProcess::label).toList();
        List<String> bl = bs.stream().map(RunProcess::label).toList();
        List<RunProcess[]> matched = new ArrayList<>();
        int gi = 0;
        int bi = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(gl, bl).getDeltas()) {
            int gStart = d.getSource().getPosition();
            int bStart = d.getTarget().getPosition();
            while (gi < gStart && bi < bStart) {
                matched.add(new RunProcess[] {gs.get(gi++), bs.get(bi++)});
            }
            List<RunProcess> g = new ArrayList<>(gs.subList(gStart, gStart + d.getSource().size()));
            List<RunProcess> b = new ArrayList<>(bs.subList(bStart, bStart + d.getTarget().size()));
            pairChanged(g, b, matched);
            gi = gStart + d.getSource().size();
            bi = bStart + d.getTarget().size();
        }
        while (gi < gs.size() && bi < bs.size()) {
            matched.add(new RunProcess[] {gs.get(gi++), bs.get(bi++)});
        }
        for (RunProcess[] m : matched) {
            pairs.add(new Pair(pairs.size(), m[0], m[1]));
            if (m[0] != null && m[1] != null) {
                align(m[0].children, m[1].children);
            } else {
                alone(m[0] != null ? m[0].children : m[1].children, m[0] != null);
            }
        }
    }

    /** Inside a changed stretch: same program first, then by position; the rest is in one run only. */
    private static void pairChanged(List<RunProcess> g, List<RunProcess> b, List<RunProcess[]> out) {
        RunProcess[] partner = new RunProcess[g.size()];
        boolean[] taken = new boolean[b.size()];
        for (int i = 0; i < g.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                if (!taken[j] && g.get(i).program().equals(b.get(j).program()) && g.get(i).thread == b.get(j).thread) {
                    partner[i] = b.get(j);
                    taken[j] = true;
                    break;
                }
            }
        }
        int j = 0;
        for (int i = 0; i < g.size(); i++) {
            if (partner[i] == null) {
                while (j < b.size() && taken[j]) {
                    j++;
                }
                if (j < b.size() && g.get(i).thread == b.get(j).thread) {
                    partner[i] = b.get(j);
                    taken[j] = true;
                }
            }
            out.add(new RunProcess[] {g.get(i), partner[i]});
        }
        for (int k = 0; k < b.size(); k++) {
            if (!taken[k]) {
                out.add(new RunProcess[] {null, b.get(k)});
            }
        }
    }

    private void alone(List<RunProcess> children, boolean inGood) {
        for (RunProcess c : children) {
            pairs.add(new Pair(pairs.size(), inGood ? c : null, inGood ? null : c));
            alone(c.children, inGood);
        }
    }
}
