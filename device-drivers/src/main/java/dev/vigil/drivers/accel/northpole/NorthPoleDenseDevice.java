package dev.vigil.drivers.accel.northpole;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.Int8Model;

import java.util.ArrayList;
import java.util.List;

/**
 * An emulated NorthPole-class dense accelerator: all weights held on chip, layers spread over cores by
 * blocks of output rows, every layer (fully connected, convolution, depthwise convolution, pooling)
 * lowered at load time to a gather table plus a weight matrix (or a maximum), so one inference is a
 * sequence of matrix-vector products over gathered activations ({@link DenseLowering}). Results are
 * bit-equal to the golden CPU engine (same int8 × int8 → int32 arithmetic, same requantisation),
 * which the driver's tests check.
 * <p>
 * Profile (Modha et al., "Neural inference at the frontier of energy, space, and time", Science 382,
 * 2023): 256 cores, 224 MB of on-chip memory of which we give each core 768 KiB for weights, int8
 * weights and activations. The energy per multiply-accumulate is an <em>assumed</em> 0.5 pJ, an
 * order-of-magnitude figure for int8 compute beside on-chip SRAM in 12 nm, not a vendor measurement;
 * its static power an <em>assumed</em> {@value #STATIC_W} W (no idle figure is published; an edge part
 * holding its weights in SRAM leaks for as long as it is on, woken or not).
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
    /** Assumed static power, W. */
    public static final double STATIC_W = 0.1;

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
    public double staticW() {
        return STATIC_W;
    }

    @Override
    public String staticSource() {
        return "assumption: " + STATIC_W + " W, no published idle figure for NorthPole";
    }

    @Override
    public DenseExecutor load(Int8Model model) {
        List<LoweredLayer> lowered = new ArrayList<>();
        int coresUsed = 0;
        for (int l = 0; l < model.layers().size(); l++) {
            LoweredLayer ll = DenseLowering.lower(model.layers().get(l));
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
}
