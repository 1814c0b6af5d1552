package dev.vigil.wake;

import java.util.Arrays;
import java.util.List;

/**
 * One threshold per readout neuron (class): wakes when any class's count reaches its {@code on}
 * threshold, and re-arms once every class is at or below its {@code off}. A class with {@code on = 0}
 * is ignored. The decision names the class that fired.
 */
public final class PerClassThresholdPolicy implements WakePolicy {
    /** Rule name carried in decisions. */
    public static final String RULE = "per-class";
    /** The decision of a window with no class at its threshold while armed: the same every time, so none is allocated. */
    private static final WakeDecision NONE_AT_THRESHOLD = WakeDecision.quiet(false, RULE, 0, 1, "no class at its threshold");
    private static final WakeDecision RE_ARMED = WakeDecision.quiet(false, RULE, 0, 1, "re-armed");
    private final int[] on;
    private final int[] off;
    private final List<String> names;
    private final String[] stillAbove;
    private boolean active;

    /**
     * @param on    per-class wake thresholds (0 = class ignored)
     * @param off   per-class re-arm levels, each below its {@code on}
     * @param names class names for reasons (same length)
     */
    public PerClassThresholdPolicy(int[] on, int[] off, List<String> names) {
        if (on.length == 0 || on.length != off.length || names.size() != on.length) {
            throw new IllegalArgumentException("need as many on, off thresholds and names, got "
                    + on.length + ", " + off.length + ", " + names.size());
        }
        boolean any = false;
        for (int c = 0; c < on.length; c++) {
            if (on[c] < 0 || off[c] < 0 || (on[c] > 0 && off[c] >= on[c])) {
                throw new IllegalArgumentException("class " + names.get(c) + ": need 0 <= off < on, got on="
                        + on[c] + " off=" + off[c]);
            }
            any |= on[c] > 0;
        }
        if (!any) {
            throw new IllegalArgumentException("at least one class needs a positive threshold");
        }
        this.on = on.clone();
        this.off = off.clone();
        this.names = List.copyOf(names);
        this.stillAbove = new String[on.length];
        for (int c = 0; c < on.length; c++) {
            stillAbove[c] = "class " + names.get(c) + " still above re-arm level";
        }
    }

    @Override
    public WakeDecision decide(long timeUs, int[] counts) {
        if (counts.length != on.length) {
            throw new IllegalArgumentException("per-class thresholds for " + on.length + " classes, got "
                    + counts.length + " counts");
        }
        if (!active) {
            int best = -1;
            double bestRatio = 0;
            for (int c = 0; c < on.length; c++) {
                if (on[c] > 0 && counts[c] >= on[c] && (double) counts[c] / on[c] > bestRatio) {
                    best = c;
                    bestRatio = (double) counts[c] / on[c];
                }
            }
            if (best >= 0) {
                active = true;
                return WakeDecision.wake(RULE, counts[best], on[best], "class " + names.get(best));
            }
            return NONE_AT_THRESHOLD;
        }
        for (int c = 0; c < on.length; c++) {
            if (on[c] > 0 && counts[c] > off[c]) {
                return WakeDecision.quiet(true, RULE, counts[c], off[c], stillAbove[c]);
            }
        }
        active = false;
        return RE_ARMED;
    }

    @Override
    public void reset() {
        active = false;
    }

    @Override
    public String toString() {
        return RULE + Arrays.toString(on);
    }
}
