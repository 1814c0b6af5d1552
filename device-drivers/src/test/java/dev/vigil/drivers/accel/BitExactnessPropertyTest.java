package dev.vigil.drivers.accel;

import dev.vigil.drivers.accel.RandomNetworks.Family;
import dev.vigil.drivers.accel.akida.AkidaDevice;
import dev.vigil.drivers.accel.fast.FastDevice;
import dev.vigil.drivers.accel.loihi.LoihiDevice;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.SumPoolLayer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,000 random networks and inputs per emulated device: every step's output spikes, the final
 * potentials and currents of every layer and the activity counts equal the golden device's, run on
 * the same compiled program. The emulated device gets every other step's input as one batch
 * ({@link DeviceSession#inject(int[], int, int)}), the golden device one spike at a time. The
 * Akida-class networks include the stateful layers (recurrent CUBA LIF).
 */
class BitExactnessPropertyTest {
    private static final int NETWORKS = 1000;

    @Test
    void loihiMatchesGoldenWithSumPoolingAsRouting() throws Exception {
        Coverage c = check(new LoihiDevice(), Family.LOIHI, 11);
        assertTrue(c.sumPooling() >= NETWORKS / 20, "networks with a routed sum pooling: " + c.sumPooling());
    }

    @Test
    void akidaMatchesGoldenOnStatelessAndStatefulLayers() throws Exception {
        Coverage c = check(new AkidaDevice(), Family.AKIDA, 22);
        assertTrue(c.recurrentCuba() >= NETWORKS / 5, "recurrent CUBA layers in " + c.recurrentCuba() + " networks");
        assertTrue(c.spikingRecurrentCuba() >= NETWORKS / 20, "recurrent CUBA layers that fed their own spikes"
                + " back: " + c.spikingRecurrentCuba());
    }

    @Test
    void fastDeviceMatchesGolden() throws Exception {
        check(new FastDevice(), Family.ANY, 33);
    }

    /**
     * What the random networks exercised: networks with a recurrent current-based LIF layer, those
     * among them whose recurrent layer spiked (so its spikes came back through the recurrent weights),
     * and networks with a sum pooling.
     */
    private record Coverage(int recurrentCuba, int spikingRecurrentCuba, int sumPooling) {
    }

    private static Coverage check(NeuromorphicDevice device, Family family, long seed) throws Exception {
        RandomNetworks random = new RandomNetworks(seed, family);
        ReferenceDevice golden = new ReferenceDevice();
        long spikes = 0;
        int recurrentCuba = 0;
        int spikingRecurrentCuba = 0;
        int sumPooling = 0;
        for (int i = 0; i < NETWORKS; i++) {
            Network network = random.next(i);
            CompiledProgram program = NetworkCompiler.compile(network, device.capabilities());
            int[][] input = random.inputs(network, 4 + i % 17);
            try (DeviceSession expected = golden.open(program); DeviceSession actual = device.open(program)) {
                for (int s = 0; s < input.length; s++) {
                    List<Integer> want = Trace.step(expected, input[s], false);
                    List<Integer> got = Trace.step(actual, input[s], s % 2 == 1);
                    assertEquals(want, got, () -> network + " output spikes differ");
                    spikes += want.size();
                }
                for (int l = 0; l < network.layers().size(); l++) {
                    int layer = l;
                    assertArrayEquals(expected.potentials(l), actual.potentials(l),
                            () -> network.name() + " layer " + layer + " potentials " + network.layers().get(layer));
                    assertArrayEquals(expected.auxiliaryState(l), actual.auxiliaryState(l),
                            () -> network.name() + " layer " + layer + " currents/refractory");
                }
                assertSameCounts(expected.counts(), actual.counts(), network.name());
                if (network.layers().stream().anyMatch(SumPoolLayer.class::isInstance)) {
                    sumPooling++;
                }
                int rec = recurrentCubaLayer(network);
                if (rec >= 0) {
                    recurrentCuba++;
                    if (spiked(program, rec, input)) {
                        spikingRecurrentCuba++;
                    }
                }
            }
        }
        assertTrue(spikes > NETWORKS, "the random networks must actually spike, got " + spikes);
        return new Coverage(recurrentCuba, spikingRecurrentCuba, sumPooling);
    }

    private static int recurrentCubaLayer(Network network) {
        for (int l = 0; l < network.layers().size(); l++) {
            if (network.layers().get(l) instanceof RecurrentLayer r && r.neuron() instanceof CubaLif) {
                return l;
            }
        }
        return -1;
    }

    /** Whether layer {@code layer} spiked on {@code input}, seen on the golden device cut after that layer. */
    private static boolean spiked(CompiledProgram program, int layer, int[][] input) {
        Network full = program.network();
        Network upTo = new Network(full.name(), full.inputs(), full.layers().subList(0, layer + 1));
        try (DeviceSession s = new ReferenceDevice().open(new CompiledProgram(upTo, program.target(),
                program.placement()))) {
            for (int[] step : input) {
                for (int e : step) {
                    s.inject(e);
                }
                s.step(n -> { });
            }
            return s.counts().outputSpikes() > 0;
        }
    }

    private static void assertSameCounts(ActivityCounts want, ActivityCounts got, String network) {
        long[] a = {want.synapticOps(), want.neuronUpdates(), want.spikesRouted(), want.outputSpikes(), want.steps(),
                want.activeNeuronUpdates()};
        long[] b = {got.synapticOps(), got.neuronUpdates(), got.spikesRouted(), got.outputSpikes(), got.steps(),
                got.activeNeuronUpdates()};
        assertEquals(Arrays.toString(a), Arrays.toString(b), network + " activity counts");
    }
}
