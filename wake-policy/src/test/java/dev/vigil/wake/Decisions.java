package dev.vigil.wake;

import java.util.ArrayList;
import java.util.List;

/** Runs a policy over a constructed sequence of window totals, one window per {@code hopUs}. */
final class Decisions {

    private Decisions() {
    }

    static List<WakeDecision> run(WakePolicy p, long hopUs, int... totals) {
        List<WakeDecision> out = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            out.add(p.decide(i * hopUs, new int[] {totals[i]}));
        }
        return out;
    }

    static List<Integer> wakeIndices(List<WakeDecision> ds) {
        List<Integer> w = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            if (ds.get(i).wake()) {
                w.add(i);
            }
        }
        return w;
    }
}
