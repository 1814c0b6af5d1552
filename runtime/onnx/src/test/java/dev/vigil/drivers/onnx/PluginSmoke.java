package dev.vigil.drivers.onnx;

import ai.onnxruntime.OrtEnvironment;
import dev.vigil.runtime.dense.DenseDevices;
import dev.vigil.runtime.dense.ExternalModel;
import dev.vigil.runtime.dense.FloatExecutor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link OnnxPluginJarIT} in a JVM whose class path is the plugin jar, the core and tinylog's
 * API only: loads the fixture through {@code DenseDevices.find("onnx")} and prints where ONNX
 * Runtime came from, then the four scores of the input in {@code args[1]} (float32, little-endian).
 */
public final class PluginSmoke {

    private PluginSmoke() {
    }

    public static void main(String[] args) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[1]))).order(ByteOrder.LITTLE_ENDIAN);
        float[] input = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(input);
        ExternalModel model = new ExternalModel("kws", Path.of(args[0]), "log_mel", List.of(1, 1, 40, 98), "logits",
                List.of("yes", "no", "speech", "background"));
        float[] scores = new float[4];
        try (FloatExecutor e = DenseDevices.find("onnx").orElseThrow().load(model)) {
            e.run(input, scores);
        }
        StringBuilder out = new StringBuilder(OrtEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toString());
        for (float s : scores) {
            out.append('\n').append(s);
        }
        System.out.println(out);
    }
}
