package dev.vigil.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in front end as a user gets it without a model, on the real recordings: event-camera readouts
 * that count how much of each strip moves instead of saturating at one spike per step, whatever the
 * sensor's size, and the vibration envelope path on by default where the stream's rate holds it.
 */
class BuiltinFrontEndDefaultsTest {

    private static Path camera(String name) {
        return TestPaths.shared().resolve("data/event-camera").resolve(name);
    }

    /** The output rows of `vigil simulate` (neuron,readout,count,spike_steps), and the step count from its summary. */
    private record Counts(int[] perReadout, int steps) {
    }

    private static Counts simulate(Path bundle, Path recording, String sensor) {
        CliRun run = CliRun.run("simulate", bundle.toString(), "--sensor", sensor, "--input", recording.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = run.outLines().stream().filter(l -> !l.startsWith("#") && !l.startsWith("neuron,")).toList();
        int[] counts = rows.stream().mapToInt(r -> Integer.parseInt(r.split(",")[2])).toArray();
        String summary = run.outLines().stream().filter(l -> l.startsWith("# device")).findFirst().orElseThrow();
        int steps = Integer.parseInt(summary.replaceAll("^# device \\S+: (\\d+) steps.*", "$1"));
        return new Counts(counts, steps);
    }

    private static Path builtin(Path dir, String... options) {
        Path out = dir.resolve("builtin-" + String.join("-", options).replaceAll("[^a-z0-9]", "") + ".vigil");
        List<String> args = new java.util.ArrayList<>(List.of("compile", "--builtin", "-o", out.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    @Test
    void eventCameraStripsCountWhereTheSceneMovesOnEverySensorSize(@TempDir Path dir) {
        record Sample(String file, String resolution) {
        }
        for (Sample s : List.of(new Sample("davis346_aestream_example.aedat4", "346x260"),
                new Sample("prophesee_gen3_evt2_faery.raw", "640x480"),
                new Sample("nmnist_tonic_sample.bin", "34x34"),
                new Sample("prophesee_dat2_expelliarmus.dat", "54x61"))) {
            Counts c = simulate(builtin(dir, "--resolution", s.resolution()), camera(s.file()), "dvs");
            assertEquals(8, c.perReadout().length, s.file());
            int max = Arrays.stream(c.perReadout()).max().orElseThrow();
            int min = Arrays.stream(c.perReadout()).min().orElseThrow();
            assertTrue(min >= 0 && max > 0, s.file() + ": the moving scene makes strips spike: " + Arrays.toString(c.perReadout()));
            assertTrue(max < 0.75 * c.steps(), s.file() + ": no strip spikes on (nearly) every step of " + c.steps() + ": "
                    + Arrays.toString(c.perReadout()));
            assertTrue(max >= 2 * Math.max(1, min), s.file() + ": the counts differ from strip to strip: " + Arrays.toString(c.perReadout()));
        }
    }

    @Test
    void aBundleSizedForAnotherSensorSaysSoThroughItsCounts(@TempDir Path dir) {
        Counts nominal = simulate(builtin(dir), camera("nmnist_tonic_sample.bin"), "dvs");
        Counts sized = simulate(builtin(dir, "--resolution", "34x34"), camera("nmnist_tonic_sample.bin"), "dvs");
        assertTrue(Arrays.stream(nominal.perReadout()).sum() < Arrays.stream(sized.perReadout()).sum() / 10,
                "sized for a 346x260 frame, a 34x34 sensor's events are too few per pixel: " + Arrays.toString(nominal.perReadout())
                        + " against " + Arrays.toString(sized.perReadout()));
    }

    @Test
    void aBadResolutionIsRefusedInOneLine(@TempDir Path dir) {
        CliRun run = CliRun.run("compile", "--builtin", "--resolution", "346 by 260", "-o", dir.resolve("x.vigil").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("vigil: error: --resolution 346 by 260 is refused: use WIDTHxHEIGHT, e.g. 346x260", run.err().strip());
        assertTrue(Files.notExists(dir.resolve("x.vigil")));
    }

    @Test
    void theVibrationEnvelopeIsOnByDefaultWhereTheStreamsRateHoldsIt(@TempDir Path dir) throws Exception {
        CliRun compile = CliRun.run("compile", "--builtin", "-o", dir.resolve("b.vigil").toString());
        assertEquals(0, compile.exitCode(), compile.err());
        assertTrue(String.join("\n", compile.outLines()).contains("vibration-readout") && String.join("\n", compile.outLines()).contains("lane vibration: front end 'vibration-front-end' (input 13,"),
                "12 bands above the floor + 1 envelope impact channel: " + String.join("\n", compile.outLines()));
        Path mat = TestPaths.shared().resolve("data/vibration/cwru_X105_inner007_0hp_12kDE.mat");
        CliRun slowRate = CliRun.run("replay", mat.toString(), "--no-mqtt", "--max", "--sample-rate", "1000");
        assertEquals(0, slowRate.exitCode(), "a 1 kHz stream cannot hold the 2-4.5 kHz resonance band, so it runs on its"
                + " filterbank alone instead of being refused: " + slowRate.err());
        assertTrue(slowRate.err().lines().anyMatch(l -> l.strip().startsWith("vibration  121,265 samples")), slowRate.err());
    }
}
