package dev.vigil.runtime.learn;

import dev.vigil.runtime.config.WakeConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a lane's wake threshold (the readout decision) from labelled windows: the wake level sits above
 * every background window's total, with a quarter more margin when every labelled event's peak still
 * reaches it; the re-arm level is the background's median.
 */
public final class WakeFit {

    private WakeFit() {
    }

    /**
     * @param lane       the lane's windows
     * @param sensor     its name
     * @param intervals  labels
     * @param windowUs   window length
     * @param guardUs    background windows keep this distance from labelled intervals
     * @param base       the configured policy, whose other settings are kept
     * @param preTriggerMs pre-trigger span to set
     */
    public static WakeConfig fit(WindowRecorder.LaneWindows lane, String sensor, List<LabelInterval> intervals,
                                 long windowUs, long guardUs, WakeConfig base, int preTriggerMs) {
        List<Integer> background = new ArrayList<>();
        int minPeak = Integer.MAX_VALUE;
        for (LabelInterval iv : intervals) {
            if (!iv.appliesTo(sensor)) {
                continue;
            }
            int peak = 0;
            for (int i = 0; i < lane.size(); i++) {
                long end = lane.endUs(i);
                if (iv.overlaps(end - windowUs, end)) {
                    peak = Math.max(peak, lane.total(i));
                }
            }
            minPeak = Math.min(minPeak, peak);
        }
        for (int i = 0; i < lane.size(); i++) {
            long end = lane.endUs(i);
            if (Labels.isBackground(intervals, sensor, end - windowUs, end, guardUs)) {
                background.add(lane.total(i));
            }
        }
        int[] bg = background.stream().mapToInt(Integer::intValue).sorted().toArray();
        int bgMax = bg.length == 0 ? 0 : bg[bg.length - 1];
        int median = bg.length == 0 ? 0 : bg[bg.length / 2];
        int on = bgMax + 1;
        int withMargin = (int) Math.ceil(bgMax * 1.25) + 1;
        if (minPeak != Integer.MAX_VALUE && withMargin <= minPeak) {
            on = withMargin;
        }
        on = Math.min(1_000_000, Math.max(1, on));
        int off = Math.max(0, Math.min(on - 1, median));
        return new WakeConfig("threshold", on, off, new int[0], new int[0], base.baselineShift(), base.k(), base.n(),
                base.cooldownMs(), base.maxPerHour(), base.burst(), preTriggerMs);
    }

    /** Sorted totals, for reports. */
    static int[] sorted(List<Integer> v) {
        int[] a = v.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
