package dev.vigil.drivers.accel.loihi;

import dev.vigil.drivers.accel.engine.HopModel;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.SumPoolLayer;

import java.util.BitSet;

/**
 * Spike routing cost on the chip's mesh. Emulation assumption (the paper gives the mesh, not a core
 * numbering): the 128 cores sit on an 8 x 16 grid in row-major order, and a spike travels to every
 * distinct core holding one of its targets along the Manhattan distance. Network inputs enter at core 0.
 * A sum pooling is routing (it holds no core): a spike crossing it travels from its source neuron's
 * core straight to the cores of the layer after the pooling.
 */
final class LoihiMesh implements HopModel {
    static final int COLUMNS = 8;

    private final CompiledProgram program;

    LoihiMesh(CompiledProgram program) {
        this.program = program;
    }

    static int distance(int a, int b) {
        return Math.abs(a % COLUMNS - b % COLUMNS) + Math.abs(a / COLUMNS - b / COLUMNS);
    }

    @Override
    public int hops(int layer, int source) {
        Network network = program.network();
        Layer target = network.layers().get(layer);
        int sourceLayer = layer - 1;
        int input = source;
        if (sourceLayer >= 0 && network.layers().get(sourceLayer) instanceof SumPoolLayer pool) {
            // routing: the event leaves a neuron before the pooling and enters the window's pooled input
            int[] pooled = {-1};
            pool.fanOut(source, (t, w) -> pooled[0] = t);
            if (pooled[0] < 0) {
                return 0;
            }
            input = pooled[0];
            sourceLayer--;
        }
        int from = sourceLayer < 0 ? 0 : program.coreOf(network.layers().get(sourceLayer).name(), source);
        BitSet cores = new BitSet();
        target.fanOut(input, (t, w) -> cores.set(program.coreOf(target.name(), t)));
        int hops = 0;
        for (int c = cores.nextSetBit(0); c >= 0; c = cores.nextSetBit(c + 1)) {
            hops += distance(Math.max(from, 0), c);
        }
        return hops;
    }
}
