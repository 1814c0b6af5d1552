package dev.vigil.runtime.config;

import java.util.Arrays;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * One sensor's wake policy: a trigger rule, then optional k-of-n, cooldown and budget stages, and the
 * pre-trigger span handed to the dense stage, and the post-trigger span it waits for before it runs.
 *
 * @param rule            the trigger: window total with hysteresis, one threshold per readout neuron, or
 *                        total above a drifting baseline
 * @param onSpikes        threshold / adaptive: wake at this total (or excess over the baseline)
 * @param offSpikes       threshold / adaptive: re-arm at or below this
 * @param classOnSpikes   per-class: wake threshold per readout neuron (0 = ignored)
 * @param classOffSpikes  per-class: re-arm level per readout neuron
 * @param baselineShift   adaptive: the baseline follows over about 2^shift windows
 * @param k               k-of-n: salient windows needed ...
 * @param n               ... among the last n (1 and 1 = off)
 * @param cooldownMs      no second wake within this time (0 = off)
 * @param maxPerHour      wake budget: tokens per hour (0 = unlimited)
 * @param burst           wake budget: bucket size
 * @param preTriggerMs    span before the waking window kept for the dense stage
 * @param postTriggerMs   span after the waking window accumulated before the dense stage runs (0 = it runs
 *                        on the waking window); a wake during that span joins the pending run
 */
public record WakeConfig(WakeRule rule, int onSpikes, int offSpikes, int[] classOnSpikes, int[] classOffSpikes,
                         int baselineShift, int k, int n, int cooldownMs, int maxPerHour, int burst, int preTriggerMs,
                         int postTriggerMs) {
    public WakeConfig {
        if (rule == null) {
            throw new BadValueException("rule", null, "use one of " + ConfigNames.allowed(WakeRule.class));
        }
        inRange("on-spikes", onSpikes, 1, 1_000_000);
        inRange("off-spikes", offSpikes, 0, 1_000_000);
        if (offSpikes >= onSpikes) {
            throw new BadValueException("off-spikes", offSpikes, "must be below on-spikes (" + onSpikes + ")");
        }
        classOnSpikes = classOnSpikes == null ? new int[0] : classOnSpikes.clone();
        classOffSpikes = classOffSpikes == null ? new int[0] : classOffSpikes.clone();
        if (classOffSpikes.length != classOnSpikes.length) {
            throw new BadValueException("class-off-spikes", Arrays.toString(classOffSpikes),
                    "needs one value per class-on-spikes entry (" + classOnSpikes.length + ")");
        }
        boolean anyClass = false;
        for (int c = 0; c < classOnSpikes.length; c++) {
            inRange("class-on-spikes[" + c + "]", classOnSpikes[c], 0, 1_000_000);
            if (classOnSpikes[c] > 0 && (classOffSpikes[c] < 0 || classOffSpikes[c] >= classOnSpikes[c])) {
                throw new BadValueException("class-off-spikes[" + c + "]", classOffSpikes[c],
                        "must be 0 or more and below class-on-spikes[" + c + "] (" + classOnSpikes[c] + ")");
            }
            anyClass |= classOnSpikes[c] > 0;
        }
        if (rule == WakeRule.PER_CLASS && !anyClass) {
            throw new BadValueException("class-on-spikes", Arrays.toString(classOnSpikes),
                    "rule per-class needs at least one positive threshold");
        }
        inRange("baseline-shift", baselineShift, 0, 20);
        inRange("n", n, 1, 1024);
        inRange("k", k, 1, n);
        inRange("cooldown-ms", cooldownMs, 0, 86_400_000);
        inRange("max-per-hour", maxPerHour, 0, 3_600_000);
        inRange("burst", burst, 1, 1_000_000);
        inRange("pre-trigger-ms", preTriggerMs, 0, 60_000);
        inRange("post-trigger-ms", postTriggerMs, 0, 60_000);
    }

    /** A plain threshold-with-hysteresis policy with everything else off. */
    public static WakeConfig threshold(int on, int off) {
        return new WakeConfig(WakeRule.THRESHOLD, on, off, new int[0], new int[0], 6, 1, 1, 0, 0, 1, 0, 0);
    }

    /** A copy with other on/off thresholds. */
    public WakeConfig withThresholds(int on, int off) {
        return new WakeConfig(rule, on, off, classOnSpikes, classOffSpikes, baselineShift, k, n, cooldownMs, maxPerHour, burst, preTriggerMs,
                postTriggerMs);
    }

    @Override
    public int[] classOnSpikes() {
        return classOnSpikes.clone();
    }

    @Override
    public int[] classOffSpikes() {
        return classOffSpikes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WakeConfig w && w.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "WakeConfig[" + rule.label() + " on " + onSpikes + " off " + offSpikes + " classes "
                + Arrays.toString(classOnSpikes) + "/" + Arrays.toString(classOffSpikes)
                + " shift " + baselineShift + " k " + k + " n " + n + " cooldown " + cooldownMs + " budget "
                + maxPerHour + "/" + burst + " pre " + preTriggerMs + " post " + postTriggerMs + "]";
    }
}
