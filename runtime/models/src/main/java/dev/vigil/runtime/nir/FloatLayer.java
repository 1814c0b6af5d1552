package dev.vigil.runtime.nir;

import dev.vigil.runtime.network.FeatureShape;

/**
 * One layer of an imported NIR graph before quantisation: the linear map (weight, convolution, pooling
 * and scale nodes composed) in front of a neuron node, and that neuron node, in NIR's floating-point,
 * continuous-time terms. A sum pooling that feeds further weights is a layer of its own, without
 * neurons.
 *
 * @param name       the neuron node's name (the pooling node's for pooling)
 * @param kind       connection kind
 * @param inputs     inputs
 * @param neurons    neurons
 * @param weights    feed-forward weights, NIR order {@code [out][in]} row-major (for convolutions
 *                   {@code [out][in/groups][kh][kw]}); null for pooling
 * @param recurrent  recurrent weights {@code [out][in]}, or null
 * @param bias       constant input per neuron (the composed Affine and convolution biases, entering
 *                   where the synaptic input does), or null
 * @param neuron     the neuron node, or null for pooling
 * @param conv       convolution geometry, or null
 * @param poolKernel pooling kernel (pooling only)
 * @param poolStride pooling stride (pooling only)
 * @param inputShape input feature map, or null for flat inputs
 * @param delay      seconds of a Delay node in front of the neuron node, or null
 * @param shape      the neurons' shape in NIR's terms (e.g. {@code [C, H, W]}, {@code [C, L]} or
 *                   {@code [N]}), against which per-neuron parameters broadcast
 */
public record FloatLayer(String name, Kind kind, int inputs, int neurons, double[] weights, double[] recurrent,
                         double[] bias, NirNode neuron, ConvGeometry conv, int poolKernel, int poolStride,
                         FeatureShape inputShape, Tensor delay, int[] shape) {

    /** Connection kinds. */
    public enum Kind { DENSE, RECURRENT, CONV, SUMPOOL }

    /** Convolution geometry. */
    public record ConvGeometry(int outChannels, int kernelHeight, int kernelWidth, int strideY, int strideX, int padY,
                               int padX, int groups) {
    }
}
