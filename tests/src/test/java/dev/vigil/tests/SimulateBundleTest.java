package dev.vigil.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vigil simulate` and `vigil export-nir` on model bundles, against the NIR files they were compiled from. */
class SimulateBundleTest {

    private static Path nir(String name) {
        return TestPaths.shared().resolve("data/nir").resolve(name);
    }

    /** lif_exact.csv's input column (one spike where it is 1) as a step,channel CSV. */
    private static Path lifInput(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(nir("lif_exact.csv"));
        StringBuilder csv = new StringBuilder("step,channel\n");
        for (int s = 0; s < lines.size(); s++) {
            if (Double.parseDouble(lines.get(s).split(",")[0]) != 0) {
                csv.append(s).append(",0\n");
            }
        }
        return Files.writeString(dir.resolve("lif_input.csv"), csv);
    }

    private static List<String> rows(CliRun run) {
        return run.outLines().stream().filter(l -> !l.startsWith("#")).toList();
    }

    private static Path compile(Path model, Path out, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("compile", model.toString(), "-o", out.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    @Test
    void lifBundleSpikesAtTheNirPapersStepsOnTheGoldenAndTheLoihiClassDevice(@TempDir Path dir) throws Exception {
        Path input = lifInput(dir);
        for (String device : List.of("reference", "loihi")) {
            Path bundle = compile(nir("lif_norse.nir"), dir.resolve("lif." + device + ".vigil"), "--dt", "0.0001",
                    "--device", device);
            CliRun fromBundle = CliRun.run("simulate", bundle.toString(), "--input", input.toString(), "--steps", "1000",
                    "--device", device);
            assertEquals(0, fromBundle.exitCode(), fromBundle.err());
            String expected = device.equals("reference") ? "460 510 710 760" : "461 511 711 761";
            assertEquals(List.of("neuron,readout,count,spike_steps", "0,output,4," + expected), rows(fromBundle));
            CliRun fromNir = CliRun.run("simulate", nir("lif_norse.nir").toString(), "--input", input.toString(),
                    "--dt", "0.0001", "--steps", "1000", "--device", device);
            assertEquals(fromNir.outLines(), fromBundle.outLines(), "the bundle runs what the NIR file compiles to");
        }
    }

    @Test
    void brailleBundleRunsOnEveryDeviceAsItsNirFileDoes(@TempDir Path dir) {
        String input = nir("nested_subgraph_cuba_input.csv").toString();
        for (String device : List.of("reference", "fast", "loihi", "akida")) {
            Path bundle = compile(nir("braille_noDelay_bias_zero.nir"), dir.resolve("braille." + device + ".vigil"),
                    "--dt", "0.0001", "--device", device);
            CliRun fromBundle = CliRun.run("simulate", bundle.toString(), "--input", input, "--device", device);
            assertEquals(0, fromBundle.exitCode(), device + ": " + fromBundle.err());
            assertEquals(8, rows(fromBundle).size(), device + ": a header and the 7 Braille classes: " + rows(fromBundle));
            CliRun fromNir = CliRun.run("simulate", nir("braille_noDelay_bias_zero.nir").toString(), "--input", input,
                    "--dt", "0.0001", "--device", device);
            assertEquals(fromNir.outLines(), fromBundle.outLines(), device);
        }
    }

    @Test
    void aBundleQuantisedForOneDeviceIsRefusedByOneItCannotHoldNamingTheLayer(@TempDir Path dir) {
        Path bundle = compile(nir("braille_noDelay_bias_zero.nir"), dir.resolve("braille.vigil"), "--dt", "0.0001");
        CliRun run = CliRun.run("simulate", bundle.toString(), "--input", nir("nested_subgraph_cuba_input.csv").toString(),
                "--device", "loihi");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("compiled for 'reference') does not fit device 'loihi': layer 'lif1.lif'"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void exportedBundleCompilesAndSimulatesToTheSameSpikes(@TempDir Path dir) {
        Path bundle = compile(nir("nested_subgraph_cuba.nir"), dir.resolve("cuba.vigil"), "--device", "loihi");
        Path exported = dir.resolve("cuba.nir");
        CliRun export = CliRun.run("export-nir", bundle.toString(), "--device", "loihi", "-o", exported.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.err().contains("wrote " + exported), export.err());
        Path again = compile(exported, dir.resolve("again.vigil"), "--device", "loihi");
        String input = nir("nested_subgraph_cuba_input.csv").toString();
        CliRun original = CliRun.run("simulate", bundle.toString(), "--input", input, "--device", "loihi");
        CliRun roundTrip = CliRun.run("simulate", again.toString(), "--input", input, "--device", "loihi");
        CliRun exportedNir = CliRun.run("simulate", exported.toString(), "--input", input, "--device", "loihi");
        assertEquals(0, original.exitCode(), original.err());
        assertTrue(rows(original).stream().skip(1).anyMatch(r -> !r.split(",")[2].equals("0")), rows(original).toString());
        assertEquals(rows(original), rows(roundTrip));
        assertEquals(rows(original), rows(exportedNir));
    }

    @Test
    void theBuiltinLanesShiftLeakReadoutsAreRefusedByExportInOneLineNamingTheLayer(@TempDir Path dir) {
        Path builtin = dir.resolve("builtin.vigil");
        CliRun write = CliRun.run("compile", "--builtin", "-o", builtin.toString());
        assertEquals(0, write.exitCode(), write.err());
        for (String sensor : List.of("dvs", "audio", "vibration")) {
            Path exported = dir.resolve(sensor + ".nir");
            CliRun export = CliRun.run("export-nir", builtin.toString(), "--sensor", sensor, "-o", exported.toString());
            assertEquals(1, export.exitCode(), sensor + ": " + export.err());
            assertTrue(export.err().contains("layer '" + sensor + "-readout' has lif-shift neurons, which no NIR node"
                    + " expresses exactly"), export.err());
            assertEquals(1, export.err().strip().lines().count(), export.err());
            assertTrue(Files.notExists(exported), "nothing written for " + sensor);
        }
    }

    @Test
    void aBundleOfSeveralLanesNeedsSensorAndRefusalsAreOneLine(@TempDir Path dir) {
        Path builtin = dir.resolve("builtin.vigil");
        CliRun write = CliRun.run("compile", "--builtin", "-o", builtin.toString());
        assertEquals(0, write.exitCode(), write.err());
        String input = nir("nested_subgraph_cuba_input.csv").toString();
        CliRun noSensor = CliRun.run("simulate", builtin.toString(), "--input", input);
        assertEquals(1, noSensor.exitCode());
        assertTrue(noSensor.err().contains("builtin.vigil holds 3 lanes (") && noSensor.err().contains("pick one with --sensor"),
                noSensor.err());
        assertEquals(1, noSensor.err().strip().lines().count(), noSensor.err());
        CliRun exportNoSensor = CliRun.run("export-nir", builtin.toString(), "-o", dir.resolve("x.nir").toString());
        assertEquals(1, exportNoSensor.exitCode());
        assertTrue(exportNoSensor.err().contains("pick one with --sensor"), exportNoSensor.err());
        Path lif = compile(nir("lif_norse.nir"), dir.resolve("lif.vigil"), "--dt", "0.0001");
        CliRun missing = CliRun.run("simulate", lif.toString(), "--input", input, "--sensor", "dvs");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("lif.vigil holds no dvs lane (it holds: audio)"), missing.err());
        CliRun onNir = CliRun.run("simulate", nir("lif_norse.nir").toString(), "--input", input, "--sensor", "audio");
        assertEquals(1, onNir.exitCode());
        assertTrue(onNir.err().contains("--sensor audio is refused") && onNir.err().contains("picks a lane of a model bundle"),
                onNir.err());
    }

    @Test
    void aBundlesLaneEncodesARecordingWithTheSettingsItHolds(@TempDir Path dir) throws Exception {
        Path rise = Files.writeString(dir.resolve("rise.yaml"), "sensors:\n  audio:\n    spikes: rise\n");
        Path bundle = compile(nir("conv1d_audio_lif.nir"), dir.resolve("conv1d.vigil"), "--config", rise.toString());
        String wav = TestPaths.shared().resolve("data/audio/speechcommands_yes_1000ms_tflm.wav").toString();
        CliRun fromBundle = CliRun.run("simulate", bundle.toString(), "--input", wav);
        assertEquals(0, fromBundle.exitCode(), fromBundle.err());
        CliRun fromNir = CliRun.run("simulate", nir("conv1d_audio_lif.nir").toString(), "--input", wav, "--config",
                rise.toString());
        assertEquals(fromNir.outLines(), fromBundle.outLines(), "the bundle keeps the config's 16 rising-spike bands");
        Path defaults = compile(nir("conv1d_audio_lif.nir"), dir.resolve("conv1d-floor.vigil"));
        CliRun aboveFloor = CliRun.run("simulate", defaults.toString(), "--input", wav, "--config", rise.toString());
        assertEquals(0, aboveFloor.exitCode(), aboveFloor.err());
        assertTrue(aboveFloor.outLines().stream().anyMatch(l -> l.startsWith("# input: ") && l.contains("through 16 bands")
                        && l.contains("above an adaptive floor")),
                "--config does not change a bundle's encoder: " + aboveFloor.outLines());
        assertNotEquals(fromBundle.outLines(), aboveFloor.outLines());
        Path dvs = compile(nir("conv_dvs_sumpool_if.nir"), dir.resolve("conv.vigil"), "--device", "fast");
        String nmnist = TestPaths.shared().resolve("data/event-camera/nmnist_tonic_sample.bin").toString();
        CliRun camera = CliRun.run("simulate", dvs.toString(), "--input", nmnist, "--device", "fast");
        CliRun cameraNir = CliRun.run("simulate", nir("conv_dvs_sumpool_if.nir").toString(), "--input", nmnist, "--device", "fast");
        assertEquals(0, camera.exitCode(), camera.err());
        assertEquals(cameraNir.outLines(), camera.outLines());
        CliRun noCamera = CliRun.run("simulate", dvs.toString(), "--input", wav);
        assertEquals(1, noCamera.exitCode());
        assertTrue(noCamera.err().contains("holds no dvs stream") && noCamera.err().contains("for the dvs lane"), noCamera.err());
    }
}
