package dev.vigil.drivers.accel.loihi;

import dev.vigil.drivers.accel.Trace;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Hand-computed traces pinning Loihi's fixed point on the Loihi-class device and on the golden device
 * running the same Loihi-compiled program (so with the chip's one-step input delay).
 */
class LoihiFixedPointTest {

    static Stream<NeuromorphicDevice> devices() {
        return Stream.of(new LoihiDevice(), new ReferenceDevice());
    }

    private static Network oneNeuron(int inputs, int weight, CubaLif neuron) {
        int[] w = new int[inputs];
        java.util.Arrays.fill(w, weight);
        return new Network("one", inputs, List.of(new DenseLayer("n", inputs, 1, w, neuron)));
    }

    private static Trace run(NeuromorphicDevice device, Network net, int[]... events) throws Exception {
        return Trace.run(device, new LoihiDevice().capabilities(), net, 0, events);
    }

    @ParameterizedTest
    @MethodSource("devices")
    void currentDecaysTowardZeroAndVoltageIntegrates(NeuromorphicDevice device) throws Exception {
        // du = 0: u keeps 4095/4096 per step; dv = 0: v keeps all. Input 10 arrives one step late, as 10 << 6.
        // u: 640, 640*4095>>12 = 639, 639*4095>>12 = 638; v: 640, 1279, 1917.
        Trace t = run(device, oneNeuron(1, 10, new CubaLif(0, 0, 0, 0, 1000, 0)), new int[] {0}, new int[0],
                new int[0], new int[0]);
        assertArrayEquals(new int[] {0, 640, 639, 638}, t.u(0));
        assertArrayEquals(new int[] {0, 640, 1279, 1917}, t.v(0));
    }

    @ParameterizedTest
    @MethodSource("devices")
    void negativeDecayRoundsTowardZeroNotDown(NeuromorphicDevice device) throws Exception {
        // u = -640, then -(640*4095 >> 12) = -639 (flooring would give -640); dv = 2048 halves v toward zero:
        // v = -640, then -320 + -639 = -959, then -479 + -638 = -1117 (-959/2 = -479.5 -> -479).
        Trace t = run(device, oneNeuron(1, -10, new CubaLif(0, 2048, 0, 0, 1000, 0)), new int[] {0}, new int[0],
                new int[0], new int[0]);
        assertArrayEquals(new int[] {0, -640, -639, -638}, t.u(0));
        assertArrayEquals(new int[] {0, -640, -959, -1117}, t.v(0));
    }

    @ParameterizedTest
    @MethodSource("devices")
    void currentWrapsAt24Bits(NeuromorphicDevice device) throws Exception {
        // nine inputs of 127 << 7 = 16256: I = 146304, I << 6 = 9363456 > 2^23, wraps to 9363456 - 2^24 = -7413760.
        // du = 4095 clears the current each step; dv = 4095 keeps 1/4096 of v: v = -7413760.
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        Trace t = run(device, oneNeuron(9, 127 << 7, new CubaLif(4095, 4095, 0, 0, 100, 0)), all, new int[0]);
        assertArrayEquals(new int[] {0, -7_413_760}, t.u(0));
        assertArrayEquals(new int[] {0, -7_413_760}, t.v(0));
    }

    @ParameterizedTest
    @MethodSource("devices")
    void voltageSaturatesAt24Bits(NeuromorphicDevice device) throws Exception {
        // each step I = -(4 * 127 << 7) = -65024, u = -65024 << 6 = -4161536; v with dv = 0 sums:
        // -4161536, -8323072, then -12484608 saturates at -(2^23 - 1) = -8388607, and stays there.
        int[] all = {0, 1, 2, 3};
        Trace t = run(device, oneNeuron(4, -(127 << 7), new CubaLif(4095, 0, 0, 0, 100, 0)), all, all, all, all,
                new int[0]);
        assertArrayEquals(new int[] {0, -4_161_536, -8_323_072, -8_388_607, -8_388_607}, t.v(0));
    }

    @ParameterizedTest
    @MethodSource("devices")
    void biasMantissaTimesTwoToTheExponentThenSpikeAboveScaledThreshold(NeuromorphicDevice device) throws Exception {
        // bias 5 << 3 = 40 per step, dv = 0: v = 40, 80, 120, ...; threshold 1 << 6 = 64 is exceeded at v = 80
        // (step 1), reset to 0, then 40, 80 (spike at step 3).
        Trace t = run(device, oneNeuron(1, 0, new CubaLif(4095, 0, 5, 3, 1, 0)), new int[0], new int[0], new int[0],
                new int[0]);
        assertArrayEquals(new int[] {40, 0, 40, 0}, t.v(0));
        assertArrayEquals(new int[] {1, 3}, t.spikeSteps(0));
    }

    @ParameterizedTest
    @MethodSource("devices")
    void equalToThresholdDoesNotSpike(NeuromorphicDevice device) throws Exception {
        // one input of 1: u = v = 64 = threshold 1 << 6; Loihi spikes only strictly above
        Trace t = run(device, oneNeuron(1, 1, new CubaLif(4095, 4095, 0, 0, 1, 0)), new int[] {0}, new int[0]);
        assertArrayEquals(new int[] {0, 64}, t.v(0));
        assertArrayEquals(new int[0], t.spikeSteps(0));
    }
}
