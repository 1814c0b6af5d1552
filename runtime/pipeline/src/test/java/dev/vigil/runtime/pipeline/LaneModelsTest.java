package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.bundle.BandEncoding;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.DenseHead;
import dev.vigil.runtime.bundle.EventEncoding;
import dev.vigil.runtime.bundle.FrontEnd;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.config.WindowConfig;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.encode.BandSpikes;
import dev.vigil.sensors.encode.GridFit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a bundle lane's front end is fed: the encoder sized by the model's input, and one-line refusals when it cannot be. */
class LaneModelsTest {
    private static final VigilConfig DEFAULTS = ConfigLoader.defaults();
    private static final WindowConfig WINDOW = DEFAULTS.window();
    private static final StreamDescriptor DAVIS = StreamDescriptor.dvs(0, "davis", 346, 260);
    private static final StreamDescriptor MIC = StreamDescriptor.sampled(1, StreamKind.AUDIO, "mic", 16_000, 1, "FS");

    /** A one-layer front end of {@code inputs} inputs and 2 readouts, with input shape {@code shape}. */
    private static FrontEnd front(List<Integer> shape, double dt) {
        int inputs = shape.stream().reduce(1, (a, b) -> a * b);
        Network net = new Network("probe", inputs, List.of(new DenseLayer("out", inputs, 2, new int[inputs * 2],
                NeuronParams.lif(64, 0))));
        return new FrontEnd("reference", dt, shape, List.of("a", "b"), net, List.of());
    }

    private static DenseHead head() {
        return DenseHead.counts(Int8Model.mlp("h", 0, List.of(new Int8Layer(2, 2, new byte[] {1, 0, 0, 1}, new int[2], 0, false)),
                List.of("a", "b"), 1));
    }

    private static BundleLane events(List<Integer> shape, GridFit fit) {
        return new BundleLane(Sensor.DVS, EventEncoding.of(DEFAULTS.sensors().dvs(), fit), front(shape, 0.001),
                WakeConfig.threshold(5, 0), head());
    }

    private static BundleLane audio(int inputs, BandSpikes spikes) {
        BandEncoding defaults = BandEncoding.of(DEFAULTS.sensors().audio());
        BandEncoding b = new BandEncoding(spikes, defaults.minHz(), defaults.maxHz(), defaults.deltaDb(), defaults.floorDb(),
                defaults.smoothingMs(), defaults.refractoryMs(), defaults.fixedPoint(), defaults.adaptiveFloor(), defaults.envelope());
        return new BundleLane(Sensor.AUDIO, b, front(List.of(inputs), 0.001), WakeConfig.threshold(5, 0), head());
    }

    @Test
    void anNmnistShapedModelIsFedFromTheCentreOfADavisFrame() {
        LaneModel m = LaneModels.build(events(List.of(2, 34, 34), GridFit.CROP), DAVIS, WINDOW);
        assertEquals(2 * 34 * 34, m.encoder().channels());
        assertTrue(m.encoder().describe().contains("from the centre 238x238 at (54,11) of 346x260, 1/7"), m.encoder().describe());
        assertEquals(1000, m.stepUs());
    }

    @Test
    void theFilterbankGetsAsManyBandsAsTheModelReads() {
        assertTrue(LaneModels.build(audio(12, BandSpikes.RISE_FALL), MIC, WINDOW).encoder().describe().startsWith("6 bands 100-6000 Hz"));
        LaneModel rise = LaneModels.build(audio(16, BandSpikes.RISE), MIC, WINDOW);
        assertEquals(16, rise.encoder().channels());
        assertTrue(rise.encoder().describe().startsWith("16 bands") && rise.encoder().describe().endsWith("rising spikes only"),
                rise.encoder().describe());
        LaneModel floor = LaneModels.build(audio(20, BandSpikes.ABOVE_FLOOR), MIC, WINDOW);
        assertEquals(20, floor.encoder().channels());
        assertTrue(floor.encoder().describe().startsWith("20 bands 100-6000 Hz above an adaptive floor"), floor.encoder().describe());
    }

    @Test
    void aMismatchIsOneLineNamingTheModelsInputTheEncodersOutputAndWhatToSet() {
        LaneMismatchException flat = assertThrows(LaneMismatchException.class,
                () -> LaneModels.build(events(List.of(2312), GridFit.CROP), DAVIS, WINDOW));
        assertEquals("lane dvs: model 'probe' takes input 2312; the event-camera encoder gives polarity x H x W (1 or 2 polarity"
                + " planes): use a model whose input node has shape [2, H, W] or [1, H, W]", flat.getMessage());

        LaneMismatchException small = assertThrows(LaneMismatchException.class,
                () -> LaneModels.build(events(List.of(2, 34, 34), GridFit.CROP), StreamDescriptor.dvs(0, "tiny", 32, 32), WINDOW));
        assertEquals("lane dvs: model 'probe' takes 2x34x34 (polarity x H x W); the event camera gives 32x32 after"
                + " sensors.dvs.filter (region of interest, downsample-shift), too small to crop: widen the region, lower"
                + " downsample-shift or set sensors.dvs.fit: stretch in the config the bundle is compiled with", small.getMessage());
        assertEquals(2 * 34 * 34, LaneModels.build(events(List.of(2, 34, 34), GridFit.STRETCH),
                StreamDescriptor.dvs(0, "tiny", 32, 32), WINDOW).encoder().channels(), "stretching fits any frame");

        LaneMismatchException odd = assertThrows(LaneMismatchException.class,
                () -> LaneModels.build(audio(17, BandSpikes.RISE_FALL), MIC, WINDOW));
        assertEquals("lane audio: model 'probe' takes 17 inputs (shape 17); the audio encoder gives 2 channel(s) per band (rise, fall)"
                + " plus 0 envelope channel(s), so it needs 2 x bands + 0: set sensors.audio.spikes (rise-fall, rise or above-floor) or"
                + " sensors.audio.envelope in the config the bundle is compiled with", odd.getMessage());

        BundleLane slow = new BundleLane(Sensor.AUDIO, BandEncoding.of(DEFAULTS.sensors().audio()), front(List.of(12), 0.0003),
                WakeConfig.threshold(5, 0), head());
        LaneMismatchException step = assertThrows(LaneMismatchException.class, () -> LaneModels.build(slow, MIC, WINDOW));
        assertEquals("lane audio: model 'probe' steps every 300 us (dt 3.0E-4 s), which does not divide window.hop-ms = 50: set"
                + " window.hop-ms to a multiple of 300 us, or compile the model with a --dt that divides it", step.getMessage());
    }

    @Test
    void theBuiltInLaneOfAStreamFollowsWhatTheStreamMakesOfTheConfig() {
        StreamDescriptor tinyCamera = StreamDescriptor.dvs(0, "tiny", 8, 6);
        LaneModel m = LaneModels.forStream(tinyCamera, DEFAULTS).orElseThrow();
        assertEquals(2 * 8 * 6, m.network().inputs(), "the 16x12 grid is capped at the 8x6 sensor, as before");
        assertTrue(LaneModels.forStream(StreamDescriptor.dvs(0, "d", 128, 96), DEFAULTS.withWake(Sensor.DVS, WakeConfig.threshold(9, 1)))
                .orElseThrow().wake().equals(WakeConfig.threshold(9, 1)));
    }
}
