package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.CpuDenseDevice;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.wake.WakeDecision;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A dense device for tests: runs the CPU engine and records each invocation's input and the end of the
 * last window the pipeline's observer reported before it ({@link #observed}); when built to require a
 * wake, it fails an invocation that does not directly follow a waking decision.
 */
final class RecordingDenseDevice implements DenseDevice {
    final List<int[]> inputs = new ArrayList<>();
    final List<Long> windowEnds = new ArrayList<>();
    private final boolean requireWake;
    private WakeDecision lastDecision;
    private long lastWindowEnd;

    RecordingDenseDevice(boolean requireWake) {
        this.requireWake = requireWake;
    }

    /** To be called from the pipeline's window observer. */
    void observed(long windowEndUs, WakeDecision decision) {
        lastWindowEnd = windowEndUs;
        lastDecision = decision;
    }

    @Override
    public String id() {
        return "recorder";
    }

    @Override
    public String description() {
        return "records invocations";
    }

    @Override
    public double joulesPerMac() {
        return 0;
    }

    @Override
    public boolean onHostCpu() {
        return true;
    }

    @Override
    public DenseExecutor load(Int8Model model) {
        DenseExecutor real = new CpuDenseDevice().load(model);
        return (input, logits) -> {
            if (requireWake) {
                assertTrue(lastDecision != null && lastDecision.wake(), "dense invoked after a non-wake decision " + lastDecision);
            }
            inputs.add(input.clone());
            windowEnds.add(lastWindowEnd);
            real.run(input, logits);
        };
    }
}
