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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lane whose encoder gives no spikes still moves with its stream's time: the above-floor filterbank is
 * silent on silence, and before this held, its windows, a pending post-trigger span and the detection
 * at its end all waited for the next sound (live metrics showed no audio lane; a keyword followed by
 * quiet was published only when something was heard again).
 */
class QuietLaneKeepsTimeTest {
    private static final int RATE = 16_000;
    private static final int BATCH = 160;

    @Test
    void windowsAndAPendingDetectionCloseAsSilentBatchesArrive() throws Exception {
        VigilConfig cfg = ConfigLoader.parse("""
                sensors:
                  dvs: {enabled: false}
                  vibration: {enabled: false}
                  audio:
                    wake: {on-spikes: 1, off-spikes: 0, post-trigger-ms: 150}
                """, "test");
        StreamDescriptor mic = StreamDescriptor.sampled(0, StreamKind.AUDIO, "mic", RATE, 1, "FS");
        List<Long> windowEnds = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        try (PipelineRun run = new Pipeline(cfg, new ReferenceDevice(), detections::add)
                .observe((sensor, endUs, counts, decision) -> windowEnds.add(endUs))
                .start(List.of(mic))) {
            SampleBatch b = new SampleBatch(mic, BATCH);
            long frame = 0;
            // 0.5 s of silence (the floor settles), 0.2 s of a 1 kHz tone, then 1 s of silence
            for (int k = 0; k < 170; k++, frame += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    long n = frame + i;
                    b.samples()[i] = n >= RATE / 2 && n < RATE * 7 / 10 ? (float) (0.5 * Math.sin(2 * Math.PI * 1000 * n / RATE)) : 0f;
                }
                b.set(frame * 1_000_000L / RATE, BATCH);
                run.accept(b);
            }
            assertTrue(windowEnds.size() >= 33, "windows through 1.65 s of the 1.7 s are judged before the run finishes: "
                    + windowEnds.size());
            assertEquals(1, detections.size(), "the tone's detection is out once its post-trigger span has passed in silence");
            assertTrue(detections.getFirst().deviceTimeUs() < 1_000_000, detections.getFirst().toString());
        }
    }
}
