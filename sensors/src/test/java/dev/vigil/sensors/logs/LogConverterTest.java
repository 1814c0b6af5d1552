package dev.vigil.sensors.logs;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LogConverterTest {

    @Test
    void severalFormatsBecomeOneRecordingWithTheSameData(@TempDir Path dir) throws IOException {
        Path aedat = TestData.shared("event-camera/davis346_aestream_example.aedat4");
        Path wav = TestData.shared("audio/speechcommands_yes_1000ms_tflm.wav");
        Path out = dir.resolve("all.vlog");
        LogConverter.Result r = LogConverter.toVlog(List.of(aedat, wav), out, FormatOptions.defaults());
        assertEquals(List.of(StreamKind.DVS, StreamKind.VIBRATION, StreamKind.AUDIO),
                r.streams().stream().map(s -> s.kind()).toList());
        assertEquals(List.of(0, 1, 2), r.streams().stream().map(s -> s.id()).toList());
        assertEquals(117_667 + 130 + 16_000, r.elements());
        TestData.Events original;
        try (SensorSource s = LogFormats.open(aedat)) {
            original = TestData.events(s);
        }
        try (SensorSource s = LogFormats.open(out)) {
            assertEquals(346, s.streams().get(0).width());
            assertEquals(16_000, s.streams().get(2).sampleRate());
            TestData.Events back = TestData.events(s);
            assertArrayEquals(original.t(), back.t());
            assertArrayEquals(original.x(), back.x());
            assertArrayEquals(original.p(), back.p());
        }
        float[] audio;
        try (SensorSource s = LogFormats.open(wav)) {
            audio = TestData.samples(s).samples();
        }
        int audioFrames = 0;
        float[] copied = new float[audio.length];
        try (SensorSource s = LogFormats.open(out)) {
            for (Batch b; (b = s.next()) != null; ) {
                if (b instanceof SampleBatch sb && sb.stream().kind() == StreamKind.AUDIO) {
                    System.arraycopy(sb.samples(), 0, copied, audioFrames, sb.size());
                    audioFrames += sb.size();
                }
            }
        }
        assertEquals(16_000, audioFrames);
        assertArrayEquals(audio, copied);
    }
}
