package dev.vigil.runtime.compile;

import java.util.List;

/**
 * What quantising one layer cost in accuracy, in the model's own (floating-point) units, with each
 * neuron's input gain folded into its weights.
 *
 * @param layer              layer name
 * @param scale              fixed-point units (of the synaptic input) per model unit of voltage
 * @param weightExponent     shared weight exponent
 * @param maxAbsWeightError  largest |w - quantised w| over the layer's effective weights
 * @param meanAbsWeightError mean |w - quantised w|
 * @param threshold          the model's threshold
 * @param quantisedThreshold the threshold the device uses, back in model units
 * @param maxAbsWeight       the largest effective weight, against which the weight error is relative
 * @param decayError         largest relative error of a per-step decay {@code dt/tau}
 * @param notes              approximations made (decay rounding, bias lowering), one per line
 */
public record LayerQuantisation(String layer, double scale, int weightExponent, double maxAbsWeightError,
                                double meanAbsWeightError, double threshold, double quantisedThreshold,
                                double maxAbsWeight, double decayError, List<String> notes) {

    public LayerQuantisation {
        notes = List.copyOf(notes);
    }

    /** Relative threshold rounding error. */
    public double thresholdError() {
        return threshold == 0 ? 0 : Math.abs(quantisedThreshold - threshold) / Math.abs(threshold);
    }

    /** The largest weight error relative to the largest weight. */
    public double weightError() {
        return maxAbsWeight == 0 ? 0 : maxAbsWeightError / maxAbsWeight;
    }

    /** The largest of the threshold, weight and decay errors, each relative: the layer's stated error. */
    public double relativeError() {
        return Math.max(thresholdError(), Math.max(weightError(), decayError));
    }
}
