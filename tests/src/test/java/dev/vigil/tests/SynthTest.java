package dev.vigil.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The bundled example is exactly what `vigil synth` writes: Vigil made it, and anyone can remake it. */
class SynthTest {

    @Test
    void synthReproducesTheBundledExampleByteForByte(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo.vlog");
        CliRun run = CliRun.run("synth", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(Files.readAllBytes(TestPaths.demoLog()), Files.readAllBytes(out),
                "examples/demo.vlog differs from `vigil synth` output: regenerate it with `./vigilw synth examples/demo.vlog`");
    }

    @Test
    void anotherSeedGivesAnotherScene(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("other.vlog");
        assertEquals(0, CliRun.run("synth", out.toString(), "--seed", "8").exitCode());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(TestPaths.demoLog()), Files.readAllBytes(out)));
    }
}
