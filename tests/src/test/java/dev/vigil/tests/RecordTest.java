package dev.vigil.tests;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.vlog.VlogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vigil record` from a live source, with rotation: the files together hold the stream without a gap. */
class RecordTest {

    private static float[] audioOf(List<Path> files) throws IOException {
        List<Float> all = new ArrayList<>();
        for (Path f : files) {
            try (VlogReader r = new VlogReader(f)) {
                assertTrue(r.problems().isEmpty());
                Batch b;
                while ((b = r.next()) != null) {
                    if (b instanceof SampleBatch s && s.stream().kind() == StreamKind.AUDIO) {
                        for (int i = 0; i < s.size(); i++) {
                            all.add(s.samples()[i]);
                        }
                    }
                }
                assertTrue(r.problems().isEmpty(), f + ": " + r.problems());
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    @Test
    void rotatedRecordingOfTheLiveSceneHoldsTheSceneWithoutGaps(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("live.yaml");
        Files.writeString(cfg, "sources:\n  - driver: synth\n    settings: {seed: 7}\n");
        CliRun run = CliRun.run("record", dir.resolve("rec.vlog").toString(), "--config", cfg.toString(),
                "--duration", "1.6", "--rotate-s", "0.5");
        assertEquals(0, run.exitCode(), run.err());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("rec-\\d{4}\\.vlog")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "expected rotation into >= 3 files, got " + files);
        float[] recorded = audioOf(files);
        assertTrue(recorded.length >= 16_000, "about 1.6 s of 16 kHz audio, got " + recorded.length + " samples");
        float[] scene = audioOf(List.of(TestPaths.demoLog()));
        assertArrayEquals(java.util.Arrays.copyOf(scene, recorded.length), recorded,
                "the live scene's audio, split over files, equals the scene's first samples");
        assertTrue(run.err().contains("0 batches dropped"), run.err());
    }

    @Test
    void recordWithoutSourcesSaysWhatToAdd(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("none.yaml");
        Files.writeString(cfg, "device-id: x\n");
        CliRun run = CliRun.run("record", dir.resolve("r.vlog").toString(), "--config", cfg.toString(), "--duration", "1");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no live sources configured"), run.err());
    }

    @Test
    void unknownDriverListsTheAvailableOnes(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "sources:\n  - driver: lidar9\n");
        CliRun run = CliRun.run("record", dir.resolve("r.vlog").toString(), "--config", cfg.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no driver 'lidar9' (available: ") && run.err().contains("synth"), run.err());
    }
}
