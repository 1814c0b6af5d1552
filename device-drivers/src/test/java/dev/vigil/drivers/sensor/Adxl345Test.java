package dev.vigil.drivers.sensor;

import dev.vigil.sensors.health.HealthReporting;
import dev.vigil.sensors.health.SensorHealth;
import dev.vigil.sensors.health.HealthState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ADXL345 driver through Pi4J's API on the mock platform, against a register-level chip model
 * playing back the CWRU inner-race-fault recording (drive end, fan end, base as x, y, z).
 */
class Adxl345Test {
    private static final double G = 9.80665;
    private static double[] de;
    private static double[] fe;
    private static double[] ba;

    private SimulatedTime time;
    private Adxl345Model chip;
    private ModelBoard board;

    @BeforeAll
    static void loadRecording() throws Exception {
        Path mat = Path.of(System.getProperty("vigil.shared", "../shared"), "data", "vibration",
                "cwru_X105_inner007_0hp_12kDE.mat");
        de = MatFile.read(mat, "X105_DE_time");
        fe = MatFile.read(mat, "X105_FE_time");
        ba = MatFile.read(mat, "X105_BA_time");
        assertEquals(121_265, de.length, "SOURCES.md: X105 holds 121,265 samples per channel");
    }

    @BeforeEach
    void wire() {
        time = new SimulatedTime();
        chip = new Adxl345Model(time, de, fe, ba);
        board = new ModelBoard().i2c(1, 0x53, chip).spi(0, 0, chip);
    }

    @AfterEach
    void unwire() {
        board.close();
    }

    private SensorSource open(String... keyValues) throws Exception {
        return new Adxl345Provider(board::context, time).open(TestSettings.of(keyValues));
    }

    @Test
    void configuresFullResolutionStreamModeAsTheDatasheetSays() throws Exception {
        try (SensorSource s = open("rate-hz", "3200", "range-g", "16")) {
            s.next();
            assertEquals(0b0000_1011, chip.register(0x31), "DATA_FORMAT: FULL_RES, ±16 g");
            assertEquals(0b0000_1111, chip.register(0x2C), "BW_RATE: 3200 Hz");
            assertEquals(0b1001_0000, chip.register(0x38), "FIFO_CTL: stream mode, watermark 16");
            assertEquals(0b0000_1000, chip.register(0x2D), "POWER_CTL: measure");
        }
        try (SensorSource s = open("rate-hz", "100", "range-g", "4")) {
            s.next();
            assertEquals(0b0000_1001, chip.register(0x31), "DATA_FORMAT: FULL_RES, ±4 g");
            assertEquals(0b0000_1010, chip.register(0x2C), "BW_RATE: 100 Hz");
        }
    }

    @Test
    void convertsEverySampleToMetresPerSecondSquaredWithoutLosingAny() throws Exception {
        try (SensorSource s = open("rate-hz", "3200", "batch-frames", "160")) {
            assertEquals(3200, s.streams().get(0).sampleRate());
            assertEquals(3, s.streams().get(0).channels());
            assertEquals("m/s^2", s.streams().get(0).units());
            int frame = 0;
            while (frame < 6400) {
                SampleBatch b = (SampleBatch) s.next();
                float[] v = b.samples();
                for (int i = 0; i < b.size(); i++, frame++) {
                    double[][] axes = {de, fe, ba};
                    for (int a = 0; a < 3; a++) {
                        double g = axes[a][frame];
                        double got = v[i * 3 + a];
                        assertEquals(g * G, got, G / 512 + 1e-5, "frame " + frame + " axis " + a);
                        assertEquals(Math.round(g * 256) * G / 256, got, 1e-5, "frame " + frame + " axis " + a);
                    }
                }
            }
        }
    }

    @Test
    void wholeRecordingOverSpiHasTheRmsOfTheSource() throws Exception {
        try (SensorSource s = open("interface", "spi", "spi-bus", "0", "chip-select", "0", "rate-hz", "3200",
                "batch-frames", "320")) {
            double sum = 0;
            int frames = 0;
            while (frames < de.length) {
                SampleBatch b = (SampleBatch) s.next();
                for (int i = 0; i < b.size() && frames < de.length; i++, frames++) {
                    double x = b.samples()[i * 3];
                    sum += x * x;
                }
            }
            double rms = Math.sqrt(sum / frames);
            // SOURCES.md: X105 drive-end RMS 0.292 g.
            assertEquals(0.292 * G, rms, 0.292 * G * 0.005, "drive-end RMS in m/s^2");
        }
    }

    @Test
    void batchesAreTimestampedAtTheOutputDataRate() throws Exception {
        try (SensorSource s = open("rate-hz", "800", "batch-frames", "40")) {
            long t0 = time.nanos();
            long previous = -1;
            int frames = 0;
            for (int k = 0; k < 50; k++) {
                SampleBatch b = (SampleBatch) s.next();
                assertEquals(40, b.size());
                if (previous >= 0) {
                    assertEquals(50_000, b.startUs() - previous, 1, "40 frames at 800 Hz = 50 ms");
                }
                assertEquals(b.startUs() + 48_750, b.lastTimeUs(), 1);
                previous = b.startUs();
                frames += b.size();
            }
            double elapsed = (time.nanos() - t0) / 1e9;
            assertEquals(frames / 800.0, elapsed, 0.05, "2000 frames take 2.5 s of chip time");
        }
    }

    @Test
    void transientBusErrorsAreRetriedWithoutLosingData() throws Exception {
        try (SensorSource s = open("rate-hz", "800", "batch-frames", "40")) {
            HealthReporting health = (HealthReporting) s;
            int frame = 0;
            for (int k = 0; k < 30; k++) {
                if (k == 10) {
                    chip.faults().failNext(2);
                }
                SampleBatch b = (SampleBatch) s.next();
                assertEquals(40, b.size());
                for (int i = 0; i < b.size(); i++, frame++) {
                    assertEquals(Math.round(de[frame] * 256) * G / 256, b.samples()[i * 3], 1e-5, "frame " + frame);
                }
            }
            assertEquals(2, chip.faults().failures());
            assertEquals(HealthState.HEALTHY, health.health().state());
            assertEquals(2, health.health().failures());
            assertTrue(s.problems().stream().anyMatch(p -> p.what().contains("simulated bus error")), s.problems()::toString);
        }
    }

    @Test
    void persistentBusFaultMarksTheSensorUnhealthyAndItRecoversLater() throws Exception {
        try (SensorSource s = open("rate-hz", "800", "batch-frames", "40", "recovery-ms", "1000")) {
            HealthReporting health = (HealthReporting) s;
            List<Long> starts = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                starts.add(s.next().firstTimeUs());
            }
            long faultStart = time.nanos();
            chip.faults().failFor(3_000_000_000L);
            SampleBatch cut = (SampleBatch) s.next();
            assertTrue(cut.size() < 40, "the batch in progress is cut short");
            assertEquals(HealthState.UNHEALTHY, health.health().state());
            int empty = 0;
            SampleBatch b;
            int calls = 0;
            do {
                b = (SampleBatch) s.next();
                assertNotNull(b, "a live source never ends on a fault");
                if (b.size() == 0) {
                    empty++;
                    assertEquals(HealthState.UNHEALTHY, health.health().state());
                }
                assertTrue(++calls < 20, "recovered within 20 calls");
            } while (b.size() == 0);
            assertTrue(empty >= 2, "recovery attempts during the 3 s fault fail: " + empty);
            assertTrue(time.nanos() - faultStart >= 3_000_000_000L, "recovered only after the fault ended");
            assertEquals(HealthState.HEALTHY, health.health().state());
            assertEquals(1, health.health().recoveries());
            assertTrue(b.firstTimeUs() - starts.get(4) >= 3_000_000, "the timeline shows the outage");
            assertTrue(s.problems().stream().anyMatch(p -> p.what().startsWith("unhealthy")), s.problems()::toString);
            assertTrue(s.problems().stream().anyMatch(p -> p.what().startsWith("recovered")), s.problems()::toString);
            long last = b.lastTimeUs();
            for (int k = 0; k < 5; k++) {
                SampleBatch after = (SampleBatch) s.next();
                assertEquals(40, after.size());
                assertTrue(after.firstTimeUs() > last, "time never goes backwards");
                last = after.lastTimeUs();
            }
        }
    }

    @Test
    void fifoOverrunIsReportedAndTheTimelineReanchored() throws Exception {
        try (SensorSource s = open("rate-hz", "3200", "batch-frames", "160")) {
            long end = s.next().lastTimeUs();
            time.advance(100_000_000L);
            SampleBatch b = (SampleBatch) s.next();
            assertTrue(s.problems().stream().anyMatch(p -> p.what().startsWith("FIFO overrun")), s.problems()::toString);
            assertTrue(b.firstTimeUs() - end > 90_000, "the 100 ms stall shows as a gap");
        }
    }

    @Test
    void aChipThatIsNotAnAdxl345IsUnhealthyNotFatal() throws Exception {
        chip.writeRegister(0x00, 0x00);
        try (SensorSource s = open()) {
            SampleBatch b = (SampleBatch) s.next();
            assertEquals(0, b.size());
            SensorHealth h = ((HealthReporting) s).health();
            assertEquals(HealthState.UNHEALTHY, h.state());
            assertTrue(h.lastError().contains("DEVID reads 0x0"), h.lastError());
        }
    }
}
