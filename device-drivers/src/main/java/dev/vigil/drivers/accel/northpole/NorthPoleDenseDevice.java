package dev.vigil.drivers.accel.northpole;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;

import java.util.ArrayList;
import java.util.List;

/**
 * An emulated NorthPole-class dense accelerator: all weights held on chip, layers spread over cores by
 * blocks of output rows, every layer (convolutions included) lowered at load time to a gather table
 * plus a weight matrix, so one inference is a sequence of matrix-vector products over gathered
 * activations. Results are bit-equal to the golden CPU engine (same int8 × int8 → int32 arithmetic,
 * same requantisation), which the driver's tests check.
 * <p>
 * Profile (Modha et al., "Neural inference at the frontier of energy, space, and time", Science 382,
 * 2023): 256 cores, 224 MB of on-chip memory of which we give each core 768 KiB for weights, int8
 * weights and activations. The energy per multiply-accumulate is an <em>assumed</em> 0.5 pJ, an
 * order-of-magnitude figure for int8 compute beside on-chip SRAM in 12 nm, not a vendor measurement.
 */
public final class NorthPoleDenseDevice implements DenseDevice {
    /** Its id. */
    public static final String ID = "northpole";
    /** Cores on the chip. */
    public static final int CORES = 256;
    /** Weight bytes one core holds. */
    public static final int WEIGHT_BYTES_PER_CORE = 768 * 1024;
    /** Assumed energy per int8 multiply-accumulate, J. */
    public static final double JOULES_PER_MAC = 0.5e-12;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "emulated NorthPole-class int8 dense accelerator, " + CORES + " cores x " + WEIGHT_BYTES_PER_CORE / 1024
                + " KiB weights (energy per MAC assumed 0.5 pJ)";
    }

    @Override
    public double joulesPerMac() {
        return JOULES_PER_MAC;
    }

    @Override
    public boolean onHostCpu() {
        return false;
    }

    @Override
    public DenseExecutor load(Int8Model model) {
        List<LoweredLayer> lowered = new ArrayList<>();
        int coresUsed = 0;
        for (int l = 0; l < model.layers().size(); l++) {
            LoweredLayer ll = lower(model.layers().get(l));
            int cores = (int) ((ll.weightBytes() + WEIGHT_BYTES_PER_CORE - 1) / WEIGHT_BYTES_PER_CORE);
            coresUsed += Math.max(1, cores);
            if (coresUsed > CORES) {
                throw new IllegalArgumentException("dense model '" + model.name() + "' layer " + l + " (" + model.layers().get(l)
                        + ") does not fit: " + coresUsed + " cores needed, " + CORES + " available");
            }
            lowered.add(ll);
        }
        return new NorthPoleExecutor(lowered, model.widest());
    }

    /** Lowers {@code op} to rows of (gather indices, weights); dense layers gather the identity. */
    static LoweredLayer lower(Int8Op op) {
        return switch (op) {
            case Int8Layer d -> {
                int[] gather = new int[d.inputs()];
                for (int i = 0; i < gather.length; i++) {
                    gather[i] = i;
                }
                int[][] rowGather = new int[d.outputs()][];
                byte[][] rowWeights = new byte[d.outputs()][];
                int[] bias = new int[d.outputs()];
                for (int o = 0; o < d.outputs(); o++) {
                    rowGather[o] = gather;
                    rowWeights[o] = new byte[d.inputs()];
                    for (int i = 0; i < d.inputs(); i++) {
                        rowWeights[o][i] = (byte) d.weight(o, i);
                    }
                    bias[o] = d.biasOf(o);
                }
                yield new LoweredLayer(rowGather, rowWeights, bias, d.shift(), d.relu());
            }
            case Int8Conv2d c -> {
                int oh = c.outHeight();
                int ow = c.outWidth();
                int k = c.inChannels() * c.kh() * c.kw();
                byte[][] kernel = new byte[c.outChannels()][k];
                for (int o = 0; o < c.outChannels(); o++) {
                    int j = 0;
                    for (int ch = 0; ch < c.inChannels(); ch++) {
                        for (int dy = 0; dy < c.kh(); dy++) {
                            for (int dx = 0; dx < c.kw(); dx++) {
                                kernel[o][j++] = (byte) c.weight(o, ch, dy, dx);
                            }
                        }
                    }
                }
                int[][] positionGather = new int[oh * ow][k];
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) {
                        int j = 0;
                        for (int ch = 0; ch < c.inChannels(); ch++) {
                            for (int dy = 0; dy < c.kh(); dy++) {
                                for (int dx = 0; dx < c.kw(); dx++) {
                                    positionGather[y * ow + x][j++] = (ch * c.height() + y + dy) * c.width() + x + dx;
                                }
                            }
                        }
                    }
                }
                int outputs = c.outputs();
                int[][] rowGather = new int[outputs][];
                byte[][] rowWeights = new byte[outputs][];
                int[] bias = new int[outputs];
                for (int o = 0; o < c.outChannels(); o++) {
                    for (int p = 0; p < oh * ow; p++) {
                        rowGather[o * oh * ow + p] = positionGather[p];
                        rowWeights[o * oh * ow + p] = kernel[o];
                        bias[o * oh * ow + p] = c.biasOf(o);
                    }
                }
                yield new LoweredLayer(rowGather, rowWeights, bias, c.shift(), c.relu(), (long) c.weightCount());
            }
        };
    }
}
