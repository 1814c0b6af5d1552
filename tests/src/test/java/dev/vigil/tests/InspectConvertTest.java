package dev.vigil.tests;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vigil inspect` and `vigil convert` on the real recordings in ../shared/data. */
class InspectConvertTest {

    private static Path data(String rel) {
        return TestPaths.shared().resolve("data").resolve(rel);
    }

    /** Everything a source yields, per stream: samples as floats, events as (t, x, y, p) longs. */
    private static List<List<Number>> contents(SensorSource s) throws IOException {
        List<List<Number>> perStream = new ArrayList<>();
        for (int i = 0; i < s.streams().size(); i++) {
            perStream.add(new ArrayList<>());
        }
        List<Integer> ids = s.streams().stream().map(StreamDescriptor::id).toList();
        Batch b;
        while ((b = s.next()) != null) {
            List<Number> into = perStream.get(ids.indexOf(b.stream().id()));
            if (b instanceof SampleBatch sb) {
                for (int i = 0; i < sb.size() * sb.channels(); i++) {
                    into.add(sb.samples()[i]);
                }
            } else if (b instanceof EventBatch e) {
                for (int i = 0; i < e.size(); i++) {
                    into.add(e.t(i));
                    into.add(e.x(i) * 1_000_000L + e.y(i) * 10L + e.p(i));
                }
            }
        }
        return perStream;
    }

    @Test
    void inspectReportsTheIndependentlyMeasuredFigures() {
        CliRun run = CliRun.run("inspect", data("event-camera/davis346_aestream_example.aedat4").toString(),
                data("audio/speechcommands_yes_1000ms_tflm.wav").toString());
        assertEquals(0, run.exitCode(), run.err());
        String out = String.join("\n", run.outLines());
        assertTrue(out.contains("aedat4"), out);
        assertTrue(out.contains("346x260: 117667 events (72363 ON)"), out);
        assertTrue(out.contains("15 triggers") && out.contains("3 frames"), out);
        assertTrue(out.contains("16000.0 Hz x 1") && out.contains("16000 frames, 1.000 s"), out);
    }

    @Test
    void inspectFlagsADamagedFileWithExitCode3(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(TestPaths.demoLog());
        for (int i = 0; i < 64; i++) {
            bytes[bytes.length / 2 + i] ^= (byte) 0x5A;
        }
        Path damaged = dir.resolve("damaged.vlog");
        Files.write(damaged, bytes);
        CliRun run = CliRun.run("inspect", damaged.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(String.join("\n", run.outLines()).contains("corrupt parts: 1"), run.outLines().toString());
    }

    /** Offset of the {@code nth} TIME_HIGH word of an EVT 2.0 file (after its {@code %} header lines). */
    private static int evt2TimeHigh(byte[] f, int nth) {
        int at = 0;
        while (f[at] == '%') {
            at = indexOf(f, (byte) '\n', at) + 1;
        }
        for (int seen = 0; ; at += 4) {
            if ((f[at + 3] & 0xF0) == 0x80 && seen++ == nth) {
                return at;
            }
        }
    }

    private static int indexOf(byte[] f, byte b, int from) {
        int i = from;
        while (f[i] != b) {
            i++;
        }
        return i;
    }

    @Test
    void aFlippedTimestampIsReportedAndDoesNotStretchTheRecording(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(data("event-camera/prophesee_gen3_evt2_faery.raw"));
        int word = evt2TimeHigh(bytes, 500);
        bytes[word + 3] ^= 0x0C;   // one EVT 2.0 TIME_HIGH word 3 * 2^26 ahead: a faked counter wrap follows
        Path damaged = Files.write(dir.resolve("faery-damaged.raw"), bytes);

        CliRun inspect = CliRun.run("inspect", damaged.toString());
        assertEquals(3, inspect.exitCode(), inspect.err());
        String out = String.join("\n", inspect.outLines());
        assertTrue(out.contains("evt2, 1 stream(s), 0.096 s"), out);
        assertTrue(out.contains("corrupt parts: 1") && out.contains("time jumps ahead by"), out);

        CliRun replay = CliRun.run("replay", damaged.toString(), "--max", "--no-mqtt");
        assertEquals(0, replay.exitCode(), replay.err());
        assertTrue(replay.err().contains("Summary of " + damaged + " (0.10 s recorded"), replay.err());
        assertTrue(replay.err().contains("skipped: " + damaged + " at byte "), replay.err());
    }

    @Test
    void convertMergesSeveralFormatsAndLosesNothing(@TempDir Path dir) throws Exception {
        Path wav = data("audio/speechcommands_yes_no_go_stop_alif.wav");
        Path mat = data("vibration/cwru_X118_ball007_0hp_12kDE.mat");
        Path dat = data("event-camera/prophesee_dat2_expelliarmus.dat");
        Path out = dir.resolve("merged.vlog");
        CliRun run = CliRun.run("convert", wav.toString(), mat.toString(), dat.toString(), out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<List<Number>> expected = new ArrayList<>();
        for (Path in : List.of(wav, mat, dat)) {
            try (SensorSource s = LogFormats.open(in, FormatOptions.defaults())) {
                expected.addAll(contents(s));
            }
        }
        try (SensorSource s = LogFormats.open(out, FormatOptions.defaults())) {
            assertEquals(expected.size(), s.streams().size());
            List<List<Number>> got = contents(s);
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i).toArray(), got.get(i).toArray(), "stream " + i);
            }
            assertTrue(s.problems().isEmpty());
        }
        assertEquals(4407 * 2, expected.get(expected.size() - 1).size(), "DAT file holds 4,407 events (SOURCES.md)");
    }

    @Test
    void replayRunsARealRecordingDirectly() {
        CliRun run = CliRun.run("replay", data("event-camera/davis346_aestream_example.aedat4").toString(), "--max", "--no-mqtt");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("117667 events"), run.err());
    }
}
