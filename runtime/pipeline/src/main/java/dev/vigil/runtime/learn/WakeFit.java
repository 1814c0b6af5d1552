package dev.vigil.runtime.learn;

import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.config.WakeRule;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Fits a lane's wake rule (the readout decision) from labelled windows. Candidates are a threshold on
 * the window's total and a threshold on each single readout neuron (a per-class rule). Each candidate's
 * wake level sits just above every background window's value, so the training background gives no
 * false wake; the re-arm level is the background's median. The threshold on the total is the default:
 * it wakes on the onset of energy in any band, so the dense head's view holds the event. A single readout
 * replaces it only when it catches more than {@link #SWITCH_SHARE} of the target events more than the
 * total does (then the readout that catches the most wins; ties: the larger margin). A readout such as
 * {@code fall} wakes at an event's decay on some clips and at an onset transient on others, so the head,
 * trained on the training clips' wake points, sees unseen clips' events elsewhere in its view; on a 3-hour
 * keyword log it caught 720 training events against the total's 718, and the head trained at its wake
 * points then published 94 % of the evaluation keywords against 100 % with the total. A quarter more
 * margin is added when it loses no event. Only target events count as caught: intervals with a
 * negative (distractor) label neither constrain the wake level nor count, and are not background either
 * (waking on them is left to the dense stage to reject). When the configured policy has no cooldown, the
 * cooldown is set to the longest target event, so one event wakes the dense stage once (an event's own
 * decay would otherwise re-wake it after its labelled end).
 */
public final class WakeFit {

    /**
     * Share of the target events a single readout must catch beyond the total's catches to replace it:
     * 1 %, at least one event (so on a log of under 100 events, one more event is enough).
     */
    static final double SWITCH_SHARE = 0.01;

    private WakeFit() {
    }

    /** What a candidate achieves on the training windows. */
    private record Candidate(int readout, int on, int off, int caught, double margin) {
    }

    /**
     * @param lane         the lane's windows
     * @param sensor       its name
     * @param intervals    labels
     * @param windowUs     window length
     * @param guardUs      background windows keep this distance from labelled intervals
     * @param negatives    distractor labels
     * @param base         the configured policy, whose k-of-n, cooldown and budget settings are kept
     * @param preTriggerMs pre-trigger span to set
     * @param postTriggerMs post-trigger span to set
     */
    public static WakeConfig fit(WindowRecorder.LaneWindows lane, String sensor, List<LabelInterval> intervals,
                                 Set<String> negatives, long windowUs, long guardUs, WakeConfig base,
                                 int preTriggerMs, int postTriggerMs) {
        int n = lane.size();
        boolean[] background = new boolean[n];
        for (int i = 0; i < n; i++) {
            long end = lane.endUs(i);
            background[i] = Labels.isBackground(intervals, sensor, end - windowUs, end, guardUs);
        }
        List<LabelInterval> events = intervals.stream()
                .filter(l -> l.appliesTo(sensor) && !negatives.contains(l.label())).toList();
        Candidate total = evaluate(lane, totals(lane), background, events, windowUs, -1);
        Candidate readout = null;
        for (int r = 0; r < lane.neurons(); r++) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = lane.count(i, r);
            }
            Candidate c = evaluate(lane, v, background, events, windowUs, r);
            if (readout == null || c.caught > readout.caught || (c.caught == readout.caught && c.margin > readout.margin)) {
                readout = c;
            }
        }
        Candidate best = readout != null && readout.caught > total.caught + events.size() * SWITCH_SHARE ? readout : total;
        int[] classOn = new int[best.readout < 0 ? 0 : lane.neurons()];
        int[] classOff = new int[classOn.length];
        int on = Math.min(1_000_000, Math.max(1, best.on));
        int off = Math.max(0, Math.min(on - 1, best.off));
        if (best.readout >= 0) {
            classOn[best.readout] = on;
            classOff[best.readout] = off;
        }
        long longest = events.stream().mapToLong(LabelInterval::durationUs).max().orElse(0);
        int cooldownMs = base.cooldownMs() > 0 ? base.cooldownMs() : (int) Math.min(86_400_000, (longest + 999) / 1000);
        return new WakeConfig(best.readout < 0 ? WakeRule.THRESHOLD : WakeRule.PER_CLASS, best.readout < 0 ? on : 1,
                best.readout < 0 ? off : 0, classOn, classOff, base.baselineShift(), base.k(), base.n(),
                cooldownMs, base.maxPerHour(), base.burst(), preTriggerMs, postTriggerMs);
    }

    private static int[] totals(WindowRecorder.LaneWindows lane) {
        int[] v = new int[lane.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = lane.total(i);
        }
        return v;
    }

    private static Candidate evaluate(WindowRecorder.LaneWindows lane, int[] v, boolean[] background,
                                      List<LabelInterval> events, long windowUs, int readout) {
        int bgMax = 0;
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (background[i]) {
                bgMax = Math.max(bgMax, v[i]);
                count++;
            }
        }
        int[] bg = new int[count];
        for (int i = 0, k = 0; i < v.length; i++) {
            if (background[i]) {
                bg[k++] = v[i];
            }
        }
        Arrays.sort(bg);
        int off = bg.length == 0 ? 0 : bg[bg.length / 2];
        int on = bgMax + 1;
        int caught = caught(lane, v, events, windowUs, on, Math.min(off, on - 1));
        int withMargin = (int) Math.ceil(bgMax * 1.25) + 1;
        if (withMargin > on && caught(lane, v, events, windowUs, withMargin, Math.min(off, withMargin - 1)) == caught) {
            on = withMargin;
        }
        int minPeak = Integer.MAX_VALUE;
        for (LabelInterval e : events) {
            int peak = 0;
            for (int i = 0; i < v.length; i++) {
                long end = lane.endUs(i);
                if (e.overlaps(end - windowUs, end)) {
                    peak = Math.max(peak, v[i]);
                }
            }
            minPeak = Math.min(minPeak, peak);
        }
        double margin = events.isEmpty() ? 0 : (double) minPeak / on;
        return new Candidate(readout, on, off, caught, margin);
    }

    /** Events whose span (plus one window) holds a wake of a threshold-with-hysteresis rule on {@code v}. */
    private static int caught(WindowRecorder.LaneWindows lane, int[] v, List<LabelInterval> events, long windowUs, int on, int off) {
        boolean active = false;
        boolean[] hit = new boolean[events.size()];
        for (int i = 0; i < v.length; i++) {
            if (!active && v[i] >= on) {
                active = true;
                long end = lane.endUs(i);
                for (int e = 0; e < hit.length; e++) {
                    LabelInterval iv = events.get(e);
                    if (end > iv.startUs() && end <= iv.endUs() + windowUs) {
                        hit[e] = true;
                    }
                }
            } else if (active && v[i] <= off) {
                active = false;
            }
        }
        int c = 0;
        for (boolean h : hit) {
            c += h ? 1 : 0;
        }
        return c;
    }
}
