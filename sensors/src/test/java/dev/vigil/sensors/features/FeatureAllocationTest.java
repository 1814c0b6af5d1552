package dev.vigil.sensors.features;

import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appending to the rings and computing features on a wake allocate nothing in steady state (JMH measures it per sample). */
class FeatureAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated(Runnable r) {
        r.run();
        r.run();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        r.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void ringsAndFeaturesAllocateNothing() {
        SplittableRandom r = new SplittableRandom(1);
        SampleBatch audio = new SampleBatch(StreamDescriptor.sampled(0, StreamKind.AUDIO, "a", 16_000, 1, "FS"), 320);
        for (int i = 0; i < 320; i++) {
            audio.samples()[i] = (float) r.nextDouble(-0.5, 0.5);
        }
        audio.set(0, 320);
        EventBatch events = new EventBatch(StreamDescriptor.dvs(1, "d", 128, 128), 1000);
        for (int i = 0; i < 1000; i++) {
            events.add(i * 10L, r.nextInt(128), r.nextInt(128), i & 1);
        }
        LogMelSettings ls = LogMelSettings.keywordSpotting(16_000);
        SpectrumSettings ss = new SpectrumSettings(16_000, 8192, 2000, 4000, 500);
        SampleRing samples = new SampleRing(16_384);
        EventRing eventRing = new EventRing(50_000);
        LogMel logMel = new LogMel(ls);
        VibrationSpectra spectra = new VibrationSpectra(ss);
        EventFrames frames = new EventFrames(EventFrameSettings.wholeSensor(128, 128, 4));
        float[] mel = new float[ls.size()];
        float[] magnitude = new float[ss.spectrumBins()];
        float[] envelope = new float[ss.envelopeBins()];
        int[] counts = new int[2 * 32 * 32];
        long appending = allocated(() -> {
            for (int k = 0; k < 200; k++) {
                samples.append(audio, 0);
                eventRing.append(events);
            }
        });
        assertTrue(appending * 1000 < 264_000, appending + " bytes allocated appending 64,000 samples and 200,000 events");
        long computing = allocated(() -> {
            logMel.compute(samples, mel);
            spectra.compute(samples, magnitude, envelope);
            frames.compute(eventRing, 0, 5_000, counts);
        });
        assertTrue(computing < 256, computing + " bytes allocated computing the three views (their smallest buffer is 2 KB)");
    }
}
