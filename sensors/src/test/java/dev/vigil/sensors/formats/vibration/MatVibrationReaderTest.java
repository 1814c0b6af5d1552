package dev.vigil.sensors.formats.vibration;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The CWRU .mat files, against SOURCES.md. */
class MatVibrationReaderTest {

    @ParameterizedTest
    @CsvSource({
            "cwru_X097_normal_0hp.mat, 48000, 2, 243938, 5.08, 0.074",
            "cwru_X105_inner007_0hp_12kDE.mat, 12000, 3, 121265, 10.1, 0.292",
            "cwru_X118_ball007_0hp_12kDE.mat, 12000, 3, 122571, 10.2, 0.139"})
    void cwruFiles(String name, double rate, int axes, int frames, double seconds, double deRms) throws IOException {
        Path f = TestData.shared("vibration/" + name);
        assertEquals(LogFormat.MAT, LogFormats.detectFormat(f));
        try (SensorSource s = LogFormats.open(f, FormatOptions.defaults().withSampleRate(rate).withUnits("g"))) {
            StreamDescriptor d = s.streams().get(0);
            assertEquals(StreamKind.VIBRATION, d.kind());
            assertEquals(axes, d.channels());
            assertEquals(rate, d.sampleRate());
            assertEquals("g", d.units());
            TestData.Samples all = TestData.samples(s);
            assertEquals(frames, all.frames());
            assertEquals(seconds, frames / rate, 0.05);
            double sum = 0;
            for (int i = 0; i < frames; i++) {
                double v = all.samples()[i * axes];
                sum += v * v;
            }
            assertEquals(deRms, Math.sqrt(sum / frames), 0.0005, "drive-end RMS");
            assertEquals(List.of(), s.problems());
        }
    }

    @Test
    void namedVariablesAndTheStoredUint16Rpm() throws IOException {
        Path f = TestData.shared("vibration/cwru_X105_inner007_0hp_12kDE.mat");
        try (MatVibrationReader r = new MatVibrationReader(f, FormatOptions.defaults().withVariables(List.of("X105_FE_time")))) {
            assertEquals(List.of("X105_FE_time"), r.axisNames());
            assertEquals(1, r.streams().get(0).channels());
        }
        LogFormatException e = assertThrows(LogFormatException.class,
                () -> new MatVibrationReader(f, FormatOptions.defaults().withVariables(List.of("X105RPM"))));
        assertEquals("X105RPM", e.field(), "a scalar is not a signal");
    }
}
