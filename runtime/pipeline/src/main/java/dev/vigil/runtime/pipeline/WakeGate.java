package dev.vigil.runtime.pipeline;

import dev.vigil.wake.PreTriggerBuffer;
import dev.vigil.wake.SensorFusion;
import dev.vigil.wake.WakeDecision;
import dev.vigil.wake.WakePolicy;
import org.tinylog.Logger;

/**
 * A lane's wake gating, window by window: the window goes into the pre-trigger buffer, the wake policy
 * decides, fused with the other sensors, and wakes and refusals are counted. A wake is held until the
 * windows of its post-trigger span have come; then {@link #judge} says the dense stage runs, on the
 * buffer: the windows before the waking one, the waking one and those after it. A wake while one is
 * pending joins it. Allocates nothing per window beyond the policy's decision.
 */
final class WakeGate {
    private final String sensor;
    private final PreTriggerBuffer buffer;
    private final int postWindows;
    private final long hopUs;
    private final SensorFusion fusion;
    private final int fusionIndex;
    private final WindowObserver observer;
    private final int[] wakeCounts;
    private final int[] noCounts;
    private WakePolicy policy;
    /** Windows still to come before the pending wake's dense run; -1 when none is pending. */
    private int pending = -1;
    private long wakeStartUs;
    private String wakeReason;
    private long windows;
    private long wakes;
    private long refused;

    /**
     * A gate for {@code model}'s lane, with windows closing every {@code hopUs}, deciding by
     * {@code policy} and {@code fusion}, showing every window to {@code observer} (may be null).
     */
    WakeGate(LaneModel model, long hopUs, WakePolicy policy, SensorFusion fusion, WindowObserver observer) {
        int neurons = model.network().outputs();
        this.sensor = model.sensor();
        this.postWindows = PreTriggerBuffer.windowsFor(model.wake().postTriggerMs() * 1000L, hopUs) - 1;
        int rows = Math.max(model.head().windows(),
                PreTriggerBuffer.windowsFor(model.wake().preTriggerMs() * 1000L, hopUs) + postWindows);
        this.buffer = new PreTriggerBuffer(neurons, rows);
        this.hopUs = hopUs;
        this.policy = policy;
        this.fusion = fusion;
        this.fusionIndex = fusion.indexOf(sensor);
        this.observer = observer;
        this.wakeCounts = new int[neurons];
        this.noCounts = new int[neurons];
    }

    /** Decides from now on by {@code next}. */
    void use(WakePolicy next) {
        policy = next;
    }

    /**
     * Judges the window from {@code startUs} to {@code endUs} with readout {@code counts}; true when the
     * dense stage runs now, on {@link #copyWindowsTo the buffer}, for the wake {@link #wakeReason()} names.
     */
    boolean judge(long startUs, long endUs, int[] counts) {
        windows++;
        buffer.push(endUs, counts);
        WakeDecision decision = fusion.fuse(fusionIndex, endUs, policy.decide(endUs, counts));
        if (observer != null) {
            observer.window(sensor, endUs, counts, decision);
        }
        boolean starts = false;
        if (decision.wake()) {
            wakes++;
            Logger.debug("wake on {}: {}", sensor, decision.reason());
            if (pending < 0) {
                starts = true;
                pending = postWindows;
                wakeStartUs = startUs;
                wakeReason = decision.reason();
                System.arraycopy(counts, 0, wakeCounts, 0, wakeCounts.length);
            }
        } else if (decision.outcome().refused()) {
            refused++;
            Logger.debug("wake on {} refused: {}", sensor, decision.reason());
        }
        if (!starts && pending > 0) {
            pending--;
        }
        if (pending != 0) {
            return false;
        }
        pending = -1;
        return true;
    }

    /** True while a wake waits for its post-trigger windows. */
    boolean pending() {
        return pending >= 0;
    }

    /**
     * Releases the pending wake when the stream ended at {@code nowUs}, inside its post-trigger span: the
     * windows that never came count as empty. Returns the end of the last of them, when the dense stage runs.
     */
    long releaseAtEnd(long nowUs) {
        long t = nowUs;
        for (; pending > 0; pending--) {
            t += hopUs;
            buffer.push(t, noCounts);
        }
        pending = -1;
        return t;
    }

    /** Copies the buffered windows, oldest first, into {@code tensor} (length {@link #bufferSize()}). */
    void copyWindowsTo(int[] tensor) {
        buffer.copyTo(tensor);
    }

    /** Counts the buffer holds: windows × readouts. */
    int bufferSize() {
        return buffer.size();
    }

    /** Device time at the start of the last wake's window. */
    long wakeStartUs() {
        return wakeStartUs;
    }

    /** Why the last wake fired. */
    String wakeReason() {
        return wakeReason;
    }

    /** The last waking window's readout counts (backing array, do not modify). */
    int[] wakeCounts() {
        return wakeCounts;
    }

    /** What the gate did so far. */
    LaneStats.Wake stats() {
        return new LaneStats.Wake(windows, wakes, refused);
    }
}
