package dev.vigil.drivers.accel.fast;

import dev.vigil.runtime.hal.DeviceProvider;
import dev.vigil.runtime.hal.Devices;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code device.id: auto} picks the fast device wherever it is installed, never a device with resource limits. */
class AutoDeviceTest {

    @Test
    void autoPicksTheFastDeviceOverTheGoldenOneAndNeverALimitedAccelerator() {
        assertEquals(FastDevice.ID, Devices.find(Devices.AUTO).orElseThrow().id(), "available: " + Devices.ids());
        for (DeviceProvider p : Devices.available()) {
            if (p.id().equals("loihi") || p.id().equals("akida") || p.id().equals("xylo")) {
                assertTrue(p.autoRank() < 0, p.id() + " has resource limits and must only run when named");
            }
        }
    }
}
