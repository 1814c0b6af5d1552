package dev.vigil.drivers.accel.engine;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The engine's kernels on the JDK's Vector API (incubating; loaded only when its module is present). A block
 * of neurons is leaked, integrated, compared and reset a whole vector at a time, and the lanes that fired come
 * out of the comparison as a bit mask, so spikes are listed without comparing neurons one by one. Runs are
 * added in vectors of at most 256 bits: a convolution's run is a multiple of its channels (8 in the DVS front
 * end), which wider vectors would leave to the scalar tail.
 */
final class VectorKernels implements EngineKernels {
    private static final VectorSpecies<Integer> BLOCK = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> RUN =
            BLOCK.vectorBitSize() >= 256 ? IntVector.SPECIES_256 : IntVector.SPECIES_PREFERRED;

    @Override
    public void addRun(int[] acc, int target, int[] weights, int offset, int length, int times) {
        int j = 0;
        for (int bound = RUN.loopBound(length); j < bound; j += RUN.length()) {
            IntVector.fromArray(RUN, acc, target + j)
                    .add(IntVector.fromArray(RUN, weights, offset + j).mul(times))
                    .intoArray(acc, target + j);
        }
        for (; j < length; j++) {
            acc[target + j] += times * weights[offset + j];
        }
    }

    @Override
    public int integrateAndFire(EngineLayer l, int[] input, int start, int end, int shift, int threshold, int fired) {
        int[] v = l.v;
        int[] spikes = l.spikes;
        IntVector zero = IntVector.zero(BLOCK);
        IntVector touched = zero;
        int i = start;
        for (int bound = start + BLOCK.loopBound(end - start); i < bound; i += BLOCK.length()) {
            IntVector in = IntVector.fromArray(BLOCK, input, i);
            IntVector x = IntVector.fromArray(BLOCK, v, i);
            x = x.sub(x.lanewise(VectorOperators.ASHR, shift)).add(in);
            VectorMask<Integer> fires = x.compare(VectorOperators.GE, threshold);
            x.blend(zero, fires).intoArray(v, i);
            zero.intoArray(input, i);
            touched = touched.add(1, in.compare(VectorOperators.NE, 0));
            for (long lanes = fires.toLong(); lanes != 0; lanes &= lanes - 1) {
                spikes[fired++] = i + Long.numberOfTrailingZeros(lanes);
            }
        }
        int active = touched.reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) {
            int in = input[i];
            int x = v[i] - (v[i] >> shift) + in;
            input[i] = 0;
            active += (in | -in) >>> 31;
            if (x >= threshold) {
                x = 0;
                spikes[fired++] = i;
            }
            v[i] = x;
        }
        l.activeNeurons += active;
        return fired;
    }

    @Override
    public boolean leakAndCheckQuiet(int[] v, int start, int end, int shift, int quietLimit) {
        IntVector max = IntVector.broadcast(BLOCK, Integer.MIN_VALUE);
        IntVector min = IntVector.broadcast(BLOCK, Integer.MAX_VALUE);
        int i = start;
        for (int bound = start + BLOCK.loopBound(end - start); i < bound; i += BLOCK.length()) {
            IntVector x = IntVector.fromArray(BLOCK, v, i);
            x = x.sub(x.lanewise(VectorOperators.ASHR, shift));
            x.intoArray(v, i);
            max = max.max(x);
            min = min.min(x);
        }
        int hi = max.reduceLanes(VectorOperators.MAX);
        int lo = min.reduceLanes(VectorOperators.MIN);
        for (; i < end; i++) {
            int x = v[i] - (v[i] >> shift);
            v[i] = x;
            hi = Math.max(hi, x);
            lo = Math.min(lo, x);
        }
        return lo >= 0 && hi < quietLimit;
    }
}
