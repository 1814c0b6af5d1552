package dev.vigil.runtime.hal;

import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.SumPoolLayer;

/**
 * A device's weight format: a signed {@code weightBits}-bit mantissa shifted left by one exponent
 * shared by the whole layer.
 */
public final class WeightFormat {

    private WeightFormat() {
    }

    /**
     * The smallest shared exponent with which every weight of {@code layer} is exactly
     * {@code mantissa << e} with a mantissa inside the device's signed width, or -1 if none is.
     */
    public static int sharedExponent(Layer layer, DeviceCapabilities device) {
        for (int e = 0; e <= device.maxWeightExponent(); e++) {
            if (fits(layer, device.weightBits(), e)) {
                return e;
            }
        }
        return -1;
    }

    private static boolean fits(Layer layer, int bits, int exponent) {
        return switch (layer) {
            case DenseLayer d -> fits(d.weights(), bits, exponent);
            case ConvLayer c -> fits(c.weights(), bits, exponent);
            case RecurrentLayer r -> fits(r.weights(), bits, exponent) && fits(r.recurrentWeights(), bits, exponent);
            case SumPoolLayer p -> true;
        };
    }

    private static boolean fits(int[] weights, int bits, int exponent) {
        long min = -(1L << (bits - 1));
        long max = (1L << (bits - 1)) - 1;
        int mask = (1 << exponent) - 1;
        for (int w : weights) {
            if ((w & mask) != 0 || (w >> exponent) < min || (w >> exponent) > max) {
                return false;
            }
        }
        return true;
    }
}
