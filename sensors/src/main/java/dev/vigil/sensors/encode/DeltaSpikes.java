package dev.vigil.sensors.encode;

import java.util.Arrays;

/**
 * Level-crossing (delta) spikes of a bank of bands, with a refractory time per channel: band
 * {@code k}'s level rising a delta above its reference spikes on channel {@code 2k} (UP), falling a
 * delta below on {@code 2k+1} (DOWN), and the reference moves one delta per spike. A positive
 * refractory time holds back a spike, and the step it would make, until that long after the channel's
 * previous spike. Floating-point and fixed-point levels each keep their own arithmetic.
 */
final class DeltaSpikes {
    private final long refractoryUs;
    private final long[] lastSpikeUs;

    /** Spikes of {@code bands} bands with {@code refractoryUs} (0 = none) between two of one channel. */
    DeltaSpikes(int bands, long refractoryUs) {
        if (refractoryUs < 0) {
            throw new IllegalArgumentException("refractory time must not be negative, got " + refractoryUs);
        }
        this.refractoryUs = refractoryUs;
        this.lastSpikeUs = new long[2 * Math.max(0, bands)];
        Arrays.fill(lastSpikeUs, Long.MIN_VALUE / 2);
    }

    /** The refractory time, in microseconds. */
    long refractoryUs() {
        return refractoryUs;
    }

    /** Moves band {@code band}'s reference {@code ref} toward {@code level} at time {@code t}; returns the new reference. */
    double follow(int band, long t, double level, double ref, double delta, SpikeSink sink) {
        double r = ref;
        while (level >= r + delta && fire(2 * band, t, sink)) {
            r += delta;
        }
        while (level <= r - delta && fire(2 * band + 1, t, sink)) {
            r -= delta;
        }
        return r;
    }

    /** As {@link #follow(int, long, double, double, double, SpikeSink)}, in integer arithmetic. */
    int follow(int band, long t, int level, int ref, int delta, SpikeSink sink) {
        int r = ref;
        while (level >= r + delta && fire(2 * band, t, sink)) {
            r += delta;
        }
        while (level <= r - delta && fire(2 * band + 1, t, sink)) {
            r -= delta;
        }
        return r;
    }

    /** Spikes on {@code channel} at {@code t} unless it is refractory; says whether it did. */
    private boolean fire(int channel, long t, SpikeSink sink) {
        if (refractoryUs != 0) {
            if (t - lastSpikeUs[channel] < refractoryUs) {
                return false;
            }
            lastSpikeUs[channel] = t;
        }
        sink.spike(t, channel);
        return true;
    }
}
