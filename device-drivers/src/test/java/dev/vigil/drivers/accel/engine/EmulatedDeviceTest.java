package dev.vigil.drivers.accel.engine;

import dev.vigil.drivers.accel.akida.AkidaDevice;
import dev.vigil.drivers.accel.fast.FastDevice;
import dev.vigil.drivers.accel.loihi.LoihiDevice;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every emulated device runs what was compiled for it and refuses, by name, what was compiled for another. */
class EmulatedDeviceTest {
    private static final Network ONE_NEURON = new Network("one", 1,
            List.of(new DenseLayer("l", 1, 1, new int[] {100}, CubaLif.lif(0, 1))));

    @Test
    void eachDeviceOpensItsOwnProgramsOnly() throws Exception {
        List<NeuromorphicDevice> devices = List.of(new LoihiDevice(), new AkidaDevice(), new FastDevice());
        CompiledProgram golden = NetworkCompiler.compile(ONE_NEURON, new ReferenceDevice().capabilities());
        for (NeuromorphicDevice device : devices) {
            String id = device.capabilities().id();
            DoesNotFitException e = assertThrows(DoesNotFitException.class, () -> device.open(golden));
            assertEquals("program compiled for 'reference', not for '" + id + "'", e.getMessage());
            try (DeviceSession s = device.open(NetworkCompiler.compile(ONE_NEURON, device.capabilities()))) {
                List<Integer> spikes = new ArrayList<>();
                for (int step = 0; step < 3; step++) {
                    s.inject(0);
                    s.step(spikes::add);
                }
                assertEquals(3, s.counts().steps(), id);
                assertTrue(!spikes.isEmpty() && spikes.stream().allMatch(n -> n == 0), id + " spikes " + spikes);
            }
        }
    }
}
