package dev.vigil.wake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fuses the wakes of several sensors' policies: each sensor's own wake is a vote stamped with its
 * time; a fused wake fires when the votes cast within {@code toleranceUs} of each other pass the mode's
 * test, at most once per tolerance span. Sensors are numbered in the order of {@code names}.
 */
public final class SensorFusion {
    /** Rule name carried in decisions. */
    public static final String RULE = "fusion";
    private static final long NEVER = Long.MIN_VALUE / 4;
    private final FusionMode mode;
    private final List<String> names;
    private final double[] weights;
    private final double quorum;
    private final long toleranceUs;
    private final long[] lastVoteUs;
    private long lastFusedUs = NEVER;

    /**
     * @param mode        how votes combine
     * @param names       sensor names, for reasons
     * @param weights     vote weight per sensor (WEIGHTED), all non-negative
     * @param quorum      weight needed for a WEIGHTED wake (> 0)
     * @param toleranceUs how far apart votes may be and still count together
     */
    public SensorFusion(FusionMode mode, List<String> names, double[] weights, double quorum, long toleranceUs) {
        if (names.isEmpty() || weights.length != names.size()) {
            throw new IllegalArgumentException("need one weight per sensor, got " + weights.length + " for " + names.size());
        }
        if (toleranceUs < 0 || !(quorum > 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0 and quorum > 0, got " + toleranceUs + ", " + quorum);
        }
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("weights must be >= 0, got " + w);
            }
        }
        this.mode = mode;
        this.names = List.copyOf(names);
        this.weights = weights.clone();
        this.quorum = quorum;
        this.toleranceUs = toleranceUs;
        this.lastVoteUs = new long[names.size()];
        Arrays.fill(lastVoteUs, NEVER);
    }

    /**
     * Sensor {@code sensor}'s policy decided {@code local} for the window ending at {@code timeUs};
     * returns the fused decision (a wake only on a local wake that completes the vote).
     */
    public WakeDecision fuse(int sensor, long timeUs, WakeDecision local) {
        if (mode == FusionMode.ANY || !local.wake()) {
            return local;
        }
        lastVoteUs[sensor] = timeUs;
        double vote = 0;
        int voters = 0;
        StringBuilder who = new StringBuilder();
        for (int s = 0; s < lastVoteUs.length; s++) {
            if (Math.abs(timeUs - lastVoteUs[s]) <= toleranceUs) {
                vote += weights[s];
                voters++;
                who.append(who.isEmpty() ? "" : "+").append(names.get(s));
            }
        }
        double need = mode == FusionMode.ALL ? names.size() : quorum;
        double have = mode == FusionMode.ALL ? voters : vote;
        String note = mode.name().toLowerCase(Locale.ROOT) + " of " + who + " within "
                + toleranceUs / 1000 + " ms; " + local.reason();
        if (have >= need && timeUs - lastFusedUs > toleranceUs) {
            lastFusedUs = timeUs;
            return WakeDecision.wake(RULE, have, need, note);
        }
        return new WakeDecision(WakeDecision.Outcome.HELD_BY_FUSION, local.active(), RULE, have, need, note);
    }

    /** The number of sensor {@code name} (of the first, should two share it). */
    public int indexOf(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no sensor " + name + " in fusion of " + names);
        }
        return i;
    }

    /** The mode. */
    public FusionMode mode() {
        return mode;
    }

    /** Forgets all votes. */
    public void reset() {
        Arrays.fill(lastVoteUs, NEVER);
        lastFusedUs = NEVER;
    }
}
