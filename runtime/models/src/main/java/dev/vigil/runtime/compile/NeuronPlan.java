package dev.vigil.runtime.compile;

import dev.vigil.runtime.nir.FloatLayer;
import dev.vigil.runtime.nir.NirFormatException;
import dev.vigil.runtime.nir.NirNode;
import dev.vigil.runtime.nir.Tensor;

import java.util.Arrays;

/**
 * A neuron node in discrete time, per neuron, before fixed point. Vigil's semantics (docs/nir.md): the
 * input is a current held for one step; LIF and LI advance by forward Euler,
 * {@code v += dt/tau (v_leak - v) + dt/tau R I}; CubaLIF and CubaLI first update the current,
 * {@code I += dt/tau_syn (w_in S - I)}, and the voltage then sees the new current; IF and I add
 * {@code R I} once per step (NIR gives them no time constant); Threshold keeps nothing. A spike is
 * {@code v > v_threshold}, after which {@code v = v_reset}; leaky neurons start at {@code v_leak}, the
 * others at 0. The device's voltage is shifted by {@code v_reset} so that it resets to 0:
 * the threshold becomes {@code v_threshold - v_reset}, the leak target {@code v_leak - v_reset}, the
 * start {@code v_start - v_reset}.
 *
 * @param currentDecay per-neuron fraction of the current lost per step ({@code dt/tau_syn}; 1 when the
 *                     current lasts one step)
 * @param voltageDecay per-neuron fraction of the voltage lost per step ({@code dt/tau}; 0 without leak)
 * @param gain         per-neuron factor from synaptic input to voltage ({@code dt/tau R}, times
 *                     {@code dt/tau_syn w_in} for current-based neurons, {@code R} for IF)
 * @param leak         per-neuron voltage added every step ({@code dt/tau (v_leak - v_reset)})
 * @param threshold    per-neuron distance from reset to threshold ({@code v_threshold - v_reset})
 * @param start        per-neuron initial voltage, shifted ({@code v_start - v_reset})
 * @param spiking      false for LI, CubaLI and I, whose voltage is read
 * @param currentBased whether the current outlives the step (CubaLIF, CubaLI)
 */
record NeuronPlan(double[] currentDecay, double[] voltageDecay, double[] gain, double[] leak, double[] threshold,
                  double[] start, boolean spiking, boolean currentBased) {

    static NeuronPlan of(String file, FloatLayer f, double dt) throws NirFormatException {
        Params p = new Params(file, f);
        int n = f.neurons();
        double[] zero = new double[n];
        double[] one = new double[n];
        Arrays.fill(one, 1);
        return switch (f.neuron()) {
            case NirNode.LIF l -> {
                double[] av = p.rate(dt, "tau", l.tau());
                double[] reset = p.optional("v_reset", l.vReset(), 0);
                double[] vLeak = p.values("v_leak", l.vLeak());
                yield new NeuronPlan(one, av, times(av, p.values("r", l.r())), times(av, minus(vLeak, reset)),
                        p.positive("v_threshold", minus(p.values("v_threshold", l.vThreshold()), reset)),
                        minus(vLeak, reset), true, false);
            }
            case NirNode.LI l -> {
                double[] av = p.rate(dt, "tau", l.tau());
                double[] vLeak = p.values("v_leak", l.vLeak());
                yield new NeuronPlan(one, av, times(av, p.values("r", l.r())), times(av, vLeak), null, vLeak, false,
                        false);
            }
            case NirNode.CubaLIF c -> {
                double[] as = p.rate(dt, "tau_syn", c.tauSyn());
                double[] av = p.rate(dt, "tau_mem", c.tauMem());
                double[] reset = p.optional("v_reset", c.vReset(), 0);
                double[] vLeak = p.values("v_leak", c.vLeak());
                double[] gain = times(times(as, p.optional("w_in", c.wIn(), 1)), times(av, p.values("r", c.r())));
                yield new NeuronPlan(as, av, gain, times(av, minus(vLeak, reset)),
                        p.positive("v_threshold", minus(p.values("v_threshold", c.vThreshold()), reset)),
                        minus(vLeak, reset), true, true);
            }
            case NirNode.CubaLI c -> {
                double[] as = p.rate(dt, "tau_syn", c.tauSyn());
                double[] av = p.rate(dt, "tau_mem", c.tauMem());
                double[] vLeak = p.values("v_leak", c.vLeak());
                double[] gain = times(times(as, p.optional("w_in", c.wIn(), 1)), times(av, p.values("r", c.r())));
                yield new NeuronPlan(as, av, gain, times(av, vLeak), null, vLeak, false, true);
            }
            case NirNode.IF i -> {
                double[] reset = p.optional("v_reset", i.vReset(), 0);
                yield new NeuronPlan(one, zero, p.values("r", i.r()), zero,
                        p.positive("v_threshold", minus(p.values("v_threshold", i.vThreshold()), reset)),
                        minus(zero, reset), true, false);
            }
            case NirNode.Integrator i -> new NeuronPlan(one, zero, p.values("r", i.r()), zero, null, zero, false, false);
            case NirNode.Threshold t -> new NeuronPlan(one, one, one, zero,
                    p.positive("threshold", p.values("threshold", t.threshold())), zero, true, false);
            default -> throw new NirFormatException(file, "node '" + f.name() + "' (" + f.neuron().type()
                    + ") is not a neuron node");
        };
    }

    /** The largest threshold, which every neuron's threshold is scaled to (1 for non-spiking layers). */
    double referenceThreshold() {
        return spiking ? Arrays.stream(threshold).max().orElse(1) : 1;
    }

    /** Neuron {@code n}'s factor onto the reference threshold: 1 when thresholds are uniform. */
    double normalisation(int n) {
        return spiking ? referenceThreshold() / threshold[n] : 1;
    }

    private static double[] times(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = a[i] * b[i];
        }
        return c;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    /** Reads a node's parameters per neuron, naming file, node and parameter when one does not fit. */
    private record Params(String file, FloatLayer layer) {

        double[] values(String param, Tensor t) throws NirFormatException {
            if (t == null) {
                throw new NirFormatException(file, "node '" + layer.name() + "': parameter '" + param + "' missing");
            }
            double[] v;
            try {
                v = t.broadcastTo(layer.shape());
            } catch (IllegalArgumentException e) {
                throw new NirFormatException(file, "node '" + layer.name() + "': parameter '" + param + "' "
                        + e.getMessage());
            }
            for (double x : v) {
                if (!Double.isFinite(x)) {
                    throw new NirFormatException(file, "node '" + layer.name() + "': parameter '" + param + "' holds "
                            + x);
                }
            }
            return v;
        }

        double[] optional(String param, Tensor t, double absent) throws NirFormatException {
            if (t != null) {
                return values(param, t);
            }
            double[] v = new double[layer.neurons()];
            Arrays.fill(v, absent);
            return v;
        }

        /** {@code dt / tau} per neuron, refusing a time constant that is not positive. */
        double[] rate(double dt, String param, Tensor tau) throws NirFormatException {
            double[] v = values(param, tau);
            for (int i = 0; i < v.length; i++) {
                if (!(v[i] > 0)) {
                    throw new NirFormatException(file, "node '" + layer.name() + "': parameter '" + param + "' = "
                            + v[i] + " (neuron " + i + ") must be positive");
                }
                v[i] = dt / v[i];
            }
            return v;
        }

        double[] positive(String param, double[] distance) throws NirFormatException {
            for (int i = 0; i < distance.length; i++) {
                if (!(distance[i] > 0)) {
                    throw new NirFormatException(file, "node '" + layer.name() + "': " + param + " of neuron " + i
                            + " does not lie above v_reset (distance " + distance[i] + ")");
                }
            }
            return distance;
        }
    }
}
