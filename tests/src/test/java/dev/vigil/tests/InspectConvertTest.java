package dev.vigil.tests;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.vlog.VlogWriter;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertTrue(out.contains("346x260: 117,667 events (72,363 ON)"), out);
        assertTrue(out.contains("15 triggers") && out.contains("3 frames"), out);
        assertTrue(out.contains("16,000 Hz x 1") && out.contains("16,000 frames, 1.000 s"), out);
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
        assertTrue(out.contains("evt2, 1 stream, 0.096 s"), out);
        assertTrue(out.contains("corrupt parts: 1") && out.contains("time jumps ahead by"), out);

        CliRun replay = CliRun.run("replay", damaged.toString(), "--max", "--no-mqtt");
        assertEquals(0, replay.exitCode(), replay.err());
        assertTrue(replay.err().contains("Summary of " + damaged + " (recorded 0.10 s"), replay.err());
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
    void convertStartsInputsWithAbsoluteClocksTogetherAndSaysSo(@TempDir Path dir) throws Exception {
        Path wav = data("audio/speechcommands_yes_1000ms_tflm.wav");
        Path mat = data("vibration/cwru_X105_inner007_0hp_12kDE.mat");
        Path aedat = data("event-camera/davis346_aestream_example.aedat4");
        Path out = dir.resolve("mixed.vlog");
        CliRun run = CliRun.run("convert", wav.toString(), mat.toString(), aedat.toString(), out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("vigil: davis346_aestream_example.aedat4 starts at 2021-"), run.err());
        assertTrue(run.err().contains("UTC (a Unix-time clock): moved to start at 0 with the other inputs"), run.err());
        assertFalse(run.err().contains("speechcommands_yes_1000ms_tflm.wav starts at"), "a WAV starts at 0 already: " + run.err());
        assertTrue(run.err().contains("vigil: warning: " + mat + ": the file stores no sample rate: 12,000 Hz assumed"),
                "the rate the recording keeps from now on was assumed: " + run.err());
        long[] span = span(out);
        assertEquals(0, span[0], "the recording starts at 0");
        assertTrue(span[1] < 10_200_000, "as long as its longest input (the .mat, 10.1 s), not 51 years: " + span[1] + " us");
        List<List<Number>> original;
        try (SensorSource s = LogFormats.open(aedat, FormatOptions.defaults())) {
            original = contents(s);
        }
        try (SensorSource s = LogFormats.open(out, FormatOptions.defaults())) {
            List<List<Number>> got = contents(s);
            long shift = original.get(0).get(0).longValue() - got.get(2).get(0).longValue();
            for (int i = 0; i < got.get(2).size(); i += 2) {
                assertEquals(original.get(0).get(i).longValue() - shift, got.get(2).get(i).longValue(), "event " + i / 2 + " keeps its timing");
                assertEquals(original.get(0).get(i + 1), got.get(2).get(i + 1));
            }
        }
    }

    @Test
    void keepTimeKeepsEachInputsClock(@TempDir Path dir) throws Exception {
        Path wav = data("audio/speechcommands_yes_1000ms_tflm.wav");
        Path aedat = data("event-camera/davis346_aestream_example.aedat4");
        Path out = dir.resolve("kept.vlog");
        CliRun run = CliRun.run("convert", "--keep-time", wav.toString(), aedat.toString(), out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("moved to start at 0"), run.err());
        assertTrue(run.err().contains("vigil: warning: the inputs' clocks start 1,633,953,69"), "the 51-year gap is named: " + run.err());
        assertTrue(run.err().contains("davis346_aestream_example.aedat4 at 2021-10-11 ") && run.err().contains("--keep-time keeps that gap"),
                run.err());
        assertTrue(span(out)[1] > 1_600_000_000_000_000L, "the AEDAT 4 file's Unix-time clock is kept");
    }

    @Test
    void convertTakesTheOutputLastOrFromOutAndRefusesNone(@TempDir Path dir) throws Exception {
        Path wav = data("audio/speechcommands_yes_1000ms_tflm.wav");
        Path mat = data("vibration/cwru_X105_inner007_0hp_12kDE.mat");
        Path last = dir.resolve("last.vlog");
        Path named = dir.resolve("named.vlog");
        assertEquals(0, CliRun.run("convert", wav.toString(), mat.toString(), last.toString()).exitCode());
        CliRun run = CliRun.run("convert", wav.toString(), mat.toString(), "-o", named.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(Files.readAllBytes(last), Files.readAllBytes(named), "-o names the same output as the last FILE");
        CliRun none = CliRun.run("convert", wav.toString());
        assertEquals(2, none.exitCode(), none.err());
        assertTrue(none.err().contains("convert needs the output: name it last (vigil convert IN... OUT.vlog) or with --out OUT.vlog"),
                none.err());
    }

    /** The first and last element time of a recording, µs. */
    private static long[] span(Path recording) throws IOException {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (SensorSource s = LogFormats.open(recording, FormatOptions.defaults())) {
            for (Batch b; (b = s.next()) != null; ) {
                if (b.size() > 0) {
                    first = Math.min(first, b.firstTimeUs());
                    last = Math.max(last, b.lastTimeUs());
                }
            }
        }
        return new long[] {first, last};
    }

    @Test
    void inspectSaysWhenASampleRateWasAssumedAndWhatFullScaleIs() {
        Path mat = data("vibration/cwru_X097_normal_0hp.mat");
        CliRun assumed = CliRun.run("inspect", mat.toString());
        assertEquals(0, assumed.exitCode(), assumed.err());
        assertTrue(assumed.outLines().contains("  sample rate: the file stores no sample rate: 12,000 Hz assumed (the default; "
                + "set --sample-rate, e.g. --sample-rate 48000 for CWRU's 48 kHz files)"), assumed.outLines().toString());
        CliRun given = CliRun.run("inspect", "--sample-rate", "48000", mat.toString());
        assertTrue(given.outLines().contains("  sample rate: the file stores no sample rate: 48,000 Hz from --sample-rate"),
                given.outLines().toString());
        assertTrue(String.join("\n", given.outLines()).contains("48,000 Hz x 2 (units not stated: set --units): 243,938 frames, 5.082 s"),
                given.outLines().toString());
        CliRun wav = CliRun.run("inspect", data("audio/speechcommands_yes_1000ms_tflm.wav").toString());
        assertTrue(String.join("\n", wav.outLines()).contains("16,000 Hz x 1 FS (full scale: -1 to 1)"), wav.outLines().toString());
        assertFalse(String.join("\n", wav.outLines()).contains("sample rate:"), "a WAV file stores its rate");
    }

    @Test
    void replayWarnsOfAnAssumedSampleRate() {
        CliRun run = CliRun.run("replay", data("vibration/cwru_X118_ball007_0hp_12kDE.mat").toString(), "--max", "--no-mqtt");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("vigil: warning: " + data("vibration/cwru_X118_ball007_0hp_12kDE.mat")
                + ": the file stores no sample rate: 12,000 Hz assumed"), run.err());
    }

    @Test
    void aRecordingShorterThanOneWindowIsWarnedAbout(@TempDir Path dir) throws Exception {
        Path shortLog = dir.resolve("short.vlog");
        StreamDescriptor audio = StreamDescriptor.sampled(0, StreamKind.AUDIO, "mic", 16_000, 1, "FS");
        try (VlogWriter w = new VlogWriter(shortLog, List.of(audio))) {
            SampleBatch b = new SampleBatch(audio, 320);
            b.set(0, 320);
            w.write(b);
        }
        CliRun run = CliRun.run("replay", shortLog.toString(), "--max", "--no-mqtt");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("vigil: warning: the recording holds 0.020 s, less than one 50 ms window: "
                + "it was judged as one partial window, so a wake rule tuned for full windows may miss"), run.err());
        assertTrue(run.err().contains("dense stage ran in 0 of 1 window"), run.err());
        assertFalse(run.err().contains("0 of 0 windows"), run.err());
    }

    @Test
    void replayRunsARealRecordingDirectly() {
        CliRun run = CliRun.run("replay", data("event-camera/davis346_aestream_example.aedat4").toString(), "--max", "--no-mqtt");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("117,667 events"), run.err());
    }
}
