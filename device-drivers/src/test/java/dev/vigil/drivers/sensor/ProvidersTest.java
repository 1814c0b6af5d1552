package dev.vigil.drivers.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.sensors.SourceProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Provider discovery, settings validation, and register constants against the datasheets. */
class ProvidersTest {

    @Test
    void serviceLoaderFindsEveryLiveSource() {
        Set<String> ids = ServiceLoader.load(SourceProvider.class).stream().map(p -> p.get().id())
                .collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("adxl345", "mpu6050", "mcp3008", "microphone")), ids::toString);
    }

    @Test
    void badSettingsAreRefusedBeforeAnyBusIsTouched() {
        Adxl345Provider p = new Adxl345Provider(() -> {
            throw new AssertionError("the bus must not be opened for bad settings");
        }, TimeBase.SYSTEM);
        assertMessage(() -> p.open(Map.of("rnage-g", "4")), "'rnage-g'", "unknown setting", "range-g");
        assertMessage(() -> p.open(Map.of("rate-hz", "1000")), "'rate-hz' = '1000'", "3200");
        assertMessage(() -> p.open(Map.of("range-g", "3")), "'range-g' = '3'", "2, 4, 8, 16");
        assertMessage(() -> p.open(Map.of("address", "0x54")), "'address' = '0x54'", "0x53 or 0x1d");
        assertMessage(() -> p.open(Map.of("interface", "spi", "spi-hz", "8000000")), "'spi-hz' = '8000000'",
                "between");
        assertMessage(() -> p.open(Map.of("interface", "spi", "address", "0x53")), "'address'", "unknown");
        Mcp3008Provider adc = new Mcp3008Provider(() -> {
            throw new AssertionError("the bus must not be opened for bad settings");
        }, TimeBase.SYSTEM);
        assertMessage(() -> adc.open(Map.of("channel", "8")), "'channel' = '8'", "between 0 and 7");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
        }
    }

    @Test
    void adxl345ConstantsMatchTheDatasheetRegisterMap() {
        // ADXL345 datasheet Rev. G, Table 19 (register map) and Table 7 (rate codes).
        assertEquals(0, Adxl345Registers.DEVID);
        assertEquals(0b11100101, Adxl345Registers.DEVICE_ID);
        assertEquals(44, Adxl345Registers.BW_RATE);
        assertEquals(45, Adxl345Registers.POWER_CTL);
        assertEquals(48, Adxl345Registers.INT_SOURCE);
        assertEquals(49, Adxl345Registers.DATA_FORMAT);
        assertEquals(50, Adxl345Registers.DATAX0);
        assertEquals(56, Adxl345Registers.FIFO_CTL);
        assertEquals(57, Adxl345Registers.FIFO_STATUS);
        assertEquals(0xF, Adxl345Registers.rateCode(3200));
        assertEquals(0xD, Adxl345Registers.rateCode(800));
        assertEquals(0xA, Adxl345Registers.rateCode(100));
        assertEquals(0x6, Adxl345Registers.rateCode(6.25));
        assertEquals(-1, Adxl345Registers.rateCode(1000));
        assertEquals(3, Adxl345Registers.rangeBits(16));
        assertEquals(0x53, Adxl345Registers.I2C_ADDRESS);
        assertEquals(0x1D, Adxl345Registers.I2C_ADDRESS_ALT);
    }

    @Test
    void mpu6050ConstantsMatchTheRegisterMap() {
        // RM-MPU-6000A-00 rev. 4.2: registers by their decimal numbers.
        assertEquals(25, Mpu6050Registers.SMPLRT_DIV);
        assertEquals(26, Mpu6050Registers.CONFIG);
        assertEquals(28, Mpu6050Registers.ACCEL_CONFIG);
        assertEquals(35, Mpu6050Registers.FIFO_EN);
        assertEquals(58, Mpu6050Registers.INT_STATUS);
        assertEquals(59, Mpu6050Registers.ACCEL_XOUT_H);
        assertEquals(106, Mpu6050Registers.USER_CTRL);
        assertEquals(107, Mpu6050Registers.PWR_MGMT_1);
        assertEquals(114, Mpu6050Registers.FIFO_COUNTH);
        assertEquals(116, Mpu6050Registers.FIFO_R_W);
        assertEquals(117, Mpu6050Registers.WHO_AM_I);
        assertEquals(104, Mpu6050Registers.WHO_AM_I_VALUE);
        assertEquals(16384, Mpu6050Registers.lsbPerG(Mpu6050Registers.afsSel(2)));
        assertEquals(2048, Mpu6050Registers.lsbPerG(Mpu6050Registers.afsSel(16)));
        assertEquals(4, Mpu6050.dividerFor(200));
        assertEquals(-1, Mpu6050.dividerFor(700));
    }

    @Test
    void retryBackoffDoublesUpToItsCap() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertEquals(2_000_000, p.backoffNanos(1));
        assertEquals(4_000_000, p.backoffNanos(2));
        assertEquals(100_000_000, p.backoffNanos(10));
    }
}
