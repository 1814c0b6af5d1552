package dev.vigil.runtime.compile;

import java.util.List;
import java.util.Locale;

/** Per-layer quantisation errors of an imported model. */
public record QuantisationReport(List<LayerQuantisation> layers) {

    public QuantisationReport {
        layers = List.copyOf(layers);
    }

    /** The largest weight error over all layers. */
    public double maxAbsWeightError() {
        return layers.stream().mapToDouble(LayerQuantisation::maxAbsWeightError).max().orElse(0);
    }

    /** The largest relative error of any layer ({@link LayerQuantisation#relativeError()}). */
    public double relativeError() {
        return layers.stream().mapToDouble(LayerQuantisation::relativeError).max().orElse(0);
    }

    /**
     * A table for humans, one line per layer plus its notes; {@code rel err} is the largest of the
     * threshold, weight (against the largest weight) and decay errors, each relative.
     */
    public String format() {
        StringBuilder b = new StringBuilder("quantisation (errors in model units)\n");
        b.append(String.format(Locale.ROOT, "%-20s %10s %4s %12s %12s %12s %12s %9s %9s %9s%n", "layer", "scale",
                "exp", "max|dw|", "mean|dw|", "threshold", "quantised", "thr err", "decay err", "rel err"));
        for (LayerQuantisation q : layers) {
            b.append(String.format(Locale.ROOT, "%-20s %10.4g %4d %12.4g %12.4g %12.6g %12.6g %8.3f%% %8.4f%% %8.4f%%%n",
                    q.layer(), q.scale(), q.weightExponent(), q.maxAbsWeightError(), q.meanAbsWeightError(),
                    q.threshold(), q.quantisedThreshold(), 100 * q.thresholdError(), 100 * q.decayError(),
                    100 * q.relativeError()));
            for (String note : q.notes()) {
                b.append("    ").append(note).append('\n');
            }
        }
        return b.toString();
    }
}
