package dev.vigil.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vigil compile` on the NIR paper's models in ../shared/data/nir. */
class CompileCommandTest {

    private static Path nir(String name) {
        return TestPaths.shared().resolve("data/nir").resolve(name);
    }

    @Test
    void braillePlacesOnLoihiCoresWithAReportAndABundle(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("braille.bundle");
        CliRun run = CliRun.run("compile", nir("braille_noDelay_bias_zero.nir").toString(), "--device", "loihi",
                "--out", bundle.toString());
        assertEquals(0, run.exitCode(), run.err());
        String report = String.join("\n", run.outLines());
        assertTrue(report.contains("of 128 cores"), report);
        assertTrue(report.contains("/1024"), "per-core neuron utilisation against Loihi's 1,024: " + report);
        assertTrue(report.contains("quantisation"), report);
        assertTrue(Files.isRegularFile(bundle.resolve("manifest.json")), "bundle manifest written");
        assertTrue(run.err().contains("sha256 "), run.err());
    }

    @Test
    void brailleCompilesForTheAkidaClassDeviceWithPerNpuUseAndItsQuantisationCost(@TempDir Path dir)
            throws Exception {
        Path bundle = dir.resolve("braille-akida");
        CliRun run = CliRun.run("compile", nir("braille_noDelay_bias_zero.nir").toString(), "--device", "akida",
                "--out", bundle.toString());
        assertEquals(0, run.exitCode(), run.err());
        String report = String.join("\n", run.outLines());
        assertTrue(report.contains("device akida: 2 of 80 cores"), "recurrent lif1 and lif2, one NPU each: " + report);
        assertTrue(report.contains("lif1.lif") && report.contains("38/2048"),
                "the 38 hidden neurons (nb_hidden in the model's parameter file) against an NPU's 2,048: " + report);
        assertTrue(report.contains("/102400"), "weights against an NPU's 102,400: " + report);
        assertTrue(report.contains("quantisation") && report.contains("max|dw|"), report);
        assertTrue(report.contains("device 'akida' holds 8-bit weights with exponent 0..0"),
                "the report says what the missing weight exponent cost: " + report);
        String manifest = Files.readString(bundle.resolve("manifest.json"));
        assertTrue(manifest.contains("\"device\" : \"akida\""), manifest);
        assertTrue(run.err().contains("sha256 "), run.err());
    }

    @Test
    void compilingTwiceWritesTheSameBundle(@TempDir Path dir) throws Exception {
        for (String out : new String[]{"a", "b"}) {
            assertEquals(0, CliRun.run("compile", nir("lif_norse.nir").toString(), "--device", "loihi", "--dt", "0.0001",
                    "--out", dir.resolve(out).toString()).exitCode());
        }
        try (var files = Files.list(dir.resolve("a"))) {
            for (Path f : files.toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve("b").resolve(f.getFileName())), f.toString());
            }
        }
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
