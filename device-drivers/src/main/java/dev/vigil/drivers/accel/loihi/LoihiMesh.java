package dev.vigil.drivers.accel.loihi;

import dev.vigil.drivers.accel.engine.HopModel;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;

import java.util.BitSet;

/**
 * Spike routing cost on the chip's mesh. Emulation assumption (the paper gives the mesh, not a core
 * numbering): the 128 cores sit on an 8 x 16 grid in row-major order, and a spike travels to every
 * distinct core holding one of its targets along the Manhattan distance. Network inputs enter at core 0.
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
        int from = layer == 0 ? 0 : program.coreOf(network.layers().get(layer - 1).name(), source);
        BitSet cores = new BitSet();
        target.fanOut(source, (t, w) -> cores.set(program.coreOf(target.name(), t)));
        int hops = 0;
        for (int c = cores.nextSetBit(0); c >= 0; c = cores.nextSetBit(c + 1)) {
            hops += distance(Math.max(from, 0), c);
        }
        return hops;
    }
}
