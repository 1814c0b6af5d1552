package dev.vigil.runtime.cli.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.wake.WakeDecision;

/** The last windows of one lane, in a ring, for pages that open later. */
final class LaneHistory {
    private final long[] endUs;
    private final int[] total;
    private final float[] value;
    private final float[] threshold;
    private final boolean[] wake;
    private int next;
    private int size;

    LaneHistory(int capacity) {
        endUs = new long[capacity];
        total = new int[capacity];
        value = new float[capacity];
        threshold = new float[capacity];
        wake = new boolean[capacity];
    }

    void add(LiveFeed.WindowPoint p) {
        endUs[next] = p.endUs();
        total[next] = p.total();
        value[next] = (float) p.value();
        threshold[next] = (float) p.threshold();
        wake[next] = p.outcome() == WakeDecision.Outcome.WAKE;
        next = (next + 1) % endUs.length;
        size = Math.min(size + 1, endUs.length);
    }

    int size() {
        return size;
    }

    /** Every window held, oldest first, as the page's columns (see {@link #columns}). */
    void writeTo(ObjectNode lane) {
        Columns c = columns(lane);
        int start = (next - size + endUs.length) % endUs.length;
        for (int k = 0; k < size; k++) {
            int i = (start + k) % endUs.length;
            c.add(endUs[i], total[i], value[i], threshold[i], wake[i]);
        }
    }

    /** The arrays of one lane in a {@code windows} event: device time, total, value, threshold, wake flag. */
    static Columns columns(ObjectNode lane) {
        return new Columns(lane.putArray("t"), lane.putArray("n"), lane.putArray("v"), lane.putArray("th"), lane.putArray("w"));
    }

    /** Appends windows to a lane's arrays. */
    record Columns(ArrayNode t, ArrayNode n, ArrayNode v, ArrayNode th, ArrayNode w) {
        void add(long endUs, int total, double value, double threshold, boolean wake) {
            t.add(endUs / 1e6);
            n.add(total);
            v.add((float) value);
            th.add((float) threshold);
            w.add(wake ? 1 : 0);
        }
    }
}
