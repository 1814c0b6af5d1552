package dev.vigil.runtime.compile;

import dev.vigil.runtime.network.CubaFormat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A layer's decays in a format's fixed point: {@code round(2^D dt/tau)} per neuron (minus the one the
 * hardware adds for the current), one note per distinct value, and the largest relative error.
 *
 * @param du            per-neuron current decays
 * @param dv            per-neuron voltage decays
 * @param relativeError largest {@code |quantised - dt/tau| / (dt/tau)} over leaky states
 */
record Decays(int[] du, int[] dv, double relativeError) {

    static Decays of(NeuronPlan plan, CubaFormat format, boolean threshold, double dt, List<String> notes) {
        int n = plan.gain().length;
        int one = format.decayOne();
        int[] du = new int[n];
        int[] dv = new int[n];
        double[] error = {0};
        Map<Double, Integer> currentNotes = new TreeMap<>();
        Map<Double, Integer> voltageNotes = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            du[i] = plan.currentBased() ? Math.max(0, step(plan.currentDecay()[i], one, currentNotes, error) - 1)
                    : one - 1;
            if (threshold) {
                dv[i] = one - 1;
            } else if (plan.voltageDecay()[i] == 0) {
                dv[i] = 0;
            } else {
                dv[i] = Math.min(one - 1, step(plan.voltageDecay()[i], one, voltageNotes, error));
            }
        }
        note(notes, "current", currentNotes, one, dt);
        note(notes, "voltage", voltageNotes, one, dt);
        if (threshold) {
            notes.add(String.format(Locale.ROOT, "Threshold node as a neuron keeping 1/%d of its voltage per step",
                    one));
        }
        return new Decays(du, dv, error[0]);
    }

    private static int step(double fraction, int one, Map<Double, Integer> seen, double[] error) {
        int d = (int) Math.max(0, Math.min(one, Math.round(one * fraction)));
        seen.put(fraction, d);
        error[0] = Math.max(error[0], Math.abs((double) Math.min(d, one - 1) / one - fraction) / fraction);
        return d;
    }

    private static void note(List<String> notes, String what, Map<Double, Integer> values, int one, double dt) {
        for (Map.Entry<Double, Integer> e : values.entrySet()) {
            double fraction = e.getKey();
            int d = e.getValue();
            notes.add(String.format(Locale.ROOT, "%s decay dt/tau = %.6f -> %d/%d = %.6f", what, fraction, d, one,
                    (double) d / one));
            if (d == one) {
                notes.add(String.format(Locale.ROOT, "warning: the step is %.1f times this time constant, so the %s"
                        + " state is forgotten every step; compile with a --dt below tau (e.g. --dt %s)", fraction,
                        what, suggestedDt(dt / fraction)));
            }
        }
    }

    /** A tenth of {@code tau} seconds, to one significant digit. */
    private static String suggestedDt(double tau) {
        return new BigDecimal(tau / 10).round(new MathContext(1)).stripTrailingZeros().toPlainString();
    }

    /** The single value when all are equal, else -1 (per-neuron values needed). */
    static int uniform(int[] values) {
        for (int v : values) {
            if (v != values[0]) {
                return -1;
            }
        }
        return values[0];
    }
}
