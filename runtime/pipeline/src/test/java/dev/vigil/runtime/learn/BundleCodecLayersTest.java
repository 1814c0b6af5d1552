package dev.vigil.runtime.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.config.WakeRule;
import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8DepthwiseConv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;
import dev.vigil.runtime.dense.Int8Pool2d;
import dev.vigil.runtime.dense.Kernel;
import dev.vigil.runtime.dense.Pooling;
import dev.vigil.runtime.network.FeatureShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dense heads of every layer kind in a bundle, and bundles written before those kinds existed. */
class BundleCodecLayersTest {
    private static final WakeConfig WAKE = new WakeConfig(WakeRule.THRESHOLD, 12, 6, new int[0], new int[0], 6, 1, 1, 500, 0, 1, 200, 0);
    @TempDir
    Path dir;

    /** Written by the codec before depthwise, pooling, stride, padding and multipliers were added. */
    @Test
    void aBundleWrittenBeforeTheNewLayerKindsReadsAsItWasAndWritesBackToTheSameBytes() throws Exception {
        Path file = dir.resolve("v1.json");
        try (InputStream in = getClass().getResourceAsStream("bundle-v1-mlp-and-conv2d.json")) {
            Files.copy(in, file);
        }
        ModelBundle b = BundleCodec.read(file);
        Int8Conv2d c = new Int8Conv2d(1, 4, 3, 2, 2, 3, new byte[] {1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12}, new int[] {5, -7}, 2, true);
        Int8Layer fc = new Int8Layer(6, 2, new byte[] {1, 2, 3, -1, -2, -3, 4, 5, 6, -4, -5, -6}, new int[] {100, -100}, 0, false);
        assertEquals(new Int8Model("cnn", 1, 4, List.of(c, fc), List.of("motion", "background"), 0.01), b.lanes().get(0).head());
        Int8Layer h = new Int8Layer(3, 2, new byte[] {10, -20, 30, -40, 50, -60}, new int[] {1, 2}, 3, true);
        Int8Layer o = new Int8Layer(2, 2, new byte[] {7, -7, -7, 7}, new int[] {0, 0}, 0, false);
        assertEquals(Int8Model.mlp("mlp", 0, List.of(h, o), List.of("speech", "background"), 0.02), b.lanes().get(1).head());
        assertArrayEquals(Files.readAllBytes(file), BundleCodec.encode(b));
    }

    @Test
    void everyLayerKindRoundTrips() throws Exception {
        Int8Model m = dsCnn();
        Path file = dir.resolve("cnn.json");
        Files.write(file, BundleCodec.encode(bundle(m)));
        ModelBundle read = BundleCodec.read(file);
        assertEquals(m, read.lanes().getFirst().head());
        assertArrayEquals(Files.readAllBytes(file), BundleCodec.encode(read));
        String text = Files.readString(file);
        assertTrue(text.contains("\"kind\" : \"depthwise2d\"") && text.contains("\"pooling\" : \"average\"")
                && text.contains("\"multiplier\" : 300") && text.contains("\"pad-y\" : 4"), text);
    }

    @Test
    void aMissingOrWrongFieldIsRefusedInOneLineNamingIt() throws Exception {
        assertRefused("depthwise2d", "kh", null, "lanes[0].model.layers[1].kh is missing or not an integer");
        assertRefused("pool2d", "pooling", "median", "lanes[0].model.layers[3].pooling 'median' is not max or average");
        assertRefused("conv2d", "pad-y", "12", "lanes[0].model.layers[0]: padding 12x1 must be 0 .. kernel size - 1");
        assertRefused("dense", "kind", "lstm", "lanes[0].model.layers[5].kind 'lstm' is not dense, conv2d, depthwise2d or pool2d");
    }

    private void assertRefused(String kind, String key, String value, String expected) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(BundleCodec.encode(bundle(dsCnn())));
        root.remove("sha256");
        for (var layer : root.path("lanes").get(0).path("model").path("layers")) {
            if (layer.path("kind").asText().equals(kind)) {
                if (value == null) {
                    ((ObjectNode) layer).remove(key);
                } else if (value.chars().allMatch(Character::isDigit)) {
                    ((ObjectNode) layer).put(key, Integer.parseInt(value));
                } else {
                    ((ObjectNode) layer).put(key, value);
                }
                break;
            }
        }
        root.put("sha256", BundleCodec.sha256(BundleCodec.bytes(root)));
        Path file = dir.resolve("edited-" + kind + ".json");
        Files.write(file, BundleCodec.bytes(root));
        String m = assertThrows(BundleException.class, () -> BundleCodec.read(file)).getMessage();
        assertTrue(m.startsWith(file + ": " + expected), m);
        assertEquals(-1, m.indexOf('\n'), m);
    }

    private static ModelBundle bundle(Int8Model head) {
        return new ModelBundle(List.of(new LaneBundle("audio", "bands", WAKE, head, Map.of("yes", 5))), 7, "aa", "bb",
                TrainingOptions.defaults());
    }

    /** A small depthwise-separable CNN over a 1×40×20 map: every layer kind, stride, padding and a multiplier. */
    private static Int8Model dsCnn() {
        FeatureShape in = new FeatureShape(1, 40, 20);
        Int8Conv2d c1 = new Int8Conv2d(in, 4, new Kernel(10, 4, 2, 2, 4, 1), ramp(160), new int[] {1, 2, 3, 4}, 300, 14, true);
        Int8DepthwiseConv2d dw = new Int8DepthwiseConv2d(c1.output(), Kernel.of(3, 3, 1, 1), ramp(36), new int[4], 1, 6, true);
        Int8Conv2d pw = new Int8Conv2d(dw.output(), 4, Kernel.valid(1, 1), ramp(16), new int[4], 1, 5, true);
        Int8Pool2d max = Int8Pool2d.of(Pooling.MAX, pw.output(), 2);
        Int8Pool2d gap = Int8Pool2d.globalAverage(max.output());
        Int8Layer fc = new Int8Layer(4, 3, ramp(12), new int[] {0, 1, 2}, 0, false);
        List<Int8Op> layers = List.of(c1, dw, pw, max, gap, fc);
        return new Int8Model("ds-cnn", 0, 1, layers, List.of("yes", "speech", "background"), 0.01);
    }

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 37 % 255 - 127);
        }
        return b;
    }
}
