package dev.vigil.runtime.hal;

/**
 * Turns a device's activity counts into joules with per-operation figures plus static power.
 *
 * @param synapticOpJ    energy per synaptic operation
 * @param neuronUpdateJ  energy per neuron update
 * @param spikeJ         energy per spike routed
 * @param staticW        static (leakage and clock) power of the cores in use
 * @param source         where the figures come from
 */
public record EnergyModel(double synapticOpJ, double neuronUpdateJ, double spikeJ, double staticW, String source) {

    /**
     * Loihi's published figures (Davies et al., "Loihi: A Neuromorphic Manycore Processor with On-Chip
     * Learning", IEEE Micro 38(1), 2018, Table 1): 23.6 pJ per synaptic op, 52 pJ per (inactive)
     * neuron update, 1.7 pJ per spike within a tile; static power left out (0 W).
     */
    public static final EnergyModel LOIHI_2018 = new EnergyModel(23.6e-12, 52e-12, 1.7e-12, 0,
            "Davies et al., IEEE Micro 2018");

    /** Energy for {@code counts} over {@code seconds} of operation. */
    public double joules(ActivityCounts counts, double seconds) {
        return counts.synapticOps() * synapticOpJ + counts.neuronUpdates() * neuronUpdateJ
                + counts.spikesRouted() * spikeJ + staticW * seconds;
    }
}
