package dev.vigil.runtime.compile;

import dev.vigil.runtime.nir.FloatLayer;
import dev.vigil.runtime.nir.NirFormatException;

import java.util.Arrays;

/**
 * A layer's parameters as the fixed point sees them, still in floating point: each neuron's gain folded
 * into the weights onto it, and each neuron scaled so that every threshold equals the layer's largest
 * (a neuron with a lower threshold gets proportionally larger weights, biases and start); with uniform
 * thresholds that factor is exactly 1. The voltage is in the model's units, shifted by {@code v_reset}.
 *
 * @param weights     feed-forward weights, NIR order ({@code [out][in]}, or {@code [out][in/g][kh][kw]})
 * @param recurrent   recurrent weights {@code [out][in]}, or null
 * @param currentBias constant input per neuron, entering where the synaptic input does, or null
 * @param leak        voltage added per neuron and step
 * @param start       initial voltage per neuron
 * @param threshold   the common threshold
 * @param maxFanIn    the largest sum of absolute weights (and constant input) onto one neuron
 */
record EffectiveLayer(double[] weights, double[] recurrent, double[] currentBias, double[] leak, double[] start,
                      double threshold, double maxFanIn) {

    static EffectiveLayer of(String file, FloatLayer f, NeuronPlan plan) throws NirFormatException {
        int n = f.neurons();
        double[] factor = new double[n];
        for (int i = 0; i < n; i++) {
            factor[i] = plan.gain()[i] * plan.normalisation(i);
        }
        double[] w = f.weights().clone();
        double[] rowSum = new double[n];
        if (f.kind() == FloatLayer.Kind.CONV) {
            int channels = f.conv().outChannels();
            int perChannel = n / channels;
            int perKernel = w.length / channels;
            for (int c = 0; c < channels; c++) {
                double k = factor[c * perChannel];
                for (int i = c * perChannel; i < (c + 1) * perChannel; i++) {
                    if (factor[i] != k) {
                        throw new NirFormatException(file, "node '" + f.name() + "': per-neuron parameters vary within"
                                + " channel " + c + " of a convolution, whose weights the channel shares");
                    }
                }
                double sum = 0;
                for (int j = c * perKernel; j < (c + 1) * perKernel; j++) {
                    w[j] *= k;
                    sum += Math.abs(w[j]);
                }
                Arrays.fill(rowSum, c * perChannel, (c + 1) * perChannel, sum);
            }
        } else {
            int in = w.length / n;
            for (int j = 0; j < w.length; j++) {
                w[j] *= factor[j / in];
                rowSum[j / in] += Math.abs(w[j]);
            }
        }
        double[] rec = null;
        if (f.recurrent() != null) {
            rec = f.recurrent().clone();
            for (int j = 0; j < rec.length; j++) {
                rec[j] *= factor[j / n];
                rowSum[j / n] += Math.abs(rec[j]);
            }
        }
        double[] bias = null;
        if (f.bias() != null && Arrays.stream(f.bias()).anyMatch(b -> b != 0)) {
            bias = new double[n];
            for (int i = 0; i < n; i++) {
                bias[i] = f.bias()[i] * factor[i];
                rowSum[i] += Math.abs(bias[i]);
            }
        }
        double[] leak = new double[n];
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            leak[i] = plan.leak()[i] * plan.normalisation(i);
            start[i] = plan.start()[i] * plan.normalisation(i);
        }
        return new EffectiveLayer(w, rec, bias, leak, start, plan.referenceThreshold(),
                Arrays.stream(rowSum).max().orElse(0));
    }

    /** The largest absolute weight, feed-forward or recurrent. */
    double maxAbsWeight() {
        return Math.max(maxAbs(weights), recurrent == null ? 0 : maxAbs(recurrent));
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
