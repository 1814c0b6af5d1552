package dev.vigil.runtime.compile;

import java.util.List;

/**
 * What quantising one layer cost in accuracy, in the model's own (floating-point) units.
 *
 * @param layer              layer name
 * @param scale              fixed-point units (of the 2^6-aligned input) per model unit of voltage
 * @param weightExponent     shared weight exponent
 * @param maxAbsWeightError  largest |w - quantised w| over the layer's effective weights
 * @param meanAbsWeightError mean |w - quantised w|
 * @param threshold          the model's threshold
 * @param quantisedThreshold the threshold the device uses, back in model units
 * @param notes              approximations made (decay rounding, bias lowering), one per line
 */
public record LayerQuantisation(String layer, double scale, int weightExponent, double maxAbsWeightError,
                                double meanAbsWeightError, double threshold, double quantisedThreshold,
                                List<String> notes) {

    public LayerQuantisation {
        notes = List.copyOf(notes);
    }

    /** Relative threshold rounding error. */
    public double thresholdError() {
        return threshold == 0 ? 0 : Math.abs(quantisedThreshold - threshold) / Math.abs(threshold);
    }
}
