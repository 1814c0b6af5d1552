package dev.vigil.runtime.compile;

import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaFormat;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Relay;
import dev.vigil.runtime.network.SumPoolLayer;
import dev.vigil.runtime.nir.NirFiles;
import dev.vigil.runtime.nir.NirFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import and quantisation of small NIR graphs written by the test, with hand-computed figures. */
class QuantiserTest {
    private static final double DT = 1e-3;

    @TempDir
    Path tmp;

    private static NirFiles lif(String name, double tau, double threshold) {
        return new NirFiles().node(name, "LIF", "tau", new double[] {tau}, "r", new double[] {1},
                "v_leak", new double[] {0}, "v_threshold", new double[] {threshold});
    }

    @Test
    void quantisesWeightsThresholdAndDecayAsComputedByHand() throws Exception {
        // tau = 10 dt: gain dt/tau * r = 0.1, so effective weights 0.05 and -0.025, threshold 1.
        // Exponent 7 and 6 put the threshold above 17 bits; exponent 5: scale = 127 * 32 / 0.05 = 81280,
        // weights 127 << 5 = 4064 and round(-63.5) = -63 -> -2016, threshold 81280, dv = round(409.6) = 410.
        Path f = lif("lif", 10 * DT, 1).node("in", "Input", "shape", new long[] {2})
                .node("w", "Linear", "weight", new double[][] {{0.5, -0.25}})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "w", "lif", "out")
                .write(tmp.resolve("lif.nir"));
        CompilationResult r = ModelCompiler.compile(f, loihiFormat(), DT);
        DenseLayer layer = assertInstanceOf(DenseLayer.class, r.model().network().layers().getFirst());
        assertArrayEquals(new int[] {4064, -2016}, layer.weights());
        CubaLif n = assertInstanceOf(CubaLif.class, layer.neuron());
        assertEquals(81280, n.threshold());
        assertEquals(410, n.dv());
        assertEquals(4095, n.du());
        LayerQuantisation q = r.model().report().layers().getFirst();
        assertEquals(5, q.weightExponent());
        assertEquals(81280, q.scale(), 1e-6);
        assertEquals(Math.abs(-0.025 + 2016 / 81280.0), q.maxAbsWeightError(), 1e-12);
        assertEquals(Math.abs(-0.025 + 2016 / 81280.0) / 2, q.meanAbsWeightError(), 1e-12);
        assertEquals(0, q.thresholdError(), 1e-12);
        assertTrue(r.report().contains("voltage decay dt/tau = 0.100000 -> 410/4096"), r.report());
    }

    /** Loihi's fixed point (8-bit weight mantissas, exponent 0..7) without the chip's pipeline delay. */
    private static DeviceCapabilities loihiFormat() {
        return new DeviceCapabilities("loihi-format", "Loihi's fixed point", Set.of(CubaLif.KIND, Relay.KIND), 8, 24,
                128, 1024, 1 << 17, EnergyModel.LOIHI_2018, DeviceCapabilities.ALL_LAYER_KINDS, 7, 0);
    }

    private static DeviceCapabilities noExponent(int weightBits) {
        return new DeviceCapabilities("narrow", weightBits + "-bit weights without exponent", Set.of(CubaLif.KIND),
                weightBits, 24, 1, 1024, 1 << 16, EnergyModel.LOIHI_2018, DeviceCapabilities.ALL_LAYER_KINDS, 0, 0);
    }

    @Test
    void aDeviceWithoutWeightExponentGetsPlainMantissasAndTheReportSaysWhatItCost() throws Exception {
        // the layer of the test above (effective weights 0.05, -0.025, threshold 1) would take exponent 5;
        // with 8-bit weights and no exponent: scale = 127 / 0.05 = 2540, weights 127 and round(-63.5) = -63,
        // threshold 2540. With 4-bit weights: scale = 7 / 0.05 = 140, weights 7 and round(-3.5) = -3,
        // threshold 140 (the unconstrained exponent would be 7: 140 << 7 = 17920 still fits 17 bits).
        Path f = lif("lif", 10 * DT, 1).node("in", "Input", "shape", new long[] {2})
                .node("w", "Linear", "weight", new double[][] {{0.5, -0.25}})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "w", "lif", "out")
                .write(tmp.resolve("lif.nir"));
        int[][] weights = {{127, -63}, {7, -3}};
        int[] thresholds = {2540, 140};
        int[] unconstrained = {5, 7};
        int[] bits = {8, 4};
        for (int k = 0; k < 2; k++) {
            CompilationResult r = ModelCompiler.compile(f, noExponent(bits[k]), DT);
            DenseLayer layer = assertInstanceOf(DenseLayer.class, r.model().network().layers().getFirst());
            assertArrayEquals(weights[k], layer.weights());
            assertEquals(thresholds[k], ((CubaLif) layer.neuron()).threshold());
            LayerQuantisation q = r.model().report().layers().getFirst();
            assertEquals(0, q.weightExponent());
            assertEquals(thresholds[k], q.scale(), 1e-9);
            assertEquals(Math.abs(-0.025 - weights[k][1] / (double) thresholds[k]), q.maxAbsWeightError(), 1e-12);
            assertTrue(r.report().contains("weight exponent 0 instead of " + unconstrained[k] + ": device 'narrow'"
                    + " holds " + bits[k] + "-bit weights with exponent 0..0"), r.report());
        }
    }

    @Test
    void aThresholdThatRoundsToZeroIsCalledOut() throws Exception {
        // effective weight 0.05 against threshold 1e-4 (500 thresholds): 8 bits without exponent give
        // scale 2540, threshold round(0.254) = 0; the widest format (exponent 7) keeps round(32.5) = 33
        Path f = lif("lif", 10 * DT, 1e-4).node("in", "Input", "shape", new long[] {1})
                .node("w", "Linear", "weight", new double[][] {{0.5}})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "w", "lif", "out")
                .write(tmp.resolve("low.nir"));
        CompilationResult narrow = ModelCompiler.compile(f, noExponent(8), DT);
        assertEquals(0, ((CubaLif) narrow.model().network().layers().getFirst().neuron()).threshold());
        assertEquals(1, narrow.model().report().layers().getFirst().thresholdError(), 1e-12);
        assertTrue(narrow.report().contains("threshold rounds to 0: the neurons spike on any positive potential"
                + " (the largest weight is 500.0 thresholds"), narrow.report());
        CompilationResult wide = ModelCompiler.compile(f, loihiFormat(), DT);
        assertEquals(33, ((CubaLif) wide.model().network().layers().getFirst().neuron()).threshold());
        assertTrue(!wide.report().contains("rounds to 0"), wide.report());
    }

    @Test
    void aStepLongerThanATimeConstantIsCalledOutWithAStepThatFits() throws Exception {
        // tau = 0.2 ms at dt = 1 ms: dt/tau = 5, the voltage is forgotten every step; a tenth of tau is 0.02 ms
        Path f = lif("lif", 2e-4, 1).node("in", "Input", "shape", new long[] {1})
                .node("w", "Linear", "weight", new double[][] {{0.5}})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "w", "lif", "out")
                .write(tmp.resolve("fast.nir"));
        String coarse = ModelCompiler.compile(f, new ReferenceDevice().capabilities(), DT).report();
        assertTrue(coarse.contains("warning: the step is 5.0 times this time constant, so the voltage state is"
                + " forgotten every step; compile with a --dt below tau (e.g. --dt 0.00002)"), coarse);
        String fine = ModelCompiler.compile(f, new ReferenceDevice().capabilities(), 2e-5).report();
        assertTrue(!fine.contains("warning: the step"), fine);
    }

    @Test
    void importsConvolutionPoolingFlattenAndDense() throws Exception {
        double[][][][] kernel = new double[4][2][3][3];
        kernel[0][0][1][1] = 1;
        kernel[3][1][0][2] = -0.5;
        Path f = lif("lif1", 10 * DT, 1).node("in", "Input", "shape", new long[] {2, 8, 8})
                .node("conv", "Conv2d", "weight", kernel, "stride", new long[] {1, 1}, "padding", new long[] {1, 1},
                        "dilation", new long[] {1, 1}, "groups", 1L, "bias", new double[4])
                .node("pool", "AvgPool2d", "kernel_size", new long[] {2, 2}, "stride", new long[] {2, 2},
                        "padding", new long[] {0, 0})
                .node("flat", "Flatten", "start_dim", 1L, "end_dim", -1L)
                .node("fc", "Affine", "weight", new double[10][64], "bias", new double[10])
                .node("lif2", "CubaLIF", "tau_syn", new double[] {5 * DT}, "tau_mem", new double[] {10 * DT},
                        "r", new double[] {1}, "v_leak", new double[] {0}, "v_threshold", new double[] {1},
                        "w_in", new double[] {1})
                .node("out", "Output", "shape", new long[] {10})
                .chain("in", "conv", "lif1", "pool", "flat", "fc", "lif2", "out").write(tmp.resolve("cnn.nir"));
        CompilationResult r = ModelCompiler.compile(f, loihiFormat(), DT);
        var layers = r.model().network().layers();
        ConvLayer conv = assertInstanceOf(ConvLayer.class, layers.get(0));
        assertEquals(4 * 8 * 8, conv.neurons());
        // effective weights 0.1 and -0.05: exponent 6, scale 127 * 64 / 0.1 = 81280 (threshold 81280 fits 17 bits)
        assertEquals(127 << 6, conv.weight(0, 0, 1, 1));
        assertEquals(-(63 << 6), conv.weight(3, 1, 0, 2), "round(-63.5) = -63");
        SumPoolLayer pool = assertInstanceOf(SumPoolLayer.class, layers.get(1));
        assertEquals(4 * 4 * 4, pool.neurons());
        DenseLayer fc = assertInstanceOf(DenseLayer.class, layers.get(2));
        assertEquals(64, fc.inputs());
        CubaLif cuba = assertInstanceOf(CubaLif.class, fc.neuron());
        assertEquals(818, cuba.du(), "round(4096 * 0.2) - 1");
    }

    @Test
    void delayNodeOfOneStepDelaysTheLayerAndLongerDelaysAreRefused() throws Exception {
        NirFiles graph = lif("lif", 10 * DT, 1).node("in", "Input", "shape", new long[] {1})
                .node("w", "Linear", "weight", new double[][] {{1}})
                .node("out", "Output", "shape", new long[] {1});
        Path one = graph.node("d", "Delay", "delay", new double[] {DT}).chain("in", "w", "d", "lif", "out")
                .write(tmp.resolve("d1.nir"));
        CompilationResult r = ModelCompiler.compile(one, new ReferenceDevice().capabilities(), DT);
        assertEquals(1, ((CubaLif) r.model().network().layers().getFirst().neuron()).delay());
        Path three = lif("lif", 10 * DT, 1).node("in", "Input", "shape", new long[] {1})
                .node("w", "Linear", "weight", new double[][] {{1}}).node("out", "Output", "shape", new long[] {1})
                .node("d", "Delay", "delay", new double[] {3 * DT}).chain("in", "w", "d", "lif", "out")
                .write(tmp.resolve("d3.nir"));
        NirFormatException e = assertThrows(NirFormatException.class,
                () -> ModelCompiler.compile(three, new ReferenceDevice().capabilities(), DT));
        assertTrue(e.getMessage().contains("delay of 3 steps not supported"), e.getMessage());
    }

    @Test
    void refusesWhatFixedPointNeuronsCannotExpressByName() {
        Path below = new NirFiles().node("in", "Input", "shape", new long[] {1})
                .node("w", "Linear", "weight", new double[][] {{1}})
                .node("lif", "LIF", "tau", new double[] {0.01}, "r", new double[] {1}, "v_leak", new double[] {0},
                        "v_threshold", new double[] {1}, "v_reset", new double[] {1.5})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "w", "lif", "out")
                .write(tmp.resolve("reset.nir"));
        NirFormatException r = assertThrows(NirFormatException.class,
                () -> ModelCompiler.compile(below, new ReferenceDevice().capabilities(), DT));
        assertTrue(r.getMessage().contains("node 'lif': v_threshold of neuron 0 does not lie above v_reset"),
                r.getMessage());
        Path negative = new NirFiles().node("in", "Input", "shape", new long[] {2})
                .node("w", "Linear", "weight", new double[][] {{1, 0}, {0, 1}})
                .node("lif", "LIF", "tau", new double[] {0.01, -0.02}, "r", new double[] {1, 1},
                        "v_leak", new double[] {0, 0}, "v_threshold", new double[] {1, 1})
                .node("out", "Output", "shape", new long[] {2}).chain("in", "w", "lif", "out")
                .write(tmp.resolve("tau.nir"));
        NirFormatException e = assertThrows(NirFormatException.class,
                () -> ModelCompiler.compile(negative, new ReferenceDevice().capabilities(), DT));
        assertTrue(e.getMessage().contains("node 'lif': parameter 'tau' = -0.02 (neuron 1) must be positive"),
                e.getMessage());
        Path odd = new NirFiles().node("in", "Input", "shape", new long[] {3})
                .node("w", "Linear", "weight", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})
                .node("lif", "LIF", "tau", new double[] {0.01, 0.02}, "r", new double[] {1}, "v_leak", new double[] {0},
                        "v_threshold", new double[] {1})
                .node("out", "Output", "shape", new long[] {3}).chain("in", "w", "lif", "out")
                .write(tmp.resolve("odd.nir"));
        NirFormatException o = assertThrows(NirFormatException.class,
                () -> ModelCompiler.compile(odd, new ReferenceDevice().capabilities(), DT));
        assertTrue(o.getMessage().contains("node 'lif': parameter 'tau' of shape [2] does not fit the layer's shape"
                + " [3]"), o.getMessage());
    }

    @Test
    void wideFormatKeepsDyadicParametersExactAndShiftsTheResetToZero() throws Exception {
        // IF, r = 1, weights 0.5 and -0.25, v_threshold 1 + 2^-10, v_reset -0.25: the device's voltage is
        // v + 0.25, its threshold 1.2509765625 = 1281/1024; the largest 2^k keeping 1281/1024 * 2^k within
        // 2^20 is 2^19: weights 262144 and -131072, threshold 655872, initial voltage 0.25 * 2^19 = 131072
        Path f = new NirFiles().node("in", "Input", "shape", new long[] {2})
                .node("w", "Linear", "weight", new double[][] {{0.5, -0.25}})
                .node("if", "IF", "r", new double[] {1}, "v_threshold", new double[] {1 + Math.scalb(1.0, -10)},
                        "v_reset", new double[] {-0.25})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "w", "if", "out")
                .write(tmp.resolve("if.nir"));
        CompilationResult r = ModelCompiler.compile(f, new ReferenceDevice().capabilities(), DT);
        DenseLayer layer = assertInstanceOf(DenseLayer.class, r.model().network().layers().getFirst());
        assertArrayEquals(new int[] {262144, -131072}, layer.weights());
        CubaLif n = assertInstanceOf(CubaLif.class, layer.neuron());
        assertEquals(CubaFormat.WIDE, n.format());
        assertEquals(655872, n.threshold());
        assertArrayEquals(new int[] {131072}, n.initialV());
        assertEquals((1 << 24) - 1, n.du(), "the current lasts one step");
        assertEquals(0, n.dv(), "no leak");
        LayerQuantisation q = r.model().report().layers().getFirst();
        assertEquals(0, q.maxAbsWeightError());
        assertEquals(0, q.thresholdError());
        assertTrue(r.report().contains("scale 2^19 per unit of voltage"), r.report());
    }

    @Test
    void perNeuronTimeConstantsAndThresholdsBecomePerNeuronDecaysAndScales() throws Exception {
        // tau 2 and 4 ms at dt 1 ms: voltage decays 1/2 and 1/4 (2^23 and 2^22 of 2^24); r = tau/dt makes
        // both gains 1. Thresholds 1 and 0.5: the second neuron is scaled by 2, so its weight doubles.
        Path f = new NirFiles().node("in", "Input", "shape", new long[] {1})
                .node("w", "Linear", "weight", new double[][] {{0.25}, {0.25}})
                .node("lif", "LIF", "tau", new double[] {2 * DT, 4 * DT}, "r", new double[] {2, 4},
                        "v_leak", new double[] {0, 0}, "v_threshold", new double[] {1, 0.5})
                .node("out", "Output", "shape", new long[] {2}).chain("in", "w", "lif", "out")
                .write(tmp.resolve("per.nir"));
        CompilationResult r = ModelCompiler.compile(f, new ReferenceDevice().capabilities(), DT);
        DenseLayer layer = assertInstanceOf(DenseLayer.class, r.model().network().layers().getFirst());
        CubaLif n = assertInstanceOf(CubaLif.class, layer.neuron());
        assertArrayEquals(new int[] {1 << 23, 1 << 22}, n.dvs());
        assertEquals(2 * layer.weight(0, 0), layer.weight(0, 1), "weights " + Arrays.toString(layer.weights()));
        assertEquals(1 << 20, n.threshold(), "threshold 1 at scale 2^20");
        assertEquals(1 << 18, layer.weight(0, 0), "0.25 at scale 2^20");
    }

    @Test
    void refusesABranchingGraphNamingTheNode() {
        Path f = lif("lif", 0.01, 1).node("in", "Input", "shape", new long[] {1})
                .node("a", "Linear", "weight", new double[][] {{1}}).node("b", "Linear", "weight", new double[][] {{1}})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "a", "lif", "out").chain("in", "b")
                .write(tmp.resolve("branch.nir"));
        NirFormatException e = assertThrows(NirFormatException.class,
                () -> ModelCompiler.compile(f, new ReferenceDevice().capabilities(), DT));
        assertTrue(e.getMessage().contains("node 'in' feeds 2 nodes"), e.getMessage());
    }
}
