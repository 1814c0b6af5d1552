package dev.vigil.drivers.accel.engine;

import dev.vigil.runtime.hal.VectorSupport;
import org.tinylog.Logger;

/**
 * The two inner loops that bound the engine's speed: adding a synapse run into accumulators, and one
 * block of shift-leak LIF neurons (leak, integrate, fire, reset to zero). Both implementations compute
 * the same integers: {@link VectorKernels} with the JDK's Vector API where {@link VectorSupport#available()},
 * {@link ScalarKernels} otherwise.
 */
sealed interface EngineKernels permits ScalarKernels, VectorKernels {
    /** Adds {@code times * weights[offset + j]} into {@code acc[target + j]} for {@code j < length}. */
    void addRun(int[] acc, int target, int[] weights, int offset, int length, int times);

    /**
     * Leaks, integrates and fires the neurons {@code start .. end-1} of {@code l}: {@code v = v - (v >> shift) + in},
     * a neuron at or above {@code threshold} resets to 0 and is appended to {@code l.spikes} from index
     * {@code fired} in index order, the input is cleared, and the neurons that received input are added to
     * {@code l.activeNeurons}. Returns the new number of spikes listed.
     */
    int integrateAndFire(EngineLayer l, int[] input, int start, int end, int shift, int threshold, int fired);

    /**
     * Leaks the neurons {@code start .. end-1} of {@code v} without input and tells whether every one of them
     * now sits in {@code [0, quietLimit)}.
     */
    boolean leakAndCheckQuiet(int[] v, int start, int end, int shift, int quietLimit);

    /** The Vector API kernels where the API is available, else the scalar ones. */
    static EngineKernels best() {
        if (VectorSupport.available()) {
            return VectorKernels.INSTANCE;
        }
        Logger.debug("engine: {}", VectorSupport.describe());
        return ScalarKernels.INSTANCE;
    }
}
