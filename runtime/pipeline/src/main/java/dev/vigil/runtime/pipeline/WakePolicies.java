package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.wake.AdaptiveBaselinePolicy;
import dev.vigil.wake.CooldownPolicy;
import dev.vigil.wake.KOfNPolicy;
import dev.vigil.wake.PerClassThresholdPolicy;
import dev.vigil.wake.ThresholdHysteresisPolicy;
import dev.vigil.wake.WakeBudgetPolicy;
import dev.vigil.wake.WakePolicy;

import java.util.List;

/** Builds a lane's policy from its config: trigger rule, then k-of-n, cooldown and budget, in that order. */
public final class WakePolicies {

    private WakePolicies() {
    }

    /** The policy {@code c} describes, for readouts named {@code classes}. */
    public static WakePolicy build(WakeConfig c, List<String> classes) {
        WakePolicy p = switch (c.rule()) {
            case PER_CLASS -> {
                int[] on = new int[classes.size()];
                int[] off = new int[classes.size()];
                int[] conf = c.classOnSpikes();
                int[] coff = c.classOffSpikes();
                if (conf.length != classes.size()) {
                    throw new IllegalArgumentException("wake.class-on-spikes has " + conf.length + " entries; this lane has "
                            + classes.size() + " readouts " + classes);
                }
                System.arraycopy(conf, 0, on, 0, on.length);
                System.arraycopy(coff, 0, off, 0, off.length);
                yield new PerClassThresholdPolicy(on, off, classes);
            }
            case ADAPTIVE -> new AdaptiveBaselinePolicy(c.onSpikes(), c.offSpikes(), c.baselineShift());
            case THRESHOLD -> new ThresholdHysteresisPolicy(c.onSpikes(), c.offSpikes());
        };
        if (c.n() > 1) {
            p = new KOfNPolicy(p, c.k(), c.n());
        }
        if (c.cooldownMs() > 0) {
            p = new CooldownPolicy(p, c.cooldownMs() * 1000L);
        }
        if (c.maxPerHour() > 0) {
            p = new WakeBudgetPolicy(p, c.maxPerHour(), c.burst());
        }
        return p;
    }
}
