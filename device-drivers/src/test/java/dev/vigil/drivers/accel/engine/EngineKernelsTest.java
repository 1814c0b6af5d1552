package dev.vigil.drivers.accel.engine;

import dev.vigil.drivers.accel.Trace;
import dev.vigil.drivers.accel.fast.FastDevice;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.SumPoolLayer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's two kernel sets against the golden device, step by step, on shapes that reach every tail:
 * runs that are not a multiple of a vector, layers that are not a multiple of a block, repeated events on one
 * input (a run added several times over) and quiet blocks.
 */
class EngineKernelsTest {

    @Test
    void testJvmsRunTheVectorKernels() {
        // the build adds jdk.incubator.vector to every test JVM, so the device tests exercise what the offline commands use
        assertInstanceOf(VectorKernels.class, EngineKernels.best());
    }

    @Test
    void convolutionWithOddChannelsAndWidthsMatchesGolden() throws Exception {
        Random rnd = new Random(11);
        FeatureShape grid = new FeatureShape(3, 14, 22);
        SumPoolLayer pool = new SumPoolLayer("pool", grid, 2, 2);
        int[] w = randomWeights(rnd, 5 * 3 * 3 * 3, 90);
        ConvLayer conv = ConvLayer.square("conv", pool.output(), 5, 3, 1, 1, 1, w, NeuronParams.lif(160, 3));
        Network net = new Network("conv", grid.size(), List.of(pool, conv));
        assertAllAgree(net, 1, randomEvents(rnd, grid.size(), 400, 30));
    }

    @Test
    void wideDenseLayerWithSparseInputMatchesGolden() throws Exception {
        Random rnd = new Random(12);
        int inputs = 37;
        int neurons = 1_300;
        int[] w = new int[inputs * neurons];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextInt(6) == 0 ? rnd.nextInt(401) - 150 : 0;
        }
        Network net = new Network("wide", inputs, List.of(new DenseLayer("l", inputs, neurons, w,
                NeuronParams.lif(200, 2))));
        assertAllAgree(net, 0, randomEvents(rnd, inputs, 300, 3));
    }

    private static void assertAllAgree(Network net, int layer, int[][] events) throws Exception {
        Network lowered = NetworkCompiler.compile(net, new FastDevice().capabilities()).network();
        EventEngine scalar = new EventEngine(lowered, null, 32, ScalarKernels.INSTANCE);
        EventEngine vector = new EventEngine(lowered, null, 32, VectorKernels.INSTANCE);
        long spikes = 0;
        try (DeviceSession golden = new ReferenceDevice().open(
                NetworkCompiler.compile(net, new ReferenceDevice().capabilities()))) {
            for (int s = 0; s < events.length; s++) {
                List<Integer> expected = Trace.step(golden, events[s], false);
                assertEquals(expected, Trace.step(scalar, events[s], false), "scalar kernels, step " + s);
                assertEquals(expected, Trace.step(vector, events[s], false), "vector kernels, step " + s);
                int[] v = golden.potentials(layer);
                assertArrayEquals(v, scalar.potentials(layer), "scalar kernels' potentials, step " + s);
                assertArrayEquals(v, vector.potentials(layer), "vector kernels' potentials, step " + s);
                spikes += expected.size();
            }
        }
        assertTrue(spikes > events.length, "the test drives the layer to fire: " + spikes + " spikes");
        ActivityCounts a = scalar.counts();
        ActivityCounts b = vector.counts();
        assertEquals(a, b);
        assertTrue(a.activeNeuronUpdates() > 0 && a.activeNeuronUpdates() < a.neuronUpdates(), a.toString());
    }

    private static int[] randomWeights(Random rnd, int count, int magnitude) {
        int[] w = new int[count];
        for (int i = 0; i < count; i++) {
            w[i] = rnd.nextInt(2 * magnitude + 1) - magnitude / 2;
        }
        return w;
    }

    /** Up to {@code perStep} events per step, drawn with repetition, and one step in five without any. */
    private static int[][] randomEvents(Random rnd, int inputs, int steps, int perStep) {
        int[][] events = new int[steps][];
        for (int s = 0; s < steps; s++) {
            int n = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(perStep);
            events[s] = new int[n];
            for (int k = 0; k < n; k++) {
                events[s][k] = rnd.nextInt(rnd.nextBoolean() ? Math.min(inputs, 6) : inputs);
            }
        }
        return events;
    }
}
