package dev.vigil.drivers.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseDevices;
import dev.vigil.runtime.dense.ExternalModel;
import dev.vigil.runtime.dense.FloatExecutor;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ONNX dense device on the fixture exported from PyTorch by scripts/export_onnx_fixture.py: same
 * logits as PyTorch to 1e-5, and every wrong model refused in one line naming the file.
 */
class OnnxDenseDeviceTest {
    @TempDir
    static Path dir;
    private static JsonNode fixture;
    private static List<String> labels;

    @BeforeAll
    static void copyFixtures() throws IOException {
        for (String name : List.of("kws-fixture.onnx", "kws-fixture.json", "wrong-dtype.onnx", "two-outputs.onnx")) {
            try (InputStream in = OnnxDenseDeviceTest.class.getResourceAsStream(name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        fixture = new ObjectMapper().readTree(dir.resolve("kws-fixture.json").toFile());
        labels = new ArrayList<>();
        fixture.path("labels").forEach(l -> labels.add(l.asText()));
    }

    private static ExternalModel model(String file, String input, List<Integer> shape, String output, List<String> labels) {
        return new ExternalModel("kws", dir.resolve(file), input, shape, output, labels);
    }

    private static ExternalModel kws() {
        return model("kws-fixture.onnx", "log_mel", List.of(1, 1, 40, 98), "logits", labels);
    }

    @Test
    void foundThroughServiceLoaderById() {
        assertInstanceOf(OnnxDenseDevice.class, DenseDevices.find("onnx").orElseThrow());
        assertTrue(DenseDevices.ids().contains("onnx"), DenseDevices.ids().toString());
    }

    @Test
    void givesPyTorchsLogitsForTheCommittedInputs() {
        DenseDevice device = DenseDevices.find("onnx").orElseThrow();
        int cases = 0;
        try (FloatExecutor onnx = device.load(kws())) {
            float[] scores = new float[labels.size()];
            for (int pass = 0; pass < 2; pass++) {
                for (JsonNode c : fixture.path("cases")) {
                    float[] input = floats(c.path("input").asText());
                    assertEquals(40 * 98, input.length);
                    onnx.run(input, scores);
                    for (int k = 0; k < scores.length; k++) {
                        assertEquals(c.path("logits").get(k).asDouble(), scores[k], 1e-5, "case " + cases + " logit " + k);
                    }
                    cases++;
                }
            }
        }
        assertEquals(6, cases, "three committed inputs, twice through the same session");
    }

    @Test
    void inputsAndOutputsMayBeLeftUnnamedWhenTheModelHasOnlyOne() {
        try (FloatExecutor onnx = new OnnxDenseDevice().load(model("kws-fixture.onnx", "", List.of(1, 1, 40, 98), "", labels))) {
            float[] scores = new float[4];
            JsonNode first = fixture.path("cases").get(0);
            onnx.run(floats(first.path("input").asText()), scores);
            assertEquals(first.path("logits").get(2).asDouble(), scores[2], 1e-5);
        }
    }

    @Test
    void aMissingOrWrongModelIsRefusedInOneLine() throws IOException {
        Path text = dir.resolve("notes.onnx");
        Files.writeString(text, "this is not a protobuf\n");
        String kws = dir.resolve("kws-fixture.onnx").toString();
        refused(model("absent.onnx", "log_mel", List.of(1, 1, 40, 98), "logits", labels),
                dir.resolve("absent.onnx") + ": ONNX model file not found");
        refused(model("notes.onnx", "log_mel", List.of(1, 1, 40, 98), "logits", labels),
                text + ": not an ONNX model ONNX Runtime can load (");
        refused(model("kws-fixture.onnx", "log_mel", List.of(1, 1, 40, 49), "logits", labels),
                kws + ": input 'log_mel' has shape [1, 1, 40, 98] in the model, the lane feeds [1, 1, 40, 49]");
        refused(model("kws-fixture.onnx", "mfcc", List.of(1, 1, 40, 98), "logits", labels),
                kws + ": the model has no input 'mfcc' (inputs: [log_mel])");
        refused(model("kws-fixture.onnx", "log_mel", List.of(1, 1, 40, 98), "logits", List.of("yes", "no", "other")),
                kws + ": output 'logits' gives 4 values [1, 4], the model declares 3 labels [yes, no, other]");
        refused(model("wrong-dtype.onnx", "log_mel", List.of(1, 1, 40, 98), "logits", labels),
                dir.resolve("wrong-dtype.onnx") + ": input 'log_mel' holds INT64, the dense stage exchanges FLOAT (32-bit) tensors");
        refused(model("two-outputs.onnx", "log_mel", List.of(1, 1, 40, 98), "", labels),
                dir.resolve("two-outputs.onnx") + ": the model has 2 outputs [");
    }

    @Test
    void vigilsInt8ModelsAreLeftToTheInt8Devices() {
        Int8Model m = Int8Model.mlp("mlp", 0, List.of(new Int8Layer(2, 2, new byte[4], new int[2], 0, false)), List.of("a", "b"), 1);
        String message = assertThrows(IllegalArgumentException.class, () -> new OnnxDenseDevice().load(m)).getMessage();
        assertEquals("dense device 'onnx' runs ONNX model files, not Vigil's int8 model 'mlp': run it on 'cpu' or 'northpole'", message);
        String refused = assertThrows(IllegalArgumentException.class, () -> DenseDevices.find("cpu").orElseThrow().load(kws())).getMessage();
        assertEquals(dir.resolve("kws-fixture.onnx") + ": dense device 'cpu' runs Vigil's int8 models, not model files", refused);
    }

    private static void refused(ExternalModel model, String expectedStart) {
        String m = assertThrows(IllegalArgumentException.class, () -> new OnnxDenseDevice().load(model)).getMessage();
        assertTrue(m.startsWith(expectedStart), m);
        assertEquals(-1, m.indexOf('\n'), "one line: " + m);
    }

    private static float[] floats(String base64) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(f);
        return f;
    }
}
