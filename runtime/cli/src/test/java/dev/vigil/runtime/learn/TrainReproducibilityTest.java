package dev.vigil.runtime.learn;

import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.BundleException;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.bundle.Provenance;
import dev.vigil.runtime.cli.VigilCli;
import dev.vigil.runtime.config.ConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acceptance 4: {@code vigil train} twice with the same inputs and seed writes byte-identical bundles. */
class TrainReproducibilityTest {
    private static final Path DEMO = Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo.vlog");
    @TempDir
    static Path dir;
    static Path labels;

    @BeforeAll
    static void labels() throws Exception {
        // the demo scene (SceneSpec.demo): edge 1.5-2.5 s, speech 3.0-3.8 s, bearing fault 4.4-5.6 s
        labels = dir.resolve("demo.csv");
        Files.writeString(labels, "start_us,end_us,label\n1500000,2500000,dvs:motion\n3000000,3800000,audio:speech\n"
                + "4400000,5600000,vibration:bearing_fault\n");
    }

    private static byte[] train(String name, String seed) throws Exception {
        Path out = dir.resolve(name);
        assertEquals(0, VigilCli.execute("train", DEMO.toString(), "--labels", labels.toString(), "-o", out.toString(),
                "--seed", seed, "--epochs", "20"));
        return Files.readAllBytes(out);
    }

    @Test
    void sameInputsAndSeedGiveTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        byte[] a = train("a.json", "11");
        byte[] b = train("b.json", "11");
        byte[] c = train("c.json", "12");
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c), "the seed must matter");
        ModelBundle read = BundleCodec.read(dir.resolve("a.json"), ConfigLoader.defaults());
        assertEquals(3, read.lanes().size());
        assertArrayEquals(a, BundleCodec.encode(read), "read then written again gives the same bytes");
        assertTrue(read.provenance().sources().contains(new Provenance.Source("log", "demo.vlog",
                BundleCodec.sha256(Files.readAllBytes(DEMO)))), read.provenance().toString());
    }

    @Test
    void anEditedBundleIsRefused() throws Exception {
        byte[] a = train("d.json", "11");
        String text = new String(a, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\"on-spikes\" : (\\d+)", "\"on-spikes\" : 1$1");
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, text);
        String m = assertThrows(BundleException.class, () -> BundleCodec.read(edited, ConfigLoader.defaults())).getMessage();
        assertTrue(m.startsWith(edited + ": ") && m.contains("SHA-256 does not match"), m);
    }
}
