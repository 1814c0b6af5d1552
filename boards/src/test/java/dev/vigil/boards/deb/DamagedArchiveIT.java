package dev.vigil.boards.deb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged class-data-sharing archive never stops Vigil for more than one start. JDK 25 crashes (SIGABRT in
 * {@code DynamicArchive::setup_array_klasses}) on an archive with one byte of its header changed, and on bytes
 * changed in its data; every command mapped it, so every command crashed, and the service crash-looped. With the
 * distribution the build assembled: a real {@code vigil run} makes the archive, a byte is changed, and by the
 * second start at the latest the run works again.
 */
class DamagedArchiveIT {

    @Test
    void aDamagedArchiveCostsOneStartAtMost(@TempDir Path home) throws Exception {
        Path launcher = AssembledDistribution.launcher();
        Path cds = home.resolve("cds");
        Map<String, String> env = Map.of("HOME", home.toString(), "VIGIL_CDS_DIR", cds.toString());
        Path config = Files.writeString(home.resolve("synth.yaml"), "sources:\n  - driver: synth\n");
        List<String> run = List.of(launcher.toString(), "run", "--config", config.toString(), "--no-mqtt",
                "--duration", "1");
        Command first = Command.run(home, env, run);
        assertEquals(0, first.exit(), first.output());
        Path archive;
        try (Stream<Path> made = Files.list(cds)) {
            archive = made.filter(p -> p.toString().endsWith(".jsa")).findFirst()
                    .orElseThrow(() -> new AssertionError("vigil run made no archive in " + cds));
        }
        try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
            f.seek(50);
            int b = f.read();
            f.seek(50);
            f.write(b ^ 0x5a);
        }
        Command damaged = Command.run(home, env, run);
        Command next = Command.run(home, env, run);
        assertEquals(0, next.exit(), "the start after a damaged archive works: " + damaged.output() + "\n---\n" + next.output());
        assertTrue(next.output().contains("live run"), next.output());
        if (damaged.exit() != 0) {
            assertTrue(next.output().contains("vigil: dropped the class-data-sharing archive " + archive), next.output());
        }
    }
}
