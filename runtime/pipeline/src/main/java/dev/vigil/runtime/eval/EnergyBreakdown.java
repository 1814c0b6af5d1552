package dev.vigil.runtime.eval;

import java.util.List;

/**
 * One lane's energy in parts, for wake-on-salience and for always-dense (the same dense model, and the
 * features it reads, on every window), each part labelled with where its figures come from or marked as
 * an assumption. The board's idle power is drawn either way and stays out of both totals.
 *
 * @param wakeOnSalience the parts of running the front end always and the dense stage on wake
 * @param alwaysDense    the parts of running the dense stage on every window
 * @param boardIdleJ     the board's idle power over the run, J: the same for both, not in either total
 * @param cpu            how host CPU time is priced
 */
public record EnergyBreakdown(List<Part> wakeOnSalience, List<Part> alwaysDense, double boardIdleJ, String cpu) {

    /**
     * One part.
     *
     * @param part   what it is, e.g. {@code encoder}
     * @param joules its energy, J (NaN when nothing measured it)
     * @param source where the figure comes from, or that it is an assumption
     */
    public record Part(String part, double joules, String source) {
    }

    public EnergyBreakdown {
        wakeOnSalience = List.copyOf(wakeOnSalience);
        alwaysDense = List.copyOf(alwaysDense);
    }

    /** The sum of the wake-on-salience parts, J. */
    public double wakeOnSalienceJ() {
        return sum(wakeOnSalience);
    }

    /** The sum of the always-dense parts, J. */
    public double alwaysDenseJ() {
        return sum(alwaysDense);
    }

    private static double sum(List<Part> parts) {
        return parts.stream().mapToDouble(Part::joules).sum();
    }
}
