package dev.vigil.runtime.compile;

import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaFormat;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.SumPoolLayer;
import dev.vigil.runtime.nir.FloatLayer;
import dev.vigil.runtime.nir.NirFormatException;
import dev.vigil.runtime.nir.NirNode;
import dev.vigil.runtime.nir.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Quantises floating-point, continuous-time layers onto {@link CubaLif} neurons, with the discrete-time
 * semantics {@link NeuronPlan} spells out. Each neuron's input gain is folded into the weights onto it
 * (see {@link EffectiveLayer}). Two fixed points:
 * <ul>
 * <li><b>Wide</b> ({@link CubaFormat#WIDE}), for devices that list it (the golden and fast devices): one
 *     power-of-two scale {@code 2^k} per layer, the largest that keeps the threshold within 2^20 (so
 *     the voltage has room for 1,024 thresholds in its 31 bits) and every neuron's summed absolute
 *     weights within 2^27; 32-bit weights, biases, initial voltages and constant currents, 24-bit
 *     decays. Any parameter that is a multiple of {@code 2^-k} is exact, so a model whose weights,
 *     biases and thresholds are dyadic (such as the fixtures' integrate-and-fire CNN) runs bit for bit
 *     as in exact arithmetic.</li>
 * <li><b>Loihi's</b> ({@link CubaFormat#LOIHI}) for every other device: per layer, weights become
 *     signed 8-bit mantissas with one exponent; the scale maps the largest effective weight onto
 *     127 x 2^e, with the largest e (0..7) that keeps the threshold inside its 17 bits and the biases
 *     inside 13-bit mantissas with a 3-bit exponent; 12-bit decays. A target with a narrower weight
 *     format (see {@link WeightRange#of}) narrows the mantissa and caps e, and the report notes the
 *     exponent it cost. A constant input current of a current-based neuron becomes a voltage bias at
 *     its steady state (the chip has no constant current).</li>
 * </ul>
 * The report states, per layer, the weight, threshold and decay errors this costs.
 */
public final class Quantiser {
    private static final int MAX_EXPONENT = CubaFormat.LOIHI.maxBiasExponent();
    private static final int LOIHI_THRESHOLD_MAX = (1 << CubaFormat.LOIHI.thresholdBits()) - 1;
    private static final int BIAS_MANTISSA_MAX = (1 << (CubaFormat.LOIHI.biasBits() - 1)) - 1;
    private static final int BIAS_MANTISSA_MIN = -BIAS_MANTISSA_MAX - 1;
    /** Loihi's state units per unit of (scaled) input: synaptic input and threshold are shifted by its align shift. */
    private static final int LOIHI_ALIGN = 1 << CubaFormat.LOIHI.alignShift();
    private static final int LOIHI_DECAY_ONE = CubaFormat.LOIHI.decayOne();
    /** Wide format: the threshold's largest value, leaving the voltage room for 2^10 thresholds. */
    private static final long WIDE_THRESHOLD_BUDGET = 1L << 20;
    /** Wide format: the largest summed absolute weight onto one neuron, leaving 16x headroom in 32 bits. */
    private static final long WIDE_FAN_IN_BUDGET = 1L << 27;
    /** Wide format: the largest bias or initial voltage. */
    private static final long WIDE_STATE_BUDGET = 1L << 28;
    private static final int WIDE_UNREACHABLE = (1 << CubaFormat.WIDE.thresholdBits()) - 1;

    private Quantiser() {
    }

    /**
     * Quantises {@code layers} (from {@code file}) into network {@code name} with step {@code dt}
     * seconds, in the widest fixed point {@code target} runs.
     */
    public static QuantisedModel quantise(String file, String name, List<FloatLayer> layers, double dt,
                                          DeviceCapabilities target) throws NirFormatException {
        if (!(dt > 0)) {
            throw new IllegalArgumentException("time step must be positive, got " + dt);
        }
        if (layers.isEmpty()) {
            throw new NirFormatException(file, "graph has no layers");
        }
        boolean wide = target.neuronModels().contains(CubaFormat.WIDE.kind());
        WeightRange range = WeightRange.of(target);
        List<Layer> out = new ArrayList<>();
        List<LayerQuantisation> report = new ArrayList<>();
        for (FloatLayer f : layers) {
            if (f.kind() == FloatLayer.Kind.SUMPOOL) {
                out.add(new SumPoolLayer(f.name(), f.inputShape(), f.poolKernel(), f.poolStride()));
                continue;
            }
            NeuronPlan plan = NeuronPlan.of(file, f, dt);
            EffectiveLayer e = EffectiveLayer.of(file, f, plan);
            List<String> notes = new ArrayList<>();
            CubaFormat format = wide ? CubaFormat.WIDE : CubaFormat.LOIHI;
            Decays decays = Decays.of(plan, format, f.neuron() instanceof NirNode.Threshold, dt, notes);
            int delay = delaySteps(file, f, dt);
            out.add(wide ? wide(file, f, plan, e, decays, delay, notes, report)
                    : loihi(f, plan, e, decays, delay, range, notes, report));
        }
        return new QuantisedModel(new Network(name, layers.getFirst().inputs(), out), new QuantisationReport(report),
                dt);
    }

    private static Layer wide(String file, FloatLayer f, NeuronPlan plan, EffectiveLayer e, Decays decays, int delay,
                              List<String> notes, List<LayerQuantisation> report) throws NirFormatException {
        int k = wideExponent(plan, e);
        if (k == Integer.MIN_VALUE) {
            throw new NirFormatException(file, "node '" + f.name() + "': weights summing to " + e.maxFanIn()
                    + " thresholds onto one neuron do not fit 32-bit fixed point");
        }
        double scale = Math.scalb(1.0, k);
        notes.add(String.format(Locale.ROOT, "scale 2^%d per unit of voltage: multiples of 2^%d are exact", k, -k));
        int[] wq = rounded(e.weights(), scale);
        int[] recq = e.recurrent() == null ? null : rounded(e.recurrent(), scale);
        int[] currentBias = e.currentBias() == null ? null : rounded(e.currentBias(), scale);
        int[] start = rounded(e.start(), scale);
        int[] leak = leak(start, decays, CubaFormat.WIDE);
        int threshold = plan.spiking() ? (int) Math.round(e.threshold() * scale) : WIDE_UNREACHABLE;
        if (!plan.spiking()) {
            notes.add("non-spiking: read the potentials");
        }
        noteError(notes, "voltage bias", e.leak(), leak, scale);
        noteError(notes, "constant input", e.currentBias(), currentBias, scale);
        int du = Decays.uniform(decays.du());
        int dv = Decays.uniform(decays.dv());
        CubaLif neuron = new CubaLif(Math.max(du, 0), Math.max(dv, 0), 0, 0, threshold, delay, nonZero(leak),
                du < 0 ? decays.du() : null, dv < 0 ? decays.dv() : null, nonZero(start), currentBias,
                CubaFormat.WIDE);
        double[] errors = errors(e.weights(), wq, scale, e.recurrent(), recq);
        report.add(new LayerQuantisation(f.name(), scale, 0, errors[0], errors[1], e.threshold(),
                plan.spiking() ? threshold / scale : e.threshold(), e.maxAbsWeight(), decays.relativeError(), notes));
        return layer(f, wq, recq, neuron);
    }

    /** The largest {@code k} whose scale {@code 2^k} keeps the wide format's budgets, or MIN_VALUE if none does. */
    private static int wideExponent(NeuronPlan plan, EffectiveLayer e) {
        double state = Math.max(EffectiveLayer.maxAbs(e.leak()), EffectiveLayer.maxAbs(e.start()));
        for (int k = 40; k >= -20; k--) {
            double s = Math.scalb(1.0, k);
            if ((!plan.spiking() || Math.round(e.threshold() * s) <= WIDE_THRESHOLD_BUDGET)
                    && e.maxFanIn() * s <= WIDE_FAN_IN_BUDGET && state * s <= WIDE_STATE_BUDGET) {
                return k;
            }
        }
        return Integer.MIN_VALUE;
    }

    private static Layer loihi(FloatLayer f, NeuronPlan plan, EffectiveLayer e, Decays decays, int delay,
                               WeightRange range, List<String> notes, List<LayerQuantisation> report) {
        double[] w = e.weights();
        double[] rec = e.recurrent();
        int n = f.neurons();
        double[] bias = e.leak().clone();
        if (e.currentBias() != null) {
            boolean approximated = false;
            for (int i = 0; i < n; i++) {
                // a constant input current reaches the voltage as b / (fraction of current lost per step)
                double lost = (decays.du()[i] + 1) / (double) LOIHI_DECAY_ONE;
                bias[i] += e.currentBias()[i] / lost;
                approximated |= decays.du()[i] < LOIHI_DECAY_ONE - 1 && e.currentBias()[i] != 0;
            }
            if (approximated) {
                notes.add("constant input current lowered to a voltage bias at its steady state (exact after the"
                        + " current settles)");
            }
        }
        double maxW = e.maxAbsWeight();
        double maxBias = EffectiveLayer.maxAbs(bias);
        double threshold = plan.spiking() ? e.threshold() : LOIHI_THRESHOLD_MAX;
        int exponent = 0;
        double scale = 0;
        for (int x = MAX_EXPONENT; x >= 0; x--) {
            if (scaleFits(range.scale(x, maxW, threshold), plan.spiking(), threshold, maxBias)) {
                exponent = Math.min(x, range.maxExponent());
                scale = range.scale(exponent, maxW, threshold);
                if (x > exponent) {
                    notes.add(String.format(Locale.ROOT, "weight exponent %d instead of %d: %s", exponent, x,
                            range.limit()));
                }
                break;
            }
        }
        if (scale == 0) {
            scale = Math.min(LOIHI_THRESHOLD_MAX / Math.max(threshold, 1e-9),
                    maxBias > 0 ? ((long) BIAS_MANTISSA_MAX << MAX_EXPONENT) / (LOIHI_ALIGN * maxBias) : Double.MAX_VALUE);
            notes.add(String.format(Locale.ROOT, "threshold/bias range forces a coarse scale %.4g: weights use less"
                    + " than the full mantissa", scale));
        }
        int[] wq = quantiseWeights(w, scale, exponent, range);
        int[] recq = rec == null ? null : quantiseWeights(rec, scale, exponent, range);
        double[] errors = errors(w, wq, scale, rec, recq);
        int thresholdQ = plan.spiking() ? (int) Math.min(LOIHI_THRESHOLD_MAX, Math.round(scale * threshold))
                : LOIHI_THRESHOLD_MAX;
        if (!plan.spiking()) {
            notes.add("non-spiking: read the potentials");
        }
        if (plan.spiking() && thresholdQ == 0 && threshold > 0) {
            notes.add(String.format(Locale.ROOT, "threshold rounds to 0: the neurons spike on any positive potential"
                    + " (the largest weight is %.4g thresholds, beyond this weight format; a smaller time step or"
                    + " a weight exponent would help)", maxW / threshold));
        }
        int[] start = new int[n];
        long limit = CubaFormat.LOIHI.stateLimit() - 1;
        boolean clipped = false;
        for (int i = 0; i < n; i++) {
            long v = Math.round(LOIHI_ALIGN * scale * e.start()[i]);
            clipped |= Math.abs(v) > limit;
            start[i] = (int) Math.max(-limit, Math.min(limit, v));
        }
        if (clipped) {
            notes.add("initial voltage clipped to the 24-bit state");
        }
        int[] leak = leak(start, decays, CubaFormat.LOIHI);
        for (int i = 0; i < n; i++) {
            bias[i] += leak[i] / (LOIHI_ALIGN * scale) - e.leak()[i];
        }
        maxBias = EffectiveLayer.maxAbs(bias);
        int biasExponent = 0;
        long maxBiasFixed = Math.round(LOIHI_ALIGN * scale * maxBias);
        while (biasExponent < MAX_EXPONENT && maxBiasFixed > ((long) BIAS_MANTISSA_MAX << biasExponent)) {
            biasExponent++;
        }
        int[] biasMantissas = new int[n];
        double maxBiasError = 0;
        for (int i = 0; i < n; i++) {
            long m = Math.round(LOIHI_ALIGN * scale * bias[i] / (1 << biasExponent));
            biasMantissas[i] = (int) Math.max(BIAS_MANTISSA_MIN, Math.min(BIAS_MANTISSA_MAX, m));
            double back = biasMantissas[i] * (double) (1 << biasExponent) / (LOIHI_ALIGN * scale);
            maxBiasError = Math.max(maxBiasError, Math.abs(back - bias[i]));
        }
        if (maxBias > 0) {
            notes.add(String.format(Locale.ROOT, "voltage bias: max |error| %.4g (exponent %d)", maxBiasError,
                    biasExponent));
        }
        int du = Decays.uniform(decays.du());
        int dv = Decays.uniform(decays.dv());
        CubaLif neuron = new CubaLif(Math.max(du, 0), Math.max(dv, 0), 0, biasExponent, thresholdQ, delay,
                maxBias > 0 ? biasMantissas : null, du < 0 ? decays.du() : null, dv < 0 ? decays.dv() : null,
                nonZero(start), null, CubaFormat.LOIHI);
        report.add(new LayerQuantisation(f.name(), scale, exponent, errors[0], errors[1], threshold,
                plan.spiking() ? thresholdQ / scale : threshold, maxW, decays.relativeError(), notes));
        return layer(f, wq, recq, neuron);
    }

    /**
     * The voltage bias of a leak, {@code round(dv / 2^D * start)}: with the quantised decay, the voltage
     * settles exactly where it starts (a leaky neuron starts at its leak target), and an exported model
     * re-imports to the same integers.
     */
    private static int[] leak(int[] start, Decays decays, CubaFormat format) {
        int[] leak = new int[start.length];
        for (int i = 0; i < leak.length; i++) {
            leak[i] = (int) Math.round((double) decays.dv()[i] / format.decayOne() * start[i]);
        }
        return leak;
    }

    private static Layer layer(FloatLayer f, int[] wq, int[] recq, CubaLif neuron) {
        return switch (f.kind()) {
            case DENSE -> new DenseLayer(f.name(), f.inputs(), f.neurons(), inputMajor(wq, f.neurons(), f.inputs()),
                    neuron);
            case RECURRENT -> new RecurrentLayer(f.name(), f.inputs(), f.neurons(),
                    inputMajor(wq, f.neurons(), f.inputs()), inputMajor(recq, f.neurons(), f.neurons()), neuron);
            case CONV -> new ConvLayer(f.name(), f.inputShape(), f.conv().outChannels(), f.conv().kernelHeight(),
                    f.conv().kernelWidth(), f.conv().strideY(), f.conv().strideX(), f.conv().padY(), f.conv().padX(),
                    f.conv().groups(), wq, neuron);
            case SUMPOOL -> throw new IllegalStateException("pooling handled by the caller");
        };
    }

    private static int delaySteps(String file, FloatLayer f, double dt) throws NirFormatException {
        Tensor d = f.delay();
        if (d == null) {
            return 0;
        }
        long steps = Math.round(d.get(0) / dt);
        for (int i = 0; i < d.size(); i++) {
            if (Math.round(d.get(i) / dt) != steps) {
                throw new NirFormatException(file, "layer '" + f.name() + "': per-neuron delays differ");
            }
        }
        if (steps < 0 || steps > 1) {
            throw new NirFormatException(file, "layer '" + f.name() + "': delay of " + steps
                    + " steps not supported (0 or 1)");
        }
        return (int) steps;
    }

    private static int[] rounded(double[] values, double scale) {
        int[] q = new int[values.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.toIntExact(Math.round(values[i] * scale));
        }
        return q;
    }

    private static int[] nonZero(int[] values) {
        return Arrays.stream(values).anyMatch(v -> v != 0) ? values : null;
    }

    private static void noteError(List<String> notes, String what, double[] exact, int[] q, double scale) {
        if (exact == null || Arrays.stream(exact).allMatch(x -> x == 0)) {
            return;
        }
        double max = 0;
        for (int i = 0; i < exact.length; i++) {
            max = Math.max(max, Math.abs(exact[i] - q[i] / scale));
        }
        notes.add(String.format(Locale.ROOT, "%s: max |error| %.4g", what, max));
    }

    /** Whether {@code scale} keeps the threshold inside its 17 bits and the biases inside their format. */
    private static boolean scaleFits(double scale, boolean spiking, double threshold, double maxBias) {
        boolean thresholdFits = !spiking || Math.round(scale * threshold) <= LOIHI_THRESHOLD_MAX;
        return thresholdFits && Math.round(LOIHI_ALIGN * scale * maxBias) <= (long) BIAS_MANTISSA_MAX << MAX_EXPONENT;
    }

    private static int[] quantiseWeights(double[] w, double scale, int exponent, WeightRange range) {
        int[] q = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            long m = Math.round(w[i] * scale / (1 << exponent));
            q[i] = (int) Math.max(-range.mantissaMax() - 1, Math.min(range.mantissaMax(), m)) << exponent;
        }
        return q;
    }

    /**
     * The weights a target holds in Loihi's format: signed mantissas up to {@code mantissaMax} shifted
     * by an exponent up to {@code maxExponent}; {@code limit} says, for the report, which device set the
     * exponent's bound.
     */
    record WeightRange(int mantissaMax, int maxExponent, String limit) {

        /**
         * The widest quantiser format {@code device} holds exactly: a mantissa of
         * {@code b = min(8, weightBits)} bits (at least 2: the weights are signed), and exponents up to
         * {@code maxWeightExponent + (weightBits - b)} (the device's spare mantissa bits take the rest of
         * the shift), at most 7. Loihi (8 bits, 0..7) and 32-bit devices get the widest format; an
         * Akida-class device (8 bits, no exponent) gets 8-bit mantissas with exponent 0.
         */
        static WeightRange of(DeviceCapabilities device) {
            int bits = Math.max(2, Math.min(8, device.weightBits()));
            int spare = Math.max(0, device.weightBits() - bits);
            int maxExponent = (int) Math.min(MAX_EXPONENT, (long) device.maxWeightExponent() + spare);
            return new WeightRange((1 << (bits - 1)) - 1, maxExponent, "device '" + device.id() + "' holds "
                    + device.weightBits() + "-bit weights with exponent 0.." + device.maxWeightExponent()
                    + " (a coarser scale: larger threshold rounding error)");
        }

        /** The scale mapping the largest weight {@code maxW} onto the largest mantissa at exponent {@code e}. */
        double scale(int e, double maxW, double threshold) {
            return maxW > 0 ? mantissaMax * (double) (1 << e) / maxW
                    : LOIHI_THRESHOLD_MAX / 2.0 / Math.max(threshold, 1e-9);
        }
    }

    private static double[] errors(double[] w, int[] wq, double scale, double[] rec, int[] recq) {
        double max = 0;
        double sum = 0;
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            double[] a = pass == 0 ? w : rec;
            int[] q = pass == 0 ? wq : recq;
            if (a == null) {
                continue;
            }
            for (int i = 0; i < a.length; i++) {
                double e = Math.abs(a[i] - q[i] / scale);
                max = Math.max(max, e);
                sum += e;
                n++;
            }
        }
        return new double[] {max, n == 0 ? 0 : sum / n};
    }

    /** NIR's [out][in] to the network model's input-major [in][out]. */
    private static int[] inputMajor(int[] outMajor, int outputs, int inputs) {
        int[] t = new int[outMajor.length];
        for (int o = 0; o < outputs; o++) {
            for (int i = 0; i < inputs; i++) {
                t[i * outputs + o] = outMajor[o * inputs + i];
            }
        }
        return t;
    }
}
