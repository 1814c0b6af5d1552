package dev.vigil.sensors.formats.vibration;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvVibrationReaderTest {

    static Path csv(Path dir, String text) throws IOException {
        Path f = dir.resolve("v.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void headerNamesTimeUnitAndAxisUnitsAreDetected(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("# accelerometer log\ntime_ms,ax (m/s^2),ay (m/s^2),az (m/s^2)\n");
        for (int i = 0; i < 2000; i++) {
            sb.append(String.format(java.util.Locale.ROOT, "%.3f,%d,%d,%d%n", 100 + i * 0.5, i, -i, 2 * i));
        }
        Path f = csv(dir, sb.toString());
        assertEquals(LogFormat.CSV, LogFormats.detectFormat(f));
        try (SensorSource s = LogFormats.open(f, FormatOptions.defaults().withBatch(64, 700))) {
            StreamDescriptor d = s.streams().get(0);
            assertEquals(3, d.channels());
            assertEquals(2000, d.sampleRate(), 1e-6, "0.5 ms steps");
            assertEquals("m/s^2", d.units());
            TestData.Samples all = TestData.samples(s);
            assertEquals(2000, all.frames());
            assertEquals(100_000, all.firstUs());
            assertArrayEquals(new float[] {5, -5, 10}, java.util.Arrays.copyOfRange(all.samples(), 15, 18));
        }
    }

    @Test
    void rateComesFromTheWholeSpanNotFromRoundedMicrosecondSteps(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("time_us,ax\n");
        for (int i = 0; i < 24_000; i++) {
            sb.append(Math.round(i * 1e6 / 12_000)).append(',').append(i % 7).append('\n');
        }
        try (SensorSource s = LogFormats.open(csv(dir, sb.toString()), FormatOptions.defaults())) {
            assertEquals(12_000, s.streams().get(0).sampleRate(), 0.5, "83 and 84 us steps average to 83.33 us");
        }
    }

    @Test
    void aGapInTheTimeColumnLeavesTheRateToTheMedianStep(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("time_ms,ax\n");
        for (int i = 0; i < 2000; i++) {
            sb.append(i < 1000 ? i : i + 5000).append(',').append(i % 3).append('\n');
        }
        try (SensorSource s = LogFormats.open(csv(dir, sb.toString()), FormatOptions.defaults())) {
            assertEquals(1000, s.streams().get(0).sampleRate(), 1e-6, "1 ms steps around a 5 s gap");
        }
    }

    @Test
    void semicolonsSecondsAndBadRowsReported(@TempDir Path dir) throws IOException {
        Path f = csv(dir, "t [s];vibration\n0.000;0.1\n0.001;0.2\noops;0.3\n0.002;0.4\n0.003\n0.004;0.5\n");
        try (SensorSource s = LogFormats.open(f)) {
            assertEquals(1000, s.streams().get(0).sampleRate(), 1e-6);
            assertEquals("", s.streams().get(0).units(), "not stated and not configured");
            TestData.Samples all = TestData.samples(s);
            assertArrayEquals(new float[] {0.1f, 0.2f, 0.4f, 0.5f}, all.samples());
            assertEquals(2, s.problems().size());
            assertTrue(s.problems().get(0).what().contains("line 4"), s.problems().get(0).what());
        }
    }

    @Test
    void noHeaderNoTimeColumnUsesConfiguredRateAndUnits(@TempDir Path dir) throws IOException {
        Path f = csv(dir, "1 2\n3 4\n5 6\n");
        FormatOptions o = FormatOptions.defaults().withTimeColumn("none", "s").withSampleRate(250).withUnits("g");
        try (SensorSource s = LogFormats.open(f, o)) {
            StreamDescriptor d = s.streams().get(0);
            assertEquals(2, d.channels());
            assertEquals(250, d.sampleRate());
            assertEquals("g", d.units());
            assertEquals(3, TestData.samples(s).frames());
        }
    }

    @Test
    void aHeaderlessFirstColumnThatRunsBackwardsIsDataNotTime(@TempDir Path dir) throws IOException {
        // the NIR paper's lif_norse.csv: input, voltage, spike per row, no header; its first column (0 or 1)
        // was taken for seconds and the file read as 1 Hz vibration
        Path f = csv(dir, "0.0,0.0,0.0\n0.0,0.0078,0.0\n1.0,0.0597,0.0\n0.0,0.0038,0.0\n1.0,0.0961,1.0\n");
        try (SensorSource s = LogFormats.open(f, FormatOptions.defaults())) {
            StreamDescriptor d = s.streams().get(0);
            assertEquals(3, d.channels(), "every column is data");
            assertEquals(FormatOptions.defaults().sampleRateHz(), d.sampleRate(), "the rate is the assumed one");
            assertEquals(5, TestData.samples(s).frames());
        }
        Path timed = csv(dir, "0.000,1\n0.001,2\n0.002,3\n0.003,4\n");
        try (SensorSource s = LogFormats.open(timed, FormatOptions.defaults())) {
            assertEquals(1, s.streams().get(0).channels(), "a first column that only rises is still time");
            assertEquals(1000, s.streams().get(0).sampleRate(), 1e-6);
        }
    }

    @Test
    void tooManyAxesMustBeChosen(@TempDir Path dir) throws IOException {
        Path f = csv(dir, "time,a,b,c,d\n0,1,2,3,4\n1,1,2,3,4\n");
        LogFormatException e = assertThrows(LogFormatException.class, () -> LogFormats.open(f));
        assertEquals("axis columns", e.field());
        try (SensorSource s = LogFormats.open(f, FormatOptions.defaults().withVariables(List.of("d", "a")))) {
            assertArrayEquals(new float[] {4, 1, 4, 1}, TestData.samples(s).samples());
        }
    }
}
