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
 * end), which wider vectors would leave to the scalar tail. What is left over after the last whole vector
 * goes to the {@link ScalarKernels}.
 */
final class VectorKernels implements EngineKernels {
    static final VectorKernels INSTANCE = new VectorKernels();
    private static final VectorSpecies<Integer> BLOCK = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> RUN =
            BLOCK.vectorBitSize() >= 256 ? IntVector.SPECIES_256 : IntVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    @Override
    public void addRun(int[] acc, int target, int[] weights, int offset, int length, int times) {
        int j = 0;
        for (int bound = RUN.loopBound(length); j < bound; j += RUN.length()) {
            IntVector.fromArray(RUN, acc, target + j)
                    .add(IntVector.fromArray(RUN, weights, offset + j).mul(times))
                    .intoArray(acc, target + j);
        }
        ScalarKernels.INSTANCE.addRun(acc, target + j, weights, offset + j, length - j, times);
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
        l.activeNeurons += touched.reduceLanes(VectorOperators.ADD);
        return ScalarKernels.INSTANCE.integrateAndFire(l, input, i, end, shift, threshold, fired);
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
        boolean tailQuiet = ScalarKernels.INSTANCE.leakAndCheckQuiet(v, i, end, shift, quietLimit);
        return tailQuiet && min.reduceLanes(VectorOperators.MIN) >= 0 && max.reduceLanes(VectorOperators.MAX) < quietLimit;
    }
}
