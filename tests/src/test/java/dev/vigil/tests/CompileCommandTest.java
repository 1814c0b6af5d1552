package dev.vigil.tests;

import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.bundle.Provenance;
import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.ModelCompiler;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.hal.Devices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vigil compile` on the NIR paper's models in ../shared/data/nir: reports and one-file bundles. */
class CompileCommandTest {

    private static Path nir(String name) {
        return TestPaths.shared().resolve("data/nir").resolve(name);
    }

    @Test
    void braillePlacesOnLoihiCoresWithAReportAndABundle(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("braille.vigil");
        CliRun run = CliRun.run("compile", nir("braille_noDelay_bias_zero.nir").toString(), "--device", "loihi",
                "--out", bundle.toString());
        assertEquals(0, run.exitCode(), run.err());
        String report = String.join("\n", run.outLines());
        assertTrue(report.contains("of 128 cores"), report);
        assertTrue(report.contains("/1,024"), "per-core neuron utilisation against Loihi's 1,024: " + report);
        assertTrue(report.contains("quantisation"), report);
        assertTrue(Files.isRegularFile(bundle), "bundle written");
        assertTrue(run.err().contains("sha256 "), run.err());
    }

    @Test
    void brailleCompilesForTheAkidaClassDeviceWithPerNpuUseAndItsQuantisationCost(@TempDir Path dir)
            throws Exception {
        Path bundle = dir.resolve("braille-akida.vigil");
        CliRun run = CliRun.run("compile", nir("braille_noDelay_bias_zero.nir").toString(), "--device", "akida",
                "--out", bundle.toString());
        assertEquals(0, run.exitCode(), run.err());
        String report = String.join("\n", run.outLines());
        assertTrue(report.contains("device akida: 2 of 80 cores"), "recurrent lif1 and lif2, one NPU each: " + report);
        assertTrue(report.contains("lif1.lif") && report.contains("38/2,048"),
                "the 38 hidden neurons (nb_hidden in the model's parameter file) against an NPU's 2,048: " + report);
        assertTrue(report.contains("/102,400"), "weights against an NPU's 102,400: " + report);
        assertTrue(report.contains("quantisation") && report.contains("max|dw|"), report);
        assertTrue(report.contains("device 'akida' holds 8-bit weights with exponent 0..0"),
                "the report says what the missing weight exponent cost: " + report);
        String manifest = Files.readString(bundle);
        assertTrue(manifest.contains("\"device\" : \"akida\""), manifest);
        assertTrue(run.err().contains("sha256 "), run.err());
    }

    @Test
    void compilingTwiceWritesTheSameBundle(@TempDir Path dir) throws Exception {
        for (String out : new String[]{"a", "b"}) {
            assertEquals(0, CliRun.run("compile", nir("lif_norse.nir").toString(), "--device", "loihi", "--dt", "0.0001",
                    "--out", dir.resolve(out).toString()).exitCode());
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a")), Files.readAllBytes(dir.resolve("b")));
    }

    @Test
    void anotherJvmWritesTheSameBundleToo(@TempDir Path dir) throws Exception {
        // key order must not hang on per-JVM hash seeds (Map.of's iteration order differs between JVMs)
        Path model = nir("braille_noDelay_bias_zero.nir");
        assertEquals(0, CliRun.run("compile", model.toString(), "--device", "loihi", "-o", dir.resolve("here.vigil").toString()).exitCode());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.vigil.runtime.cli.VigilCli", "compile",
                model.toString(), "--device", "loihi", "-o", dir.resolve("there.vigil").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(dir.resolve("log.txt")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("here.vigil")), Files.readAllBytes(dir.resolve("there.vigil")));
    }

    @Test
    void theBundleHoldsTheCompiledNetworkItsQuantisationAndWhereItCameFrom(@TempDir Path dir) throws Exception {
        Path model = nir("braille_noDelay_bias_zero.nir");
        Path bundle = dir.resolve("braille.vigil");
        CliRun run = CliRun.run("compile", model.toString(), "--device", "loihi", "-o", bundle.toString());
        assertEquals(0, run.exitCode(), run.err());
        CompilationResult compiled = ModelCompiler.compile(model, Devices.find("loihi").orElseThrow().create().capabilities(), 0.001);
        ModelBundle read = BundleCodec.read(bundle, ConfigLoader.defaults());
        BundleLane lane = read.lane(Sensor.AUDIO).orElseThrow(() -> new AssertionError("an input of 12 makes an audio lane"));
        assertEquals(compiled.model().network(), lane.frontEnd().network(), "the integer network as the device runs it");
        assertEquals(compiled.model().report().layers(), lane.frontEnd().quantisation());
        assertEquals("loihi", lane.frontEnd().device());
        assertEquals(List.of(12), lane.frontEnd().inputShape());
        assertEquals(7, lane.frontEnd().readouts().size());
        assertEquals(lane.frontEnd().readouts(), lane.head().model().labels(), "the head labels a wake with the busiest readout");
        assertEquals(new Provenance.Source("nir", "braille_noDelay_bias_zero.nir", BundleCodec.sha256(Files.readAllBytes(model))),
                read.provenance().sources().getFirst());
        assertTrue(run.err().contains("lanes audio; sha256 " + BundleCodec.sha256(Files.readAllBytes(bundle))), run.err());
    }

    @Test
    void aModelNoEncoderCanFeedAsConfiguredCompilesWithAOneLineWarning(@TempDir Path dir) throws Exception {
        CliRun defaults = CliRun.run("compile", nir("lif_norse.nir").toString(), "-o", dir.resolve("one-band.vigil").toString());
        assertEquals(0, defaults.exitCode(), defaults.err());
        assertFalse(defaults.err().contains("warning"), "one input is one band above its floor: " + defaults.err());
        Path delta = Files.writeString(dir.resolve("delta.yaml"), "sensors:\n  audio:\n    spikes: rise-fall\n");
        CliRun run = CliRun.run("compile", nir("lif_norse.nir").toString(), "--config", delta.toString(), "-o",
                dir.resolve("lif.vigil").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("vigil: warning: lane audio: model 'lif_norse' takes 1 inputs (shape 1); the audio encoder"
                + " gives 2 channel(s) per band (rise, fall) plus 0 envelope channel(s), so it needs 2 x bands + 0: set"
                + " sensors.audio.spikes (rise-fall, rise or above-floor) or sensors.audio.envelope in the config the bundle is compiled with\n"),
                run.err());
    }

    @Test
    void missingModelAndUnknownDeviceAreOneLineErrors(@TempDir Path dir) {
        CliRun missing = CliRun.run("compile", dir.resolve("none.nir").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().strip().startsWith("vigil: error: model file not found"), missing.err());
        CliRun device = CliRun.run("compile", nir("lif_norse.nir").toString(), "--device", "tpu");
        assertEquals(1, device.exitCode());
        assertTrue(device.err().contains("no HAL device 'tpu'"), device.err());
    }
}
