package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.sensors.replay.ReplayClock;
import dev.vigil.sensors.vlog.VlogReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encoder and policy options from the config change what the lanes do, on the bundled demo log. */
class EncoderOptionsOnDemoTest {
    private static final Path DEMO = Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo.vlog");

    private static List<Detection> run(String yaml) throws Exception {
        List<Detection> out = new ArrayList<>();
        try (VlogReader r = new VlogReader(DEMO)) {
            new Pipeline(ConfigLoader.parse(yaml, "t"), new ReferenceDevice(), out::add).run(r, ReplayClock.asFastAsPossible());
        }
        return out;
    }

    @Test
    void fixedPointAudioFilterbankStillFindsTheSpeechBurst() throws Exception {
        List<Detection> d = run("sensors:\n  audio:\n    spikes: rise-fall\n    fixed-point: true\n  dvs:\n    enabled: false\n  vibration:\n    enabled: false\n");
        assertEquals(1, d.size(), d.toString());
        double t = d.get(0).deviceTimeUs() / 1e6;
        assertTrue(t > 3.0 && t <= 3.9 && d.get(0).label().equals("speech"), d.toString());
    }

    @Test
    void envelopeEncoderOnVibrationStillFindsTheFaultWithItsReason() throws Exception {
        List<Detection> d = run("sensors:\n  vibration:\n    envelope:\n      enabled: true\n      shaft-hz: 29.95\n"
                + "  dvs:\n    enabled: false\n  audio:\n    enabled: false\n");
        assertTrue(!d.isEmpty(), "no detection");
        double t = d.get(0).deviceTimeUs() / 1e6;
        assertTrue(t > 4.4 && t <= 5.7 && d.get(0).label().equals("bearing_fault"), d.toString());
        assertTrue(d.get(0).wakeReason().startsWith("threshold-hysteresis: "), d.get(0).wakeReason());
    }

    private static RunSummary summary(String yaml) throws Exception {
        try (VlogReader r = new VlogReader(DEMO)) {
            return new Pipeline(ConfigLoader.parse(yaml, "t"), new ReferenceDevice(), d -> { }).run(r, ReplayClock.asFastAsPossible());
        }
    }

    @Test
    void aWakeBudgetRefusesAndCountsEveryWakeBeyondItsBurst() throws Exception {
        // delta spikes, whose counts fall between the syllables, so an eager threshold wakes on each
        String eager = "sensors:\n  dvs:\n    enabled: false\n  vibration:\n    enabled: false\n  audio:\n    spikes: rise-fall\n    smoothing-ms: 10\n    wake:\n"
                + "      on-spikes: 2\n      off-spikes: 1\n";
        long free = summary(eager).wakes();
        assertTrue(free >= 3, "an eager threshold wakes several times on the demo: " + free);
        RunSummary limited = summary(eager + "      max-per-hour: 1\n      burst: 2\n");
        assertEquals(2, limited.wakes());
        assertEquals(free - 2, limited.lanes().get(0).wake().refused());
        RunSummary cooled = summary(eager + "      cooldown-ms: 100000\n");
        assertEquals(1, cooled.wakes());
        assertEquals(free - 1, cooled.lanes().get(0).wake().refused());
    }

    @Test
    void allFusionNeedsEverySensorWithinTheToleranceSoTheSeparateDemoEventsNeverWake() throws Exception {
        assertEquals(3, run("").size());
        assertEquals(0, run("sensors:\n  fusion:\n    mode: all\n    tolerance-ms: 200\n").size());
        List<Detection> d = run("sensors:\n  fusion:\n    mode: weighted\n    quorum: 1\n    weights: {dvs: 0.5, audio: 1, vibration: 1}\n");
        assertEquals(List.of("audio", "vibration"), d.stream().map(Detection::sensor).toList(), "dvs alone weighs 0.5 < 1");
        assertTrue(d.get(0).wakeReason().startsWith("fusion: 1 >= 1 (weighted of audio within 200 ms"), d.get(0).wakeReason());
    }
}
