package dev.vigil.runtime.dense;

import java.nio.file.Path;
import java.util.List;

/**
 * A dense model held in a file of another runtime's format (an ONNX model, say), run by a device
 * that reads that format, with the tensor the lane feeds it and the tensor it reads back: float
 * features in, one score (logit) per label out. The device checks both against the file when it
 * loads it.
 *
 * @param name       the model's name in reports
 * @param file       the model file
 * @param input      name of the input tensor; empty for the model's only input
 * @param inputShape shape of the input tensor the lane feeds, e.g. {@code [1, 1, 40, 98]}
 * @param output     name of the output tensor read as scores; empty for the model's only output
 * @param labels     one per output value, in order
 */
public record ExternalModel(String name, Path file, String input, List<Integer> inputShape, String output,
                            List<String> labels) {

    public ExternalModel {
        input = input == null ? "" : input;
        output = output == null ? "" : output;
        inputShape = List.copyOf(inputShape);
        labels = List.copyOf(labels);
        if (inputShape.isEmpty() || inputShape.stream().anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("model '" + name + "': input shape " + inputShape + " must have positive dimensions");
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("model '" + name + "' has no labels");
        }
    }

    /** Values the input tensor holds: the product of its shape. */
    public int inputSize() {
        int n = 1;
        for (int d : inputShape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
