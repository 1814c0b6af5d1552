package dev.vigil.drivers.sensor;

import dev.vigil.sensors.health.HealthReporting;
import dev.vigil.sensors.health.HealthState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MPU-6050 driver through Pi4J on the mock platform against a register-level model with a FIFO. */
class Mpu6050Test {
    private static final double G = 9.80665;
    private static double[] ball;

    private SimulatedTime time;
    private Mpu6050Model chip;
    private ModelBoard board;

    @BeforeAll
    static void loadRecording() throws Exception {
        ball = MatFile.read(Path.of(System.getProperty("vigil.shared", "../shared"), "data", "vibration",
                "cwru_X118_ball007_0hp_12kDE.mat"), "X118_DE_time");
        assertEquals(122_571, ball.length, "SOURCES.md: X118 holds 122,571 samples per channel");
    }

    @BeforeEach
    void wire() {
        time = new SimulatedTime();
        chip = new Mpu6050Model(time, ball);
        board = new ModelBoard().i2c(1, 0x68, chip);
    }

    @AfterEach
    void unwire() {
        board.close();
    }

    private SensorSource open(String... keyValues) throws Exception {
        return new Mpu6050Provider(board::context, time).open(TestSettings.of(keyValues));
    }

    @Test
    void configuresRangeDividerAndFifoAsTheRegisterMapSays() throws Exception {
        try (SensorSource s = open("range-g", "8", "rate-hz", "500")) {
            s.next();
            assertEquals(0b0001_0000, chip.register(28), "ACCEL_CONFIG: AFS_SEL = 2 (±8 g)");
            assertEquals(1, chip.register(25), "SMPLRT_DIV: 1 kHz / (1 + 1) = 500 Hz");
            assertEquals(0b001, chip.register(26), "CONFIG: DLPF_CFG = 1");
            assertEquals(0b0000_1000, chip.register(35), "FIFO_EN: accelerometer only");
            assertEquals(0b0100_0000, chip.register(106), "USER_CTRL: FIFO enabled");
            assertEquals(0b0000_0001, chip.register(107), "PWR_MGMT_1: awake, PLL on X gyro");
            assertEquals(500, s.streams().get(0).sampleRate());
        }
    }

    @Test
    void convertsFifoSamplesToMetresPerSecondSquaredInOrder() throws Exception {
        for (String range : new String[] {"2", "16"}) {
            wire();
            double lsbPerG = range.equals("2") ? 16384 : 2048;
            try (SensorSource s = open("range-g", range, "rate-hz", "1000", "batch-frames", "100")) {
                int frame = 0;
                while (frame < 3000) {
                    SampleBatch b = (SampleBatch) s.next();
                    for (int i = 0; i < b.size(); i++, frame++) {
                        double g = ball[frame];
                        double[] expectG = {g, -g, 1 + g / 2};
                        for (int a = 0; a < 3; a++) {
                            double got = b.samples()[i * 3 + a];
                            assertEquals(Math.round(expectG[a] * lsbPerG) * G / lsbPerG, got, 1e-4,
                                    "range " + range + " frame " + frame + " axis " + a);
                            assertEquals(expectG[a] * G, got, G / lsbPerG, "frame " + frame);
                        }
                    }
                }
            }
        }
    }

    @Test
    void deliversTheDividedRateWithContinuousTimestamps() throws Exception {
        try (SensorSource s = open("rate-hz", "200", "batch-frames", "20")) {
            long start = time.nanos();
            long previous = -1;
            for (int k = 0; k < 100; k++) {
                SampleBatch b = (SampleBatch) s.next();
                assertEquals(20, b.size());
                if (previous >= 0) {
                    assertEquals(100_000, b.startUs() - previous, 1, "20 frames at 200 Hz");
                }
                previous = b.startUs();
            }
            assertEquals(4, chip.register(25), "SMPLRT_DIV = 1000 / 200 - 1");
            assertEquals(10.0, (time.nanos() - start) / 1e9, 0.2, "2000 frames at 200 Hz take 10 s");
        }
    }

    @Test
    void overflowResetsTheFifoAndIsReported() throws Exception {
        try (SensorSource s = open("rate-hz", "1000", "batch-frames", "50")) {
            long end = s.next().lastTimeUs();
            time.advance(500_000_000L);
            SampleBatch b = (SampleBatch) s.next();
            assertEquals(50, b.size());
            assertTrue(s.problems().stream().anyMatch(p -> p.what().startsWith("FIFO overrun")), s.problems()::toString);
            assertTrue(b.firstTimeUs() - end > 400_000, "the stall shows as a gap in time");
            float z = b.samples()[2];
            assertTrue(z > 0.3 * G, "frames stay aligned after the reset: z carries 1 g, got " + z);
        }
    }

    @Test
    void busFaultMidRunRetriesThenGoesUnhealthyAndRecovers() throws Exception {
        try (SensorSource s = open("rate-hz", "500", "batch-frames", "25", "recovery-ms", "200")) {
            HealthReporting h = (HealthReporting) s;
            for (int k = 0; k < 4; k++) {
                assertEquals(25, s.next().size());
            }
            chip.faults().failNext(1);
            assertEquals(25, s.next().size(), "one failed transfer is retried");
            assertEquals(HealthState.HEALTHY, h.health().state());
            chip.faults().failFor(1_000_000_000L);
            s.next();
            assertEquals(HealthState.UNHEALTHY, h.health().state());
            int calls = 0;
            SampleBatch b;
            do {
                b = (SampleBatch) s.next();
                assertTrue(++calls < 50);
            } while (b.size() == 0);
            assertEquals(HealthState.HEALTHY, h.health().state());
            assertEquals(1, h.health().recoveries());
            assertEquals(0b0100_0000, chip.register(106), "FIFO enabled again after re-initialisation");
        }
    }

    @Test
    void refusesRatesTheDividerCannotMake() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open("rate-hz", "700"));
        assertTrue(e.getMessage().contains("'rate-hz'") && e.getMessage().contains("700"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> open("address", "0x53"));
        assertTrue(e.getMessage().contains("'address'") && e.getMessage().contains("0x53"), e.getMessage());
    }
}
