package dev.vigil.runtime.dense;

import java.util.List;

/**
 * An int8 MLP over spike counts. Counts are quantised to int8 as {@code min(127, count >> inputShift)};
 * the last layer's outputs are logits, one per label; scores are their softmax after multiplying by
 * {@code logitScale}.
 */
public record Int8Mlp(String name, int inputShift, List<Int8Layer> layers, List<String> labels, double logitScale) {

    public Int8Mlp {
        layers = List.copyOf(layers);
        labels = List.copyOf(labels);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("dense model '" + name + "' has no layers");
        }
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
                throw new IllegalArgumentException("dense model '" + name + "': layer " + l + " takes "
                        + layers.get(l).inputs() + " inputs, previous gives " + layers.get(l - 1).outputs());
            }
        }
        if (layers.getLast().outputs() != labels.size()) {
            throw new IllegalArgumentException("dense model '" + name + "': " + layers.getLast().outputs()
                    + " outputs for " + labels.size() + " labels");
        }
        if (inputShift < 0 || inputShift > 31 || !(logitScale > 0)) {
            throw new IllegalArgumentException("dense model '" + name + "': bad input shift or logit scale");
        }
    }

    /** Number of inputs (spike-count features). */
    public int inputs() {
        return layers.getFirst().inputs();
    }
}
