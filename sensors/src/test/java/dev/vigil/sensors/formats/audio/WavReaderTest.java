package dev.vigil.sensors.formats.audio;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavReaderTest {

    @ParameterizedTest
    @CsvSource({
            "speechcommands_yes_1000ms_tflm.wav, 16000",
            "speechcommands_no_1000ms_tflm.wav, 16000",
            "speechcommands_noise_1000ms_tflm.wav, 16000",
            "speechcommands_silence_1000ms_tflm.wav, 16000",
            "speechcommands_yes_no_go_stop_alif.wav, 64000",
            "librispeech_i_tell_you_alif.wav, 59600"})
    void everySharedWavHasItsRateLengthAndChannels(String name, int frames) throws IOException {
        Path f = TestData.shared("audio/" + name);
        assertEquals(LogFormat.WAV, LogFormats.detectFormat(f));
        try (SensorSource s = LogFormats.open(f)) {
            StreamDescriptor d = s.streams().get(0);
            assertEquals(StreamKind.AUDIO, d.kind());
            assertEquals(16_000, d.sampleRate());
            assertEquals(1, d.channels());
            TestData.Samples all = TestData.samples(s);
            assertEquals(frames, all.frames());
            assertTrue(s.problems().isEmpty());
        }
    }

    static double[] rmsAndPeak(String name) throws IOException {
        try (SensorSource s = LogFormats.open(TestData.shared("audio/" + name))) {
            float[] v = TestData.samples(s).samples();
            double sum = 0;
            double peak = 0;
            for (float x : v) {
                sum += x * x;
                peak = Math.max(peak, Math.abs(x));
            }
            return new double[] {Math.sqrt(sum / v.length) * 32768, peak * 32768};
        }
    }

    @Test
    void levelsMatchSourcesMd() throws IOException {
        double[] noise = rmsAndPeak("speechcommands_noise_1000ms_tflm.wav");
        assertEquals(2057, noise[0], 1.0);
        assertEquals(6538, noise[1], 0.5);
        double[] silence = rmsAndPeak("speechcommands_silence_1000ms_tflm.wav");
        assertEquals(2.0, silence[0], 0.05);
        assertEquals(7, silence[1], 0.5);
        assertEquals(32767, rmsAndPeak("speechcommands_yes_no_go_stop_alif.wav")[1], 0.5);
    }

    static Path wav(Path dir, int tag, int channels, int rate, int bits, byte[] data, boolean extensible) throws IOException {
        int fmtLen = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtLen + 8 + data.length + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("LIST".getBytes()).putInt(4).put("INFO".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtLen).putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(0).putShort((short) tag)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        b.put("data".getBytes()).putInt(data.length).put(data);
        Path f = dir.resolve("t" + tag + "_" + bits + "_" + channels + ".wav");
        Files.write(f, b.array());
        return f;
    }

    @Test
    void twentyFourBitStereo(@TempDir Path dir) throws IOException {
        // frames: (L=+0.5 FS, R=-1 FS), (L=-0.5, R=max)
        byte[] d = {0, 0, 0x40, 0, 0, (byte) 0x80, 0, 0, (byte) 0xC0, (byte) 0xFF, (byte) 0xFF, 0x7F};
        try (SensorSource s = LogFormats.open(wav(dir, 1, 2, 44_100, 24, d, false))) {
            TestData.Samples all = TestData.samples(s);
            assertEquals(2, all.channels());
            assertEquals(2, all.frames());
            float[] v = all.samples();
            assertEquals(0.5f, v[0], 1e-7);
            assertEquals(-1f, v[1], 1e-7);
            assertEquals(-0.5f, v[2], 1e-7);
            assertEquals(1f, v[3], 1e-6);
        }
    }

    @Test
    void thirtyTwoBitIntegerFloatAndEightBitExtensible(@TempDir Path dir) throws IOException {
        ByteBuffer i32 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MIN_VALUE).putInt(1 << 30);
        try (SensorSource s = LogFormats.open(wav(dir, 1, 1, 8000, 32, i32.array(), false))) {
            float[] v = TestData.samples(s).samples();
            assertEquals(-1f, v[0]);
            assertEquals(0.5f, v[1]);
        }
        ByteBuffer f32 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.25f).putFloat(-0.75f).putFloat(1f);
        try (SensorSource s = LogFormats.open(wav(dir, 3, 3, 48_000, 32, f32.array(), true))) {
            TestData.Samples all = TestData.samples(s);
            assertEquals(3, all.channels());
            assertEquals(-0.75f, all.samples()[1]);
        }
        ByteBuffer f64 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.125).putDouble(-0.5);
        try (SensorSource s = LogFormats.open(wav(dir, 3, 1, 48_000, 64, f64.array(), false))) {
            assertEquals(-0.5f, TestData.samples(s).samples()[1]);
        }
        try (SensorSource s = LogFormats.open(wav(dir, 1, 1, 8000, 8, new byte[] {0, (byte) 128, (byte) 192}, true))) {
            float[] v = TestData.samples(s).samples();
            assertEquals(-1f, v[0]);
            assertEquals(0f, v[1]);
            assertEquals(0.5f, v[2]);
        }
    }

    @Test
    void unsupportedEncodingNamesTheField(@TempDir Path dir) throws IOException {
        Path f = wav(dir, 2, 1, 8000, 4, new byte[] {1, 2}, false);
        LogFormatException e = assertThrows(LogFormatException.class, () -> LogFormats.open(f));
        assertEquals("fmt audio format", e.field());
    }

    @Test
    void resamplerKeepsToneAndRemovesAliases() {
        int rate = 48_000;
        float[] in = new float[rate];
        for (int i = 0; i < rate; i++) {
            in[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / rate) + 0.5 * Math.sin(2 * Math.PI * 11_000 * i / rate));
        }
        float[] out = Resampler.resample(in, 1, rate, 16_000);
        assertEquals(16_000, out.length);
        double c1 = 0;
        double s1 = 0;
        double c11 = 0;
        double s11 = 0;
        for (int i = 1000; i < 15_000; i++) {
            c1 += out[i] * Math.cos(2 * Math.PI * 1000 * i / 16_000.0);
            s1 += out[i] * Math.sin(2 * Math.PI * 1000 * i / 16_000.0);
            // 11 kHz is above the new 8 kHz Nyquist and would alias to 5 kHz
            c11 += out[i] * Math.cos(2 * Math.PI * 5000 * i / 16_000.0);
            s11 += out[i] * Math.sin(2 * Math.PI * 5000 * i / 16_000.0);
        }
        double a1 = 2 * Math.hypot(c1, s1) / 14_000;
        double a5 = 2 * Math.hypot(c11, s11) / 14_000;
        assertEquals(0.5, a1, 0.02, "the 1 kHz tone keeps its amplitude");
        assertTrue(a5 < 0.02, "the 11 kHz tone does not alias to 5 kHz: " + a5);
    }
}
