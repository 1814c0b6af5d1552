package dev.vigil.wake;

import java.util.Arrays;

/**
 * Wakes when at least {@code k} of the last {@code n} windows were salient for an inner rule (its
 * decision was a wake or active): one wake when the count reaches {@code k}, re-armed when it falls
 * below {@code k}. Filters out a lone noisy window without delaying a sustained event by more than
 * {@code k - 1} windows. A wake's reason carries the inner rule's; a quiet window's does not (building it
 * every window would allocate while nothing happens).
 */
public final class KOfNPolicy implements WakePolicy {
    /** Rule name carried in decisions. */
    public static final String RULE = "k-of-n";
    private final WakePolicy inner;
    private final int k;
    private final boolean[] ring;
    private final String ofLast;
    private int next;
    private int salient;
    private boolean active;

    /** {@code k} salient windows among the last {@code n} ({@code 1 <= k <= n}) of {@code inner}. */
    public KOfNPolicy(WakePolicy inner, int k, int n) {
        if (k < 1 || n < k || n > 1024) {
            throw new IllegalArgumentException("need 1 <= k <= n <= 1024, got k=" + k + " n=" + n);
        }
        this.inner = inner;
        this.k = k;
        this.ring = new boolean[n];
        this.ofLast = "of last " + n;
    }

    @Override
    public WakeDecision decide(long timeUs, int[] counts) {
        WakeDecision d = inner.decide(timeUs, counts);
        boolean hit = d.wake() || d.active();
        if (ring[next]) {
            salient--;
        }
        ring[next] = hit;
        if (hit) {
            salient++;
        }
        next = (next + 1) % ring.length;
        if (!active && salient >= k) {
            active = true;
            return WakeDecision.wake(RULE, salient, k, ofLast + "; " + d.reason());
        }
        if (active && salient < k) {
            active = false;
        }
        return WakeDecision.quiet(active, RULE, salient, k, ofLast);
    }

    @Override
    public void reset() {
        inner.reset();
        Arrays.fill(ring, false);
        next = 0;
        salient = 0;
        active = false;
    }
}
