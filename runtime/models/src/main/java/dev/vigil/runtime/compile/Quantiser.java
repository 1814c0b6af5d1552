package dev.vigil.runtime.compile;

import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.FixedPoint;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.SumPoolLayer;
import dev.vigil.runtime.nir.FloatLayer;
import dev.vigil.runtime.nir.NirFormatException;
import dev.vigil.runtime.nir.NirNode;
import dev.vigil.runtime.nir.Tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Quantises floating-point, continuous-time layers onto {@link CubaLif} neurons in Loihi's fixed point.
 * Time is discretised by forward Euler with step {@code dt} (the convention of snnTorch's and Norse's
 * exports, under which their discrete models are exact): a decay {@code dt/tau} becomes
 * {@code round(4096 dt/tau)}. The input gain of the neuron ({@code dt/tau * r}, times
 * {@code dt/tauSyn * wIn} for current-based neurons) is folded into the weights. Per layer, weights
 * become signed 8-bit mantissas with one exponent: the scale maps the largest effective weight onto
 * 127 x 2^e, with the largest e (0..7) that keeps the threshold inside its 17 bits and the biases
 * inside 13-bit mantissas with a 3-bit exponent. A target device with a narrower weight format (see
 * {@link WeightRange#of}) narrows the mantissa and caps e, and the report notes the exponent it cost.
 * Neuron nodes: LIF, CubaLIF, IF (and the non-spiking
 * LI, CubaLI, Integrator, whose threshold is set out of reach so their potentials can be read),
 * Threshold (a neuron that forgets all but 1/4096 of its voltage each step).
 */
public final class Quantiser {
    private static final int MAX_EXPONENT = 7;

    private Quantiser() {
    }

    /**
     * Quantises {@code layers} (from {@code file}) into network {@code name} with step {@code dt} seconds,
     * in the widest format: 8-bit weight mantissas with an exponent 0..7.
     */
    public static QuantisedModel quantise(String file, String name, List<FloatLayer> layers, double dt)
            throws NirFormatException {
        return quantise(file, name, layers, dt, WeightRange.WIDEST);
    }

    /**
     * Quantises {@code layers} (from {@code file}) into network {@code name} with step {@code dt} seconds,
     * with weights {@code target} can hold.
     */
    public static QuantisedModel quantise(String file, String name, List<FloatLayer> layers, double dt,
                                          DeviceCapabilities target) throws NirFormatException {
        return quantise(file, name, layers, dt, WeightRange.of(target));
    }

    private static QuantisedModel quantise(String file, String name, List<FloatLayer> layers, double dt,
                                           WeightRange range) throws NirFormatException {
        if (!(dt > 0)) {
            throw new IllegalArgumentException("time step must be positive, got " + dt);
        }
        if (layers.isEmpty()) {
            throw new NirFormatException(file, "graph has no layers");
        }
        List<Layer> out = new ArrayList<>();
        List<LayerQuantisation> report = new ArrayList<>();
        for (FloatLayer f : layers) {
            if (f.kind() == FloatLayer.Kind.SUMPOOL) {
                out.add(new SumPoolLayer(f.name(), f.inputShape(), f.poolKernel(), f.poolStride()));
                continue;
            }
            NeuronPlan plan = NeuronPlan.of(file, f, dt);
            out.add(quantiseLayer(file, f, plan, dt, range, report));
        }
        return new QuantisedModel(new Network(name, layers.getFirst().inputs(), out), new QuantisationReport(report),
                dt);
    }

    private static Layer quantiseLayer(String file, FloatLayer f, NeuronPlan plan, double dt, WeightRange range,
                                       List<LayerQuantisation> report) throws NirFormatException {
        List<String> notes = new ArrayList<>(plan.notes());
        double[] w = scaled(f.weights(), plan.gain());
        double[] rec = f.recurrent() == null ? null : scaled(f.recurrent(), plan.gain());
        double[] bias = new double[f.neurons()];
        boolean approximatedBias = false;
        for (int n = 0; n < f.neurons(); n++) {
            bias[n] = plan.leakBias()[n];
            if (f.bias() != null && f.bias()[n] != 0) {
                // a constant input current reaches the voltage as gain * b / (fraction of current lost per step)
                double lost = (plan.du() + 1) / (double) FixedPoint.DECAY_ONE;
                bias[n] += plan.gain() * f.bias()[n] / lost;
                approximatedBias |= plan.du() < FixedPoint.DECAY_MAX;
            }
        }
        if (approximatedBias) {
            notes.add("constant input current lowered to a voltage bias at its steady state (exact after the"
                    + " current settles)");
        }
        double maxW = Math.max(maxAbs(w), rec == null ? 0 : maxAbs(rec));
        double maxBias = maxAbs(bias);
        double threshold = plan.threshold();
        int exponent = 0;
        double scale = 0;
        for (int e = MAX_EXPONENT; e >= 0; e--) {
            if (scaleFits(range.scale(e, maxW, threshold), plan, threshold, maxBias)) {
                exponent = Math.min(e, range.maxExponent());
                scale = range.scale(exponent, maxW, threshold);
                if (e > exponent) {
                    notes.add(String.format(Locale.ROOT, "weight exponent %d instead of %d: %s", exponent, e,
                            range.limit()));
                }
                break;
            }
        }
        if (scale == 0) {
            scale = Math.min(FixedPoint.THRESHOLD_MAX / Math.max(threshold, 1e-9),
                    maxBias > 0 ? ((long) FixedPoint.BIAS_MANTISSA_MAX << MAX_EXPONENT) / (64 * maxBias) : Double.MAX_VALUE);
            notes.add(String.format(Locale.ROOT, "threshold/bias range forces a coarse scale %.4g: weights use less"
                    + " than the full mantissa", scale));
        }
        int[] wq = quantiseWeights(w, scale, exponent, range);
        int[] recq = rec == null ? null : quantiseWeights(rec, scale, exponent, range);
        double[] errors = errors(w, wq, scale, rec, recq);
        int thresholdQ = plan.spiking() ? (int) Math.min(FixedPoint.THRESHOLD_MAX, Math.round(scale * threshold)) : FixedPoint.THRESHOLD_MAX;
        if (plan.spiking() && thresholdQ == 0 && threshold > 0) {
            notes.add(String.format(Locale.ROOT, "threshold rounds to 0: the neurons spike on any positive potential"
                    + " (the largest weight is %.4g thresholds, beyond this weight format; a smaller time step or"
                    + " a weight exponent would help)", maxW / threshold));
        }
        int biasExponent = 0;
        long maxBiasFixed = Math.round(64 * scale * maxBias);
        while (biasExponent < MAX_EXPONENT && maxBiasFixed > ((long) FixedPoint.BIAS_MANTISSA_MAX << biasExponent)) {
            biasExponent++;
        }
        int[] biasMantissas = new int[f.neurons()];
        double maxBiasError = 0;
        for (int n = 0; n < f.neurons(); n++) {
            long m = Math.round(64 * scale * bias[n] / (1 << biasExponent));
            biasMantissas[n] = (int) Math.max(FixedPoint.BIAS_MANTISSA_MIN, Math.min(FixedPoint.BIAS_MANTISSA_MAX, m));
            double back = biasMantissas[n] * (double) (1 << biasExponent) / (64 * scale);
            maxBiasError = Math.max(maxBiasError, Math.abs(back - bias[n]));
        }
        if (maxBias > 0) {
            notes.add(String.format(Locale.ROOT, "voltage bias: max |error| %.4g (exponent %d)", maxBiasError,
                    biasExponent));
        }
        int delay = delaySteps(file, f, dt);
        CubaLif neuron = new CubaLif(plan.du(), plan.dv(), 0, biasExponent, thresholdQ, delay,
                maxBias > 0 ? biasMantissas : null);
        report.add(new LayerQuantisation(f.name(), scale, exponent, errors[0], errors[1], threshold,
                plan.spiking() ? thresholdQ / scale : threshold, notes));
        return switch (f.kind()) {
            case DENSE -> new DenseLayer(f.name(), f.inputs(), f.neurons(), inputMajor(wq, f.neurons(), f.inputs()),
                    neuron);
            case RECURRENT -> new RecurrentLayer(f.name(), f.inputs(), f.neurons(),
                    inputMajor(wq, f.neurons(), f.inputs()), inputMajor(recq, f.neurons(), f.neurons()), neuron);
            case CONV -> new ConvLayer(f.name(), f.inputShape(), f.conv().outChannels(), f.conv().kernelHeight(),
                    f.conv().kernelWidth(), f.conv().strideY(), f.conv().strideX(), f.conv().padY(), f.conv().padX(),
                    f.conv().groups(), wq, neuron);
            case SUMPOOL -> throw new IllegalStateException("pooling handled above");
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

    private static double[] scaled(double[] w, double gain) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i] * gain;
        }
        return out;
    }

    /** Whether {@code scale} keeps the threshold inside its 17 bits and the biases inside their format. */
    private static boolean scaleFits(double scale, NeuronPlan plan, double threshold, double maxBias) {
        boolean thresholdFits = !plan.spiking() || Math.round(scale * threshold) <= FixedPoint.THRESHOLD_MAX;
        return thresholdFits && Math.round(64 * scale * maxBias) <= (long) FixedPoint.BIAS_MANTISSA_MAX << MAX_EXPONENT;
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
     * The weights a target holds: signed mantissas up to {@code mantissaMax} shifted by an exponent up to
     * {@code maxExponent}; {@code limit} says, for the report, which device set the exponent's bound.
     */
    record WeightRange(int mantissaMax, int maxExponent, String limit) {

        /** Loihi's format, the widest the quantiser writes: 8-bit mantissas, exponent 0..7. */
        static final WeightRange WIDEST = new WeightRange(127, MAX_EXPONENT, "8-bit mantissa, exponent 0..7");

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
            return maxW > 0 ? mantissaMax * (double) (1 << e) / maxW : FixedPoint.THRESHOLD_MAX / 2.0 / Math.max(threshold, 1e-9);
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

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** A neuron node in discrete, fixed-point terms. */
    record NeuronPlan(int du, int dv, double gain, double[] leakBias, double threshold, boolean spiking,
                      List<String> notes) {

        static NeuronPlan of(String file, FloatLayer f, double dt) throws NirFormatException {
            int n = f.neurons();
            String node = f.name();
            List<String> notes = new ArrayList<>();
            return switch (f.neuron()) {
                case NirNode.LIF l -> {
                    double av = dt / uniform(file, node, "tau", l.tau(), n);
                    noReset(file, node, l.vReset(), n);
                    yield new NeuronPlan(FixedPoint.DECAY_MAX, decay(av, "voltage", dt, notes), av * uniform(file, node, "r", l.r(), n),
                            leak(av, l.vLeak(), n), uniform(file, node, "v_threshold", l.vThreshold(), n), true, notes);
                }
                case NirNode.LI l -> {
                    double av = dt / uniform(file, node, "tau", l.tau(), n);
                    notes.add("non-spiking: read the potentials");
                    yield new NeuronPlan(FixedPoint.DECAY_MAX, decay(av, "voltage", dt, notes), av * uniform(file, node, "r", l.r(), n),
                            leak(av, l.vLeak(), n), FixedPoint.THRESHOLD_MAX, false, notes);
                }
                case NirNode.CubaLIF c -> {
                    double as = dt / uniform(file, node, "tau_syn", c.tauSyn(), n);
                    double av = dt / uniform(file, node, "tau_mem", c.tauMem(), n);
                    noReset(file, node, c.vReset(), n);
                    double win = c.wIn() == null ? 1 : uniform(file, node, "w_in", c.wIn(), n);
                    yield new NeuronPlan(Math.max(0, decay(as, "current", dt, notes) - 1), decay(av, "voltage", dt, notes),
                            as * win * av * uniform(file, node, "r", c.r(), n), leak(av, c.vLeak(), n),
                            uniform(file, node, "v_threshold", c.vThreshold(), n), true, notes);
                }
                case NirNode.CubaLI c -> {
                    double as = dt / uniform(file, node, "tau_syn", c.tauSyn(), n);
                    double av = dt / uniform(file, node, "tau_mem", c.tauMem(), n);
                    double win = c.wIn() == null ? 1 : uniform(file, node, "w_in", c.wIn(), n);
                    notes.add("non-spiking: read the potentials");
                    yield new NeuronPlan(Math.max(0, decay(as, "current", dt, notes) - 1), decay(av, "voltage", dt, notes),
                            as * win * av * uniform(file, node, "r", c.r(), n), leak(av, c.vLeak(), n), FixedPoint.THRESHOLD_MAX,
                            false, notes);
                }
                case NirNode.IF i -> {
                    noReset(file, node, i.vReset(), n);
                    yield new NeuronPlan(FixedPoint.DECAY_MAX, 0, dt * uniform(file, node, "r", i.r(), n), new double[n],
                            uniform(file, node, "v_threshold", i.vThreshold(), n), true, notes);
                }
                case NirNode.Integrator i -> {
                    notes.add("non-spiking: read the potentials");
                    yield new NeuronPlan(FixedPoint.DECAY_MAX, 0, dt * uniform(file, node, "r", i.r(), n), new double[n],
                            FixedPoint.THRESHOLD_MAX, false, notes);
                }
                case NirNode.Threshold t -> {
                    notes.add("Threshold node as a neuron keeping 1/4096 of its voltage per step");
                    yield new NeuronPlan(FixedPoint.DECAY_MAX, FixedPoint.DECAY_MAX, 1, new double[n],
                            uniform(file, node, "threshold", t.threshold(), n), true, notes);
                }
                default -> throw new NirFormatException(file, "node '" + node + "' (" + f.neuron().type()
                        + ") is not a neuron node");
            };
        }

        private static int decay(double fraction, String what, double dt, List<String> notes) {
            long d = Math.round(FixedPoint.DECAY_ONE * fraction);
            int clamped = (int) Math.max(0, Math.min(FixedPoint.DECAY_ONE, d));
            notes.add(String.format(Locale.ROOT, "%s decay dt/tau = %.6f -> %d/4096 = %.6f", what, fraction, clamped,
                    clamped / (double) FixedPoint.DECAY_ONE));
            if (clamped == FixedPoint.DECAY_ONE) {
                notes.add(String.format(Locale.ROOT, "warning: the step is %.1f times this time constant, so the %s "
                        + "state is forgotten every step; compile with a --dt below tau (e.g. --dt %s)",
                        fraction, what, suggestedDt(dt / fraction)));
            }
            return Math.min(FixedPoint.DECAY_MAX, clamped);
        }

        /** A tenth of {@code tau} seconds, to one significant digit. */
        private static String suggestedDt(double tau) {
            return new BigDecimal(tau / 10).round(new MathContext(1)).stripTrailingZeros().toPlainString();
        }

        private static double[] leak(double av, Tensor vLeak, int n) {
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = vLeak == null ? 0 : av * vLeak.broadcast(i);
            }
            return b;
        }

        private static double uniform(String file, String node, String param, Tensor t, int n)
                throws NirFormatException {
            if (t == null) {
                throw new NirFormatException(file, "node '" + node + "': parameter '" + param + "' missing");
            }
            if (t.size() != 1 && t.size() != n) {
                throw new NirFormatException(file, "node '" + node + "': parameter '" + param + "' has " + t.size()
                        + " values for " + n + " neurons");
            }
            double v = t.get(0);
            for (int i = 1; i < t.size(); i++) {
                if (t.get(i) != v) {
                    throw new NirFormatException(file, "node '" + node + "': per-neuron values of parameter '" + param
                            + "' differ (" + v + ", " + t.get(i) + "); one value per layer is supported");
                }
            }
            return v;
        }

        private static void noReset(String file, String node, Tensor vReset, int n) throws NirFormatException {
            if (vReset != null) {
                for (int i = 0; i < vReset.size(); i++) {
                    if (vReset.get(i) != 0) {
                        throw new NirFormatException(file, "node '" + node + "': parameter 'v_reset' = "
                                + vReset.get(i) + " not supported (neurons reset to 0)");
                    }
                }
            }
        }
    }
}
