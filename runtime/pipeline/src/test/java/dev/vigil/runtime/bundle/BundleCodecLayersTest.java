package dev.vigil.runtime.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8DepthwiseConv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;
import dev.vigil.runtime.dense.Int8Pool2d;
import dev.vigil.runtime.dense.Kernel;
import dev.vigil.runtime.dense.Pooling;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.sensors.features.Int8Scale;
import dev.vigil.sensors.features.LogMelSettings;
import dev.vigil.sensors.features.SpectrumSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dense heads of every int8 layer kind in a bundle: written, read back equal, and a bad field refused by name. */
class BundleCodecLayersTest {
    private static final VigilConfig DEFAULTS = ConfigLoader.defaults();
    @TempDir
    Path dir;

    @Test
    void everyLayerKindRoundTrips() throws Exception {
        ModelBundle b = bundle(cnnOverCounts());
        Path file = dir.resolve("cnn.vigil");
        Files.write(file, BundleCodec.encode(b));
        ModelBundle read = BundleCodec.read(file, DEFAULTS);
        assertEquals(b.lanes().getFirst().head(), read.lanes().getFirst().head());
        assertArrayEquals(Files.readAllBytes(file), BundleCodec.encode(read));
        String text = Files.readString(file);
        for (String kind : List.of("conv2d", "depthwise2d", "pool2d", "dense")) {
            assertTrue(text.contains("\"kind\" : \"" + kind + "\""), kind);
        }
        assertTrue(text.contains("\"multiplier\" : 300") && text.contains("\"pad-y\" : 1"), "stride, padding and multipliers are kept");
    }

    @Test
    void aFeatureHeadRoundTripsWithItsViewAndScaleAndIsRefusedOnTheWrongLane() throws Exception {
        SpectrumSettings spectra = new SpectrumSettings(12_000, 1024, 2000, 4500, 600);
        FeatureSpec spec = FeatureSpec.spectra(spectra, Int8Scale.SPECTRUM);
        int bins = spectra.envelopeBins();
        Int8Model model = new Int8Model("vib-cnn", 0, 1, List.of(
                new Int8Conv2d(new FeatureShape(2, 1, bins), 2, new Kernel(1, 3, 1, 2, 0, 1), ramp(12), new int[2], 300, 14, true),
                new Int8Layer(2 * ((bins + 1) / 2), 2, ramp(4 * ((bins + 1) / 2)), new int[2], 0, false)),
                List.of("fault", "background"), 0.01);
        BundleLane vibration = BuiltinLanes.lane(Sensor.VIBRATION, DEFAULTS, null, "fast");
        ModelBundle b = new ModelBundle(List.of(vibration.with(vibration.wake(), DenseHead.features(model, spec))),
                new Provenance("vigil test", List.of(), TrainingOptions.defaults()));
        Path file = dir.resolve("features.vigil");
        Files.write(file, BundleCodec.encode(b));
        ModelBundle read = BundleCodec.read(file, DEFAULTS);
        DenseHead head = read.lanes().getFirst().head();
        assertEquals(b.lanes().getFirst().head(), head);
        assertEquals(DenseHead.VIBRATION_SPECTRA, head.view());
        assertEquals(2 * bins, head.extractor().size());
        assertArrayEquals(Files.readAllBytes(file), BundleCodec.encode(read));
        BundleLane audio = BuiltinLanes.lane(Sensor.AUDIO, DEFAULTS, null, "fast");
        String m = assertThrows(IllegalArgumentException.class, () -> audio.with(audio.wake(), DenseHead.features(model, spec))).getMessage();
        assertTrue(m.contains("vibration-spectra") && m.contains("vibration lane"), m);
        String size = assertThrows(IllegalArgumentException.class,
                () -> DenseHead.features(model, FeatureSpec.logMel(LogMelSettings.keywordSpotting(16_000), Int8Scale.LOG_MEL))).getMessage();
        assertTrue(size.contains("gives 3920"), size);
    }

    /**
     * An ensemble head (a model per seed) is written with its further models under "ensemble" and read back equal;
     * a single head is written as before, without the key; models that read or answer otherwise, an ensemble over
     * spike counts, and more than {@value DenseHead#MAX_ENSEMBLE} models are refused.
     */
    @Test
    void anEnsembleHeadRoundTripsAndMismatchedModelsAreRefused() throws Exception {
        SpectrumSettings spectra = new SpectrumSettings(12_000, 1024, 2000, 4500, 600);
        FeatureSpec spec = FeatureSpec.spectra(spectra, Int8Scale.SPECTRUM);
        Int8Model first = spectraModel("vib-cnn", spectra, 0, List.of("fault", "background"));
        Int8Model second = spectraModel("vib-cnn-seed8", spectra, 5, List.of("fault", "background"));
        BundleLane vibration = BuiltinLanes.lane(Sensor.VIBRATION, DEFAULTS, null, "fast");
        DenseHead ensemble = DenseHead.features(first, spec).withEnsemble(List.of(second));
        assertEquals(List.of(first, second), ensemble.models());
        ModelBundle b = new ModelBundle(List.of(vibration.with(vibration.wake(), ensemble)),
                new Provenance("vigil test", List.of(), TrainingOptions.defaults()));
        Path file = dir.resolve("ensemble.vigil");
        Files.write(file, BundleCodec.encode(b));
        ModelBundle read = BundleCodec.read(file, DEFAULTS);
        assertEquals(ensemble, read.lanes().getFirst().head());
        assertArrayEquals(Files.readAllBytes(file), BundleCodec.encode(read));
        assertTrue(Files.readString(file).contains("\"ensemble\" : [ {"), "the further models under 'ensemble'");
        String single = new String(BundleCodec.encode(new ModelBundle(List.of(vibration.with(vibration.wake(),
                DenseHead.features(first, spec).withEnsemble(List.of()))), b.provenance())), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(!single.contains("ensemble"), "a single head's bundle is written as before");

        Int8Model otherLabels = spectraModel("vib-cnn-x", spectra, 1, List.of("ball", "background"));
        String labels = assertThrows(IllegalArgumentException.class,
                () -> DenseHead.features(first, spec).withEnsemble(List.of(otherLabels))).getMessage();
        assertTrue(labels.contains("ensemble model 'vib-cnn-x'") && labels.contains("[ball, background]"), labels);
        String counts = assertThrows(IllegalArgumentException.class,
                () -> DenseHead.counts(cnnOverCounts()).withEnsemble(List.of(cnnOverCounts()))).getMessage();
        assertTrue(counts.contains("readout-counts") && counts.contains("raw-signal features"), counts);
        String many = assertThrows(IllegalArgumentException.class,
                () -> DenseHead.features(first, spec).withEnsemble(java.util.Collections.nCopies(DenseHead.MAX_ENSEMBLE, second))).getMessage();
        assertTrue(many.contains("averages 9 models, at most 8"), many);
    }

    private static Int8Model spectraModel(String name, SpectrumSettings spectra, int biasShift, List<String> labels) {
        int bins = spectra.envelopeBins();
        return new Int8Model(name, 0, 1, List.of(
                new Int8Conv2d(new FeatureShape(2, 1, bins), 2, new Kernel(1, 3, 1, 2, 0, 1), ramp(12), new int[] {biasShift, 0}, 300, 14, true),
                new Int8Layer(2 * ((bins + 1) / 2), 2, ramp(4 * ((bins + 1) / 2)), new int[2], 0, false)), labels, 0.01);
    }

    @Test
    void aWrongLayerFieldIsRefusedInOneLineNamingTheFile() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(BundleCodec.encode(bundle(cnnOverCounts())));
        root.remove("sha256");
        for (var layer : root.path("lanes").get(0).path("head").path("model").path("layers")) {
            if (layer.path("kind").asText().equals("pool2d")) {
                ((ObjectNode) layer).put("pooling", "median");
                break;
            }
        }
        root.put("sha256", BundleCodec.sha256(BundleCodec.bytes(root)));
        Path file = dir.resolve("edited.vigil");
        Files.write(file, BundleCodec.bytes(root));
        String m = assertThrows(BundleException.class, () -> BundleCodec.read(file, DEFAULTS)).getMessage();
        assertTrue(m.startsWith(file + ": lanes[0].head.model.layers[3].pooling") && m.contains("max, average"), m);
        assertEquals(-1, m.indexOf('\n'), m);
    }

    private static ModelBundle bundle(Int8Model head) {
        BundleLane audio = BuiltinLanes.lane(Sensor.AUDIO, DEFAULTS, null, "fast");
        return new ModelBundle(List.of(audio.with(audio.wake(), DenseHead.counts(head))),
                new Provenance("vigil test", List.of(), TrainingOptions.defaults()));
    }

    /** A small CNN over 4 windows of the audio lane's 7 readout counts: every layer kind, stride, padding and a multiplier. */
    private static Int8Model cnnOverCounts() {
        FeatureShape in = new FeatureShape(1, 4, BuiltinLanes.FLOOR_READOUTS.size());
        Int8Conv2d c1 = new Int8Conv2d(in, 4, new Kernel(3, 3, 1, 1, 1, 1), ramp(36), new int[] {1, 2, 3, 4}, 300, 14, true);
        Int8DepthwiseConv2d dw = new Int8DepthwiseConv2d(c1.output(), Kernel.of(3, 3, 1, 1), ramp(36), new int[4], 1, 6, true);
        Int8Conv2d pw = new Int8Conv2d(dw.output(), 4, Kernel.valid(1, 1), ramp(16), new int[4], 1, 5, true);
        Int8Pool2d max = Int8Pool2d.of(Pooling.MAX, pw.output(), 2);
        Int8Pool2d gap = Int8Pool2d.globalAverage(max.output());
        Int8Layer fc = new Int8Layer(4, 3, ramp(12), new int[] {0, 1, 2}, 0, false);
        List<Int8Op> layers = List.of(c1, dw, pw, max, gap, fc);
        return new Int8Model("cnn-over-counts", 0, 4, layers, List.of("speech", "noise", "background"), 0.01);
    }

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 37 % 255 - 127);
        }
        return b;
    }
}
