package dev.vigil.runtime.network;

import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The event-driven fan-out the emulators build their tables from agrees with the golden device's
 * textbook gather, for random convolutions (stride, padding, groups) and poolings.
 */
class FanOutTest {
    private static final QuantizedRelu IDENTITY_READ = new QuantizedRelu(1, 4);

    @Test
    void convolutionFanOutMatchesTheGather() throws Exception {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int groups = 1 + rnd.nextInt(2);
            FeatureShape in = new FeatureShape(groups * (1 + rnd.nextInt(2)), 1 + rnd.nextInt(7), 1 + rnd.nextInt(7));
            int kh = 1 + rnd.nextInt(Math.min(3, in.height()));
            int kw = 1 + rnd.nextInt(Math.min(3, in.width()));
            int out = groups * (1 + rnd.nextInt(3));
            int[] w = new int[out * (in.channels() / groups) * kh * kw];
            for (int i = 0; i < w.length; i++) {
                w[i] = rnd.nextInt(21) - 10;
            }
            ConvLayer conv = new ConvLayer("c", in, out, kh, kw, 1 + rnd.nextInt(2), 1 + rnd.nextInt(2),
                    rnd.nextInt(2), rnd.nextInt(2), groups, w, IDENTITY_READ);
            check(conv, rnd);
        }
    }

    @Test
    void poolingFanOutMatchesTheGather() throws Exception {
        Random rnd = new Random(8);
        for (int trial = 0; trial < 100; trial++) {
            FeatureShape in = new FeatureShape(1 + rnd.nextInt(2), 2 + rnd.nextInt(6), 2 + rnd.nextInt(6));
            int k = 1 + rnd.nextInt(2);
            check(new SumPoolLayer("p", in, k, 1 + rnd.nextInt(2)), rnd);
        }
    }

    private static void check(Layer layer, Random rnd) throws Exception {
        int[] counts = new int[layer.inputs()];
        int[] scattered = new int[layer.neurons()];
        Network net = new Network("n", layer.inputs(), List.of(layer));
        try (DeviceSession s = new ReferenceDevice().open(NetworkCompiler.compile(net,
                new ReferenceDevice().capabilities()))) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rnd.nextInt(3);
                for (int k = 0; k < counts[i]; k++) {
                    s.inject(i);
                    layer.fanOut(i, (t, w) -> scattered[t] += w);
                }
            }
            int[] emitted = new int[layer.neurons()];
            s.step(n -> emitted[n]++);
            if (layer instanceof SumPoolLayer) {
                assertArrayEquals(scattered, emitted, layer.toString());
            } else {
                assertArrayEquals(scattered, s.potentials(0), layer.toString());
            }
        }
    }

    @Test
    void shapesAndValidation() {
        ConvLayer c = ConvLayer.square("c", new FeatureShape(2, 64, 64), 8, 3, 1, 1, 1, new int[144], IDENTITY_READ);
        assertEquals(new FeatureShape(8, 64, 64), c.output());
        assertEquals(18, c.maxFanIn());
        assertThrows(IllegalArgumentException.class, () -> ConvLayer.square("bad", new FeatureShape(3, 8, 8), 4, 3, 1,
                1, 2, new int[4 * 3 * 9], IDENTITY_READ));
        assertThrows(IllegalArgumentException.class, () -> new CubaLif(0, 0, 4096, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CubaLif(4096, 0, 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new QuantizedRelu(1, 3));
    }
}
