package dev.vigil.drivers.accel.northpole;

import dev.vigil.runtime.dense.CpuDenseDevice;
import dev.vigil.runtime.dense.DenseDevices;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NorthPoleBitEqualTest {

    private static byte[] weights(SplittableRandom r, int n) {
        byte[] w = new byte[n];
        for (int i = 0; i < n; i++) {
            w[i] = (byte) r.nextInt(-128, 128);
        }
        return w;
    }

    private static int[] bias(SplittableRandom r, int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextInt(-2000, 2000);
        }
        return b;
    }

    private static Int8Model mlp(SplittableRandom r) {
        return Int8Model.mlp("mlp", 1, List.of(
                new Int8Layer(16, 32, weights(r, 512), bias(r, 32), 7, true),
                new Int8Layer(32, 12, weights(r, 384), bias(r, 12), 6, true),
                new Int8Layer(12, 3, weights(r, 36), bias(r, 3), 0, false)), List.of("a", "b", "c"), 0.1);
    }

    private static Int8Model cnn1d(SplittableRandom r) {
        // 8 windows x 4 readouts; 6 temporal kernels over 3 windows, then 3 more over 2 windows of those
        Int8Op c1 = new Int8Conv2d(1, 8, 4, 6, 3, 4, weights(r, 72), bias(r, 6), 6, true);
        Int8Op c2 = new Int8Conv2d(6, 6, 1, 3, 2, 1, weights(r, 36), bias(r, 3), 5, true);
        Int8Op fc = new Int8Layer(15, 2, weights(r, 30), bias(r, 2), 0, false);
        return new Int8Model("cnn1d", 0, 8, List.of(c1, c2, fc), List.of("x", "y"), 0.1);
    }

    private static Int8Model cnn2d(SplittableRandom r) {
        Int8Op c1 = new Int8Conv2d(1, 6, 8, 4, 3, 3, weights(r, 36), bias(r, 4), 6, true);
        Int8Op c2 = new Int8Conv2d(4, 4, 6, 2, 2, 2, weights(r, 32), bias(r, 2), 5, true);
        Int8Op fc = new Int8Layer(30, 4, weights(r, 120), bias(r, 4), 0, false);
        return new Int8Model("cnn2d", 2, 6, List.of(c1, c2, fc), List.of("p", "q", "r", "s"), 0.1);
    }

    @Test
    void mlpAnd1dAnd2dCnnGiveBitEqualLogitsOnTheGoldenEngineAndTheEmulatedDevice() {
        SplittableRandom r = new SplittableRandom(20261123);
        int saturatedOrNonZero = 0;
        for (Int8Model m : List.of(mlp(r), cnn1d(r), cnn2d(r))) {
            DenseExecutor golden = new CpuDenseDevice().load(m);
            DenseExecutor device = new NorthPoleDenseDevice().load(m);
            int[] in = new int[m.inputs()];
            int[] a = new int[m.labels().size()];
            int[] b = new int[a.length];
            for (int trial = 0; trial < 500; trial++) {
                for (int i = 0; i < in.length; i++) {
                    in[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(128);
                }
                golden.run(in, a);
                device.run(in, b);
                assertArrayEquals(a, b, m.name() + " trial " + trial);
                for (int v : a) {
                    saturatedOrNonZero += v != 0 ? 1 : 0;
                }
            }
        }
        assertTrue(saturatedOrNonZero > 1000, "logits must be non-trivial for the comparison to mean anything");
    }

    @ParameterizedTest
    @EnumSource(RandomOps.Kind.class)
    void everyLayerKindIsBitEqualOnAThousandRandomInputsAndDoesTheMacsItCounts(RandomOps.Kind kind) {
        RandomOps random = new RandomOps(new SplittableRandom(kind.ordinal() * 7919L + 1));
        Set<Integer> values = new HashSet<>();
        for (int config = 0; config < 20; config++) {
            Int8Op op = random.of(kind);
            LoweredLayer lowered = DenseLowering.lower(op);
            assertEquals(op.macs(), lowered.taps(), op + ": MACs counted against gathered taps");
            DenseExecutor device = new NorthPoleExecutor(List.of(lowered), Math.max(op.inputs(), op.outputs()));
            int[] golden = new int[op.outputs()];
            int[] emulated = new int[op.outputs()];
            for (int trial = 0; trial < 50; trial++) {
                int[] x = random.input(op.inputs());
                op.forward(x, golden);
                device.run(x, emulated);
                assertArrayEquals(golden, emulated, op + " input " + trial);
                for (int v : golden) {
                    values.add(v);
                }
            }
        }
        assertTrue(values.size() > 20, kind + " gave only " + values.size() + " distinct outputs: the comparison would mean little");
    }

    @Test
    void randomSmallModelsMixingLayerKindsAreBitEqual() {
        RandomOps random = new RandomOps(new SplittableRandom(424242));
        Set<Integer> winners = new HashSet<>();
        for (int m = 0; m < 100; m++) {
            Int8Model model = random.model("random-" + m);
            DenseExecutor golden = new CpuDenseDevice().load(model);
            DenseExecutor device = new NorthPoleDenseDevice().load(model);
            int[] a = new int[model.labels().size()];
            int[] b = new int[a.length];
            for (int trial = 0; trial < 10; trial++) {
                int[] x = random.input(model.inputs());
                golden.run(x, a);
                device.run(x, b);
                assertArrayEquals(a, b, model.name() + " " + model.layers() + " input " + trial);
                int best = 0;
                for (int o = 1; o < a.length; o++) {
                    best = a[o] > a[best] ? o : best;
                }
                winners.add(best);
            }
        }
        assertEquals(Set.of(0, 1, 2, 3, 4), winners, "every class wins somewhere");
    }

    @Test
    void foundThroughServiceLoaderById() {
        assertInstanceOf(NorthPoleDenseDevice.class, DenseDevices.find("northpole").orElseThrow());
        assertTrue(DenseDevices.ids().contains("northpole"));
    }
}
