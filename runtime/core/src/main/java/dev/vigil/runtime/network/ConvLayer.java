package dev.vigil.runtime.network;

import java.util.Arrays;

/**
 * 2-D convolution (cross-correlation, as PyTorch's {@code conv2d}) from an {@code input} feature map
 * onto {@code outChannels} maps of neurons, with stride, zero padding and groups. Weights are
 * {@code [co][ci / groups][ky][kx]}, flattened in that order. Neuron {@code (co, y, x)} receives
 * {@code sum W[co][ci'][ky][kx] * in[g*cinG + ci'][y*strideY + ky - padY][x*strideX + kx - padX]}
 * over its group's input channels, out-of-range inputs being zero.
 */
public record ConvLayer(String name, FeatureShape input, int outChannels, int kernelHeight, int kernelWidth,
                        int strideY, int strideX, int padY, int padX, int groups, int[] weights,
                        NeuronModel neuron) implements Layer {

    public ConvLayer {
        if (outChannels <= 0 || kernelHeight <= 0 || kernelWidth <= 0 || strideY <= 0 || strideX <= 0
                || padY < 0 || padX < 0 || groups <= 0) {
            throw new IllegalArgumentException("layer '" + name + "': kernel, stride and groups must be positive,"
                    + " padding non-negative");
        }
        if (input.channels() % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("layer '" + name + "': " + groups + " groups do not divide "
                    + input.channels() + " input and " + outChannels + " output channels");
        }
        long expected = (long) outChannels * (input.channels() / groups) * kernelHeight * kernelWidth;
        if (weights.length != expected) {
            throw new IllegalArgumentException("layer '" + name + "': " + weights.length + " weights, expected "
                    + expected);
        }
        if (input.height() + 2 * padY < kernelHeight || input.width() + 2 * padX < kernelWidth) {
            throw new IllegalArgumentException("layer '" + name + "': kernel larger than the padded input");
        }
        if (neuron == null) {
            throw new IllegalArgumentException("layer '" + name + "': neuron model missing");
        }
        weights = weights.clone();
    }

    /** Square kernel, same stride and padding on both axes. */
    public static ConvLayer square(String name, FeatureShape input, int outChannels, int kernel, int stride,
                                   int padding, int groups, int[] weights, NeuronModel neuron) {
        return new ConvLayer(name, input, outChannels, kernel, kernel, stride, stride, padding, padding, groups,
                weights, neuron);
    }

    /** Shape of the output maps. */
    public FeatureShape output() {
        return new FeatureShape(outChannels, (input.height() + 2 * padY - kernelHeight) / strideY + 1,
                (input.width() + 2 * padX - kernelWidth) / strideX + 1);
    }

    /** Input channels per group. */
    public int inChannelsPerGroup() {
        return input.channels() / groups;
    }

    /** Weight {@code W[co][ciInGroup][ky][kx]}. */
    public int weight(int co, int ciInGroup, int ky, int kx) {
        return weights[((co * inChannelsPerGroup() + ciInGroup) * kernelHeight + ky) * kernelWidth + kx];
    }

    @Override
    public int[] weights() {
        return weights.clone();
    }

    @Override
    public int inputs() {
        return input.size();
    }

    @Override
    public int neurons() {
        return output().size();
    }

    @Override
    public long synapses() {
        return weights.length;
    }

    @Override
    public ConvLayer withNeuron(NeuronModel model) {
        return new ConvLayer(name, input, outChannels, kernelHeight, kernelWidth, strideY, strideX, padY, padX, groups,
                weights, model);
    }

    @Override
    public String kind() {
        return "conv2d";
    }

    @Override
    public void fanOut(int in, SynapseVisitor visitor) {
        int h = input.height();
        int w = input.width();
        int ci = in / (h * w);
        int iy = in / w % h;
        int ix = in % w;
        int cinG = inChannelsPerGroup();
        int coutG = outChannels / groups;
        int g = ci / cinG;
        FeatureShape out = output();
        for (int co = g * coutG; co < (g + 1) * coutG; co++) {
            for (int ky = 0; ky < kernelHeight; ky++) {
                int ny = iy + padY - ky;
                if (ny < 0 || ny % strideY != 0 || ny / strideY >= out.height()) {
                    continue;
                }
                for (int kx = 0; kx < kernelWidth; kx++) {
                    int nx = ix + padX - kx;
                    if (nx < 0 || nx % strideX != 0 || nx / strideX >= out.width()) {
                        continue;
                    }
                    visitor.synapse(out.index(co, ny / strideY, nx / strideX), weight(co, ci - g * cinG, ky, kx));
                }
            }
        }
    }

    @Override
    public int maxAbsWeight() {
        return Weights.maxAbs(weights);
    }

    @Override
    public int maxFanIn() {
        return inChannelsPerGroup() * kernelHeight * kernelWidth;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvLayer c && c.name.equals(name) && c.input.equals(input)
                && c.outChannels == outChannels && c.kernelHeight == kernelHeight && c.kernelWidth == kernelWidth
                && c.strideY == strideY && c.strideX == strideX && c.padY == padY && c.padX == padX
                && c.groups == groups && Arrays.equals(c.weights, weights) && c.neuron.equals(neuron);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "ConvLayer[" + name + ", " + input + " -> " + output() + ", k" + kernelHeight + "x" + kernelWidth
                + " s" + strideY + "x" + strideX + " p" + padY + "x" + padX + " g" + groups + ", " + neuron + "]";
    }
}
