package dev.vigil.runtime.hal;

/**
 * Turns a device's activity counts into joules with per-operation figures plus static power.
 *
 * @param synapticOpJ         energy per synaptic operation
 * @param neuronUpdateJ       energy per (inactive) neuron update
 * @param spikeJ              energy per spike routed within a core or tile
 * @param staticW             static (leakage and clock) power of the cores in use
 * @param source              where the figures come from
 * @param activeNeuronUpdateJ energy per neuron update of an active neuron (replaces {@code neuronUpdateJ})
 * @param hopJ                energy per core-to-core mesh hop of a spike
 */
public record EnergyModel(double synapticOpJ, double neuronUpdateJ, double spikeJ, double staticW, String source,
                          double activeNeuronUpdateJ, double hopJ) {

    /** A model without the active-update and hop terms (active updates cost as inactive ones). */
    public EnergyModel(double synapticOpJ, double neuronUpdateJ, double spikeJ, double staticW, String source) {
        this(synapticOpJ, neuronUpdateJ, spikeJ, staticW, source, neuronUpdateJ, 0);
    }

    /**
     * Loihi's published figures (Davies et al., "Loihi: A Neuromorphic Manycore Processor with On-Chip
     * Learning", IEEE Micro 38(1), 2018, Table 1): 23.6 pJ per synaptic op, 52 pJ per inactive and
     * 81 pJ per active neuron update, 1.7 pJ per spike within a tile, 3.5 pJ per tile hop (the paper
     * gives 3-4 pJ for east-west/north-south hops; the midpoint is used); static power left out (0 W).
     */
    public static final EnergyModel LOIHI_2018 = new EnergyModel(23.6e-12, 52e-12, 1.7e-12, 0,
            "Davies et al., IEEE Micro 2018", 81e-12, 3.5e-12);

    /** Energy for {@code counts} over {@code seconds} of operation. */
    public double joules(ActivityCounts counts, double seconds) {
        long inactive = counts.neuronUpdates() - counts.activeNeuronUpdates();
        return counts.synapticOps() * synapticOpJ + inactive * neuronUpdateJ
                + counts.activeNeuronUpdates() * activeNeuronUpdateJ + counts.spikesRouted() * spikeJ
                + counts.meshHops() * hopJ + staticW * seconds;
    }
}
