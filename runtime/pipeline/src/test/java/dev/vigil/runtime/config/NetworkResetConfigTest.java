package dev.vigil.runtime.config;

import dev.vigil.runtime.bundle.BuiltinLanes;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.ResetMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code network.reset}: the built-in readouts' reset, zero unless the config says subtract; other values refused. */
class NetworkResetConfigTest {

    @Test
    void theBuiltInReadoutsResetAsTheConfigSays() throws Exception {
        assertEquals(ResetMode.ZERO, readoutReset(ConfigLoader.defaults(), Sensor.AUDIO));
        VigilConfig subtract = ConfigLoader.parse("network:\n  reset: subtract\n", "t.yaml");
        for (Sensor sensor : Sensor.values()) {
            assertEquals(ResetMode.SUBTRACT, readoutReset(subtract, sensor), sensor.label());
        }
    }

    @Test
    void anotherResetIsRefusedListingTheTwo() {
        assertEquals("t.yaml: network.reset = clear is refused: use one of zero, subtract",
                assertThrows(ConfigException.class, () -> ConfigLoader.parse("network:\n  reset: clear\n", "t.yaml")).getMessage());
    }

    private static ResetMode readoutReset(VigilConfig config, Sensor sensor) {
        return ((NeuronParams) BuiltinLanes.lane(sensor, config, null, "fast").frontEnd().network().layers().getFirst().neuron())
                .reset();
    }
}
