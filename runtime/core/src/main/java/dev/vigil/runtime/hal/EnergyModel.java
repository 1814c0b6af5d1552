package dev.vigil.runtime.hal;

/**
 * Turns a device's activity counts into joules with per-operation figures plus static power, each part
 * apart ({@link #dynamicJoules}, {@link #staticJoules}) so a report can show what the counters cost and
 * what merely keeping the device powered costs.
 *
 * @param synapticOpJ         energy per synaptic operation
 * @param neuronUpdateJ       energy per (inactive) neuron update
 * @param spikeJ              energy per spike routed within a core or tile
 * @param staticW             static (leakage and clock) power of the device while it runs
 * @param source              where the per-operation figures come from
 * @param activeNeuronUpdateJ energy per neuron update of an active neuron (replaces {@code neuronUpdateJ})
 * @param hopJ                energy per core-to-core mesh hop of a spike
 * @param staticSource        where the static figure comes from, or that it is an assumption
 */
public record EnergyModel(double synapticOpJ, double neuronUpdateJ, double spikeJ, double staticW, String source,
                          double activeNeuronUpdateJ, double hopJ, String staticSource) {

    /** A model without the active-update and hop terms (active updates cost as inactive ones). */
    public EnergyModel(double synapticOpJ, double neuronUpdateJ, double spikeJ, double staticW, String source) {
        this(synapticOpJ, neuronUpdateJ, spikeJ, staticW, source, neuronUpdateJ, 0,
                staticW == 0 ? "none (0 W)" : "assumption (no source given)");
    }

    /** The idle power of a Loihi chip, W: see {@link #LOIHI_2018}. */
    public static final double LOIHI_IDLE_W = 0.029;

    /** Where {@link #LOIHI_IDLE_W} comes from. */
    public static final String LOIHI_IDLE_SOURCE = "Loihi idle power 0.029 W, Blouw et al., \"Benchmarking Keyword Spotting"
            + " Efficiency on Neuromorphic Hardware\", NICE 2019 (arXiv:1812.01739), Table 1";

    /**
     * Loihi's published figures (Davies et al., "Loihi: A Neuromorphic Manycore Processor with On-Chip
     * Learning", IEEE Micro 38(1), 2018, Table 1): 23.6 pJ per synaptic op, 52 pJ per inactive and
     * 81 pJ per active neuron update, 1.7 pJ per spike within a tile, 3.5 pJ per tile hop (the paper
     * gives 3-4 pJ for east-west/north-south hops; the midpoint is used); static power the idle power
     * Blouw et al. measured on Loihi running a keyword spotter (NICE 2019, Table 1: 0.029 W), drawn
     * for as long as the front end runs.
     */
    public static final EnergyModel LOIHI_2018 = new EnergyModel(23.6e-12, 52e-12, 1.7e-12, LOIHI_IDLE_W,
            "Davies et al., IEEE Micro 2018", 81e-12, 3.5e-12, LOIHI_IDLE_SOURCE);

    /**
     * These per-operation figures standing in, labelled so, for {@code device}, which publishes none, with its
     * own static power; routing between cores unpriced.
     */
    public EnergyModel standingInFor(String device, double deviceStaticW, String deviceStaticSource) {
        return new EnergyModel(synapticOpJ, neuronUpdateJ, spikeJ, deviceStaticW, "stand-in: Loihi figures (" + source + "); "
                + device + " publishes none per operation", activeNeuronUpdateJ, 0, deviceStaticSource);
    }

    /** Energy for {@code counts} over {@code seconds} of operation: dynamic plus static. */
    public double joules(ActivityCounts counts, double seconds) {
        return dynamicJoules(counts) + staticJoules(seconds);
    }

    /** The energy of the counted work alone, J. */
    public double dynamicJoules(ActivityCounts counts) {
        long inactive = counts.neuronUpdates() - counts.activeNeuronUpdates();
        return counts.synapticOps() * synapticOpJ + inactive * neuronUpdateJ
                + counts.activeNeuronUpdates() * activeNeuronUpdateJ + counts.spikesRouted() * spikeJ
                + counts.meshHops() * hopJ;
    }

    /** The static power drawn over {@code seconds}, J. */
    public double staticJoules(double seconds) {
        return staticW * seconds;
    }
}
