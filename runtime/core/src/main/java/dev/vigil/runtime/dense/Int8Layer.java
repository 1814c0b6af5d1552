package dev.vigil.runtime.dense;

import java.util.Arrays;

/**
 * One fully connected int8 layer: {@code acc[o] = bias[o] + sum_i weights[o*inputs+i] * x[i]} in 32-bit
 * integers; hidden layers then requantise ({@link Int8Op#activate(int, int, int)}), the logits layer
 * keeps {@code acc}. After a convolution it reads the flat channel-major feature map.
 */
public record Int8Layer(int inputs, int outputs, byte[] weights, int[] bias, int multiplier, int shift, boolean relu)
        implements Int8Op {

    public Int8Layer {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("inputs and outputs must be positive");
        }
        if (weights.length != inputs * outputs || bias.length != outputs) {
            throw new IllegalArgumentException("need " + inputs * outputs + " weights and " + outputs
                    + " biases, got " + weights.length + " and " + bias.length);
        }
        Requantisation.check(multiplier, shift);
        weights = weights.clone();
        bias = bias.clone();
    }

    /** A layer requantised by a shift alone (multiplier 1). */
    public Int8Layer(int inputs, int outputs, byte[] weights, int[] bias, int shift, boolean relu) {
        this(inputs, outputs, weights, bias, 1, shift, relu);
    }

    /** Weight from input {@code i} to output {@code o}. */
    public int weight(int o, int i) {
        return weights[o * inputs + i];
    }

    /** Bias of output {@code o}. */
    public int biasOf(int o) {
        return bias[o];
    }

    @Override
    public boolean logits() {
        return !relu;
    }

    @Override
    public long macs() {
        return (long) inputs * outputs;
    }

    @Override
    public int weightCount() {
        return inputs * outputs;
    }

    @Override
    public int biasCount() {
        return outputs;
    }

    @Override
    public void forward(int[] x, int[] out) {
        for (int o = 0; o < outputs; o++) {
            int acc = bias[o];
            int row = o * inputs;
            for (int i = 0; i < inputs; i++) {
                acc += weights[row + i] * x[i];
            }
            out[o] = relu ? Int8Op.activate(acc, multiplier, shift) : acc;
        }
    }

    @Override
    public byte[] weights() {
        return weights.clone();
    }

    @Override
    public int[] bias() {
        return bias.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Int8Layer l && l.inputs == inputs && l.outputs == outputs && l.multiplier == multiplier
                && l.shift == shift && l.relu == relu && Arrays.equals(l.weights, weights) && Arrays.equals(l.bias, bias);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "Int8Layer[" + inputs + " -> " + outputs + (relu ? ", relu" + Requantisation.describe(multiplier, shift) : ", logits") + "]";
    }
}
