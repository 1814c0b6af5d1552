package dev.vigil.runtime.dense;

import java.util.List;

/**
 * An int8 dense-stage model: a sequence of {@link Int8Op}s (fully connected, convolution, depthwise
 * convolution, pooling), e.g. an MLP over spike counts or a small CNN. Over spike counts it reads the
 * last {@code windows} windows of readout counts (the closing window and the pre-trigger windows
 * before it), laid out oldest first, one row of counts per window. Counts are quantised to int8 as
 * {@code min(127, count >> inputShift)}; the last layer's outputs are logits, one per label; scores are
 * their softmax after multiplying by {@code logitScale}.
 */
public record Int8Model(String name, int inputShift, int windows, List<Int8Op> layers, List<String> labels,
                        double logitScale) {

    public Int8Model {
        layers = List.copyOf(layers);
        labels = List.copyOf(labels);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("dense model '" + name + "' has no layers");
        }
        for (int l = 1; l < layers.size(); l++) {
            Int8Op previous = layers.get(l - 1);
            Int8Op op = layers.get(l);
            if (op.inputs() != previous.outputs()) {
                throw new IllegalArgumentException("dense model '" + name + "': layer " + l + " takes "
                        + op.inputs() + " inputs, previous gives " + previous.outputs());
            }
            if (previous instanceof SpatialOp p && op instanceof SpatialOp s && !p.output().equals(s.input())) {
                throw new IllegalArgumentException("dense model '" + name + "': layer " + l + " reads a " + s.input()
                        + " feature map, previous gives " + p.output());
            }
            if (previous.logits()) {
                throw new IllegalArgumentException("dense model '" + name + "': only the last layer may give logits");
            }
        }
        if (!layers.getLast().logits()) {
            throw new IllegalArgumentException("dense model '" + name + "': the last layer must give logits (no ReLU)");
        }
        if (layers.getLast().outputs() != labels.size()) {
            throw new IllegalArgumentException("dense model '" + name + "': " + layers.getLast().outputs()
                    + " outputs for " + labels.size() + " labels");
        }
        if (windows < 1 || layers.getFirst().inputs() % windows != 0) {
            throw new IllegalArgumentException("dense model '" + name + "': " + layers.getFirst().inputs()
                    + " inputs are not a whole number of rows for " + windows + " windows");
        }
        if (inputShift < 0 || inputShift > 31 || !(logitScale > 0)) {
            throw new IllegalArgumentException("dense model '" + name + "': bad input shift or logit scale");
        }
    }

    /** A model over the closing window only. */
    public static Int8Model mlp(String name, int inputShift, List<Int8Op> layers, List<String> labels, double logitScale) {
        return new Int8Model(name, inputShift, 1, layers, labels, logitScale);
    }

    /** Number of inputs (windows × readout counts). */
    public int inputs() {
        return layers.getFirst().inputs();
    }

    /** Readout counts per window. */
    public int featuresPerWindow() {
        return inputs() / windows;
    }

    /** Multiply-accumulates of one forward pass. */
    public long macs() {
        return layers.stream().mapToLong(Int8Op::macs).sum();
    }

    /** Weights and biases held, in bytes (int8 weights, int32 biases). */
    public long footprintBytes() {
        long b = 0;
        for (Int8Op op : layers) {
            b += op.weightCount() + 4L * op.biasCount();
        }
        return b;
    }

    /** The widest activation vector, for buffers. */
    public int widest() {
        int w = inputs();
        for (Int8Op op : layers) {
            w = Math.max(w, op.outputs());
        }
        return w;
    }
}
