package dev.vigil.drivers.audio;

import dev.vigil.sensors.health.HealthReporting;
import dev.vigil.sensors.health.HealthState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.drivers.sensor.TimeBase;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamKind;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The microphone source over a fake capture line playing the Speech Commands "yes" clip. */
class MicrophoneTest {
    private static byte[] pcm;

    /** Simulated time advanced by the fake line as it "records". */
    private static final class LineTime implements TimeBase {
        long nanos = 5_000_000_000L;

        @Override
        public long nanos() {
            return nanos;
        }

        @Override
        public void sleepNanos(long n) {
            nanos += Math.max(0, n);
        }
    }

    @BeforeAll
    static void loadClip() throws Exception {
        byte[] wav = Files.readAllBytes(Path.of(System.getProperty("vigil.shared", "../shared"), "data", "audio",
                "speechcommands_yes_1000ms_tflm.wav"));
        // SOURCES.md: RIFF with only a 16-byte fmt chunk and the data chunk, so PCM starts at byte 44.
        assertEquals("data", new String(wav, 36, 4, java.nio.charset.StandardCharsets.US_ASCII));
        int size = ByteBuffer.wrap(wav, 40, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals(32_000, size, "16,000 frames of 16-bit mono");
        pcm = java.util.Arrays.copyOfRange(wav, 44, 44 + size);
    }

    private static short sample(int i) {
        return (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
    }

    @Test
    void deliversTheClipInFullScaleAtSixteenKilohertz() throws Exception {
        LineTime time = new LineTime();
        AudioFormat f = new AudioFormat(16_000, 16, 1, true, false);
        LineOpener opener = (format, bytes) -> {
            FakeCaptureLine line = new FakeCaptureLine(new ByteArrayInputStream(pcm), f, n -> time.nanos += n,
                    Long.MAX_VALUE);
            line.open(format, bytes);
            return line;
        };
        try (SensorSource s = new MicrophoneProvider(opener, time).open(Map.of("rate-hz", "16000"))) {
            assertEquals(StreamKind.AUDIO, s.streams().get(0).kind());
            assertEquals("FS", s.streams().get(0).units());
            int frame = 0;
            long previous = -1;
            while (frame < 16_000) {
                SampleBatch b = (SampleBatch) s.next();
                assertEquals(320, b.size(), "default batch: 20 ms");
                if (previous >= 0) {
                    assertEquals(20_000, b.startUs() - previous, 1, "320 frames at 16 kHz");
                }
                previous = b.startUs();
                for (int i = 0; i < b.size(); i++, frame++) {
                    assertEquals(sample(frame) / 32768.0, b.samples()[i], 1e-7, "frame " + frame);
                }
            }
        }
    }

    @Test
    void anUnpluggedMicrophoneIsRetriedMarkedUnhealthyAndReopened() throws Exception {
        LineTime time = new LineTime();
        AudioFormat f = new AudioFormat(16_000, 16, 1, true, false);
        List<FakeCaptureLine> lines = new ArrayList<>();
        LineOpener opener = (format, bytes) -> {
            if (lines.size() == 1 && time.nanos < lines.get(0).framesDelivered() * 62_500L + 7_000_000_000L) {
                throw new javax.sound.sampled.LineUnavailableException("USB device gone");
            }
            FakeCaptureLine line = new FakeCaptureLine(new ByteArrayInputStream(pcm), f, n -> time.nanos += n,
                    lines.isEmpty() ? 1600 : Long.MAX_VALUE);
            line.open(format, bytes);
            lines.add(line);
            return line;
        };
        Map<String, String> settings = new HashMap<>(Map.of("batch-frames", "400", "recovery-ms", "500"));
        try (SensorSource s = new MicrophoneProvider(opener, time).open(settings)) {
            HealthReporting h = (HealthReporting) s;
            for (int k = 0; k < 4; k++) {
                assertEquals(400, s.next().size());
            }
            SampleBatch b = (SampleBatch) s.next();
            assertEquals(0, b.size(), "the line gave nothing after 1600 frames");
            assertEquals(HealthState.UNHEALTHY, h.health().state());
            int calls = 0;
            do {
                b = (SampleBatch) s.next();
                assertTrue(++calls < 20);
            } while (b.size() == 0);
            assertEquals(HealthState.HEALTHY, h.health().state());
            assertEquals(2, lines.size(), "a fresh line was opened");
            assertEquals(sample(0) / 32768.0, b.samples()[0], 1e-7, "the new line's first frame");
            assertTrue(s.problems().stream().anyMatch(p -> p.what().contains("returned no data")), s.problems()::toString);
        }
    }

    @Test
    void refusesUnknownSettingsNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MicrophoneProvider((f, b) -> null, TimeBase.SYSTEM).open(Map.of("sample-rate", "16000")));
        assertTrue(e.getMessage().contains("'sample-rate'") && e.getMessage().contains("unknown"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new MicrophoneProvider((f, b) -> null, TimeBase.SYSTEM).open(Map.of("rate-hz", "fast")));
        assertTrue(e.getMessage().contains("'rate-hz' = 'fast'"), e.getMessage());
    }
}
