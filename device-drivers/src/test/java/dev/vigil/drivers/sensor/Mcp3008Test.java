package dev.vigil.drivers.sensor;

import dev.vigil.sensors.health.HealthReporting;
import dev.vigil.sensors.health.SensorHealth;
import dev.vigil.sensors.health.HealthState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamKind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MCP3008 driver through Pi4J SPI on the mock platform, sampling a 50 Hz sine at a set rate. */
class Mcp3008Test {
    private SimulatedTime time;
    private Mcp3008Model chip;
    private ModelBoard board;

    @BeforeEach
    void wire() {
        time = new SimulatedTime();
        chip = new Mcp3008Model(time, 3.3).input(5, t -> 1.65 + 1.2 * Math.sin(2 * Math.PI * 50 * t));
        board = new ModelBoard().spi(0, 1, chip);
    }

    @AfterEach
    void unwire() {
        board.close();
    }

    private SensorSource open(String... keyValues) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("spi-bus", "0", "chip-select", "1", "channel", "5"));
        settings.putAll(TestSettings.of(keyValues));
        return new Mcp3008Provider(board::context, time).open(settings);
    }

    @Test
    void samplesAtTheConfiguredRateAndConvertsToVolts() throws Exception {
        try (SensorSource s = open("rate-hz", "2000", "batch-frames", "100")) {
            assertEquals("V", s.streams().get(0).units());
            long previous = -1;
            int frame = 0;
            for (int k = 0; k < 20; k++) {
                SampleBatch b = (SampleBatch) s.next();
                assertEquals(100, b.size());
                if (previous >= 0) {
                    assertEquals(50_000, b.startUs() - previous, 1, "100 frames at 2 kHz");
                }
                previous = b.startUs();
                for (int i = 0; i < b.size(); i++, frame++) {
                    // conversion 0 is the presence check at start
                    double t = chip.conversionNanos().get(frame + 1) / 1e9;
                    double vin = 1.65 + 1.2 * Math.sin(2 * Math.PI * 50 * t);
                    assertEquals(Math.floor(1024 * vin / 3.3) * 3.3 / 1024, b.samples()[i], 1e-5, "frame " + frame);
                }
            }
            for (int i = 2; i < chip.conversionNanos().size(); i++) {
                assertEquals(500_000, chip.conversionNanos().get(i) - chip.conversionNanos().get(i - 1),
                        "conversion " + i + " is 1/2000 s after the one before");
            }
            int min = chip.codes().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = chip.codes().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertEquals(Math.floor(1024 * 0.45 / 3.3), min, 2, "sine trough");
            assertEquals(Math.floor(1024 * 2.85 / 3.3), max, 2, "sine crest");
        }
    }

    @Test
    void fullScaleOutputIsAnAudioStreamCentredOnMidScale() throws Exception {
        try (SensorSource s = open("rate-hz", "8000", "output", "full-scale")) {
            assertEquals(StreamKind.AUDIO, s.streams().get(0).kind());
            SampleBatch b = (SampleBatch) s.next();
            assertEquals(400, b.size(), "default batch: 50 ms");
            for (int i = 0; i < b.size(); i++) {
                int code = chip.codes().get(i + 1);
                assertEquals((code - 512) / 512.0, b.samples()[i], 1e-6);
            }
        }
    }

    @Test
    void anEmptySocketIsReportedUnhealthy() throws Exception {
        chip.remove();
        try (SensorSource s = open()) {
            assertEquals(0, s.next().size());
            SensorHealth h = ((HealthReporting) s).health();
            assertEquals(HealthState.UNHEALTHY, h.state());
            assertTrue(h.lastError().contains("null bit is high"), h.lastError());
        }
    }

    @Test
    void busFaultMidRunIsRetriedAndTheRateHolds() throws Exception {
        try (SensorSource s = open("rate-hz", "1000", "batch-frames", "50")) {
            s.next();
            chip.faults().failNext(2);
            SampleBatch b = (SampleBatch) s.next();
            assertEquals(50, b.size());
            HealthReporting h = (HealthReporting) s;
            assertEquals(HealthState.HEALTHY, h.health().state());
            assertEquals(2, h.health().failures());
            assertEquals(2, s.problems().size(), s.problems()::toString);
        }
    }
}
