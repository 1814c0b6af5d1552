package dev.vigil.runtime.learn;

import dev.vigil.runtime.pipeline.WindowObserver;
import dev.vigil.wake.WakeDecision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every window of every lane (end time, counts, whether it woke), for training and evaluation. */
public final class WindowRecorder implements WindowObserver {
    private final Map<String, LaneWindows> lanes = new LinkedHashMap<>();

    @Override
    public void window(String sensor, long endUs, int[] counts, WakeDecision decision) {
        lanes.computeIfAbsent(sensor, s -> new LaneWindows()).add(endUs, counts, decision.wake());
    }

    /** Lanes seen, in first-seen order. */
    public Map<String, LaneWindows> lanes() {
        return lanes;
    }

    /** One lane's windows in time order. */
    public static final class LaneWindows {
        private final List<long[]> rows = new ArrayList<>();

        void add(long endUs, int[] counts, boolean woke) {
            long[] r = new long[counts.length + 2];
            r[0] = endUs;
            r[1] = woke ? 1 : 0;
            for (int i = 0; i < counts.length; i++) {
                r[i + 2] = counts[i];
            }
            rows.add(r);
        }

        /** Windows recorded. */
        public int size() {
            return rows.size();
        }

        /** End time of window {@code i}. */
        public long endUs(int i) {
            return rows.get(i)[0];
        }

        /** True when window {@code i} woke the dense stage. */
        public boolean woke(int i) {
            return rows.get(i)[1] != 0;
        }

        /** Readout neurons per window. */
        public int neurons() {
            return rows.isEmpty() ? 0 : rows.get(0).length - 2;
        }

        /** Count of neuron {@code n} in window {@code i}. */
        public int count(int i, int n) {
            return (int) rows.get(i)[n + 2];
        }

        /** Total of window {@code i}. */
        public int total(int i) {
            long[] r = rows.get(i);
            long s = 0;
            for (int k = 2; k < r.length; k++) {
                s += r[k];
            }
            return (int) s;
        }

        /** Windows {@code i-windows+1 .. i}, oldest first, as one tensor (windows outside the recording are zero). */
        public int[] context(int i, int windows) {
            int n = neurons();
            int[] t = new int[windows * n];
            for (int w = 0; w < windows; w++) {
                int src = i - windows + 1 + w;
                if (src >= 0 && src < rows.size()) {
                    for (int k = 0; k < n; k++) {
                        t[w * n + k] = count(src, k);
                    }
                }
            }
            return t;
        }
    }
}
