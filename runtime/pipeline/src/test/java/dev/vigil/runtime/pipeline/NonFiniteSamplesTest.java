package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A NaN or infinite sample (a CSV cell reading "NaN", a driver's glitch) would stay in a band filter's state
 * for good and silence the lane; the lane takes it as 0. Two runs of silence, a glitch, then a tone: one
 * with the glitch as NaN, +Inf and -Inf, one with it as 0, give the same windows and detections.
 */
class NonFiniteSamplesTest {
    private static final int RATE = 16_000;
    private static final int BATCH = 160;

    @Test
    void aNonFiniteSampleIsTakenAsZeroAndTheLaneStillWakes() throws Exception {
        List<String> clean = run(0f, 0f, 0f);
        List<String> glitched = run(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
        assertFalse(clean.stream().noneMatch(s -> s.startsWith("detection")), "the tone wakes the lane: " + clean);
        assertEquals(clean, glitched);
    }

    private static List<String> run(float a, float b, float c) throws Exception {
        VigilConfig cfg = ConfigLoader.parse("""
                sensors:
                  dvs: {enabled: false}
                  vibration: {enabled: false}
                  audio:
                    wake: {on-spikes: 1, off-spikes: 0}
                """, "test");
        StreamDescriptor mic = StreamDescriptor.sampled(0, StreamKind.AUDIO, "mic", RATE, 1, "FS");
        List<String> seen = new ArrayList<>();
        try (PipelineRun run = new Pipeline(cfg, new ReferenceDevice(), d -> seen.add("detection " + d.label() + " " + d.deviceTimeUs()))
                .observe((sensor, endUs, counts, decision) -> seen.add("window " + endUs + " " + java.util.Arrays.toString(counts)))
                .start(List.of(mic))) {
            SampleBatch batch = new SampleBatch(mic, BATCH);
            long frame = 0;
            for (int k = 0; k < 150; k++, frame += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    long n = frame + i;
                    batch.samples()[i] = n >= RATE && n < RATE * 12 / 10 ? (float) (0.5 * Math.sin(2 * Math.PI * 1000 * n / RATE)) : 0f;
                }
                if (k == 20) {
                    batch.samples()[3] = a;
                    batch.samples()[4] = b;
                    batch.samples()[5] = c;
                }
                batch.set(frame * 1_000_000L / RATE, BATCH);
                run.accept(batch);
            }
            run.finish();
        }
        return seen;
    }
}
