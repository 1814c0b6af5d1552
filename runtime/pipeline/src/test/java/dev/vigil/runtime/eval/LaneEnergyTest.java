package dev.vigil.runtime.eval;

import dev.vigil.runtime.dense.CpuDenseDevice;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneEnergyTest {
    private static final BoardPower PI4 = BoardPower.of("pi4b").orElseThrow();
    private static final ActivityCounts COUNTS = new ActivityCounts(10, 1_000, 500, 20, 50, 100, 0);

    private static LaneStats lane(LaneStats.Dense dense) {
        LaneStats.FrontEnd front = new LaneStats.FrontEnd(160_000, 400, COUNTS, EnergyModel.LOIHI_2018.joules(COUNTS, 10), 64,
                10, 2_000_000_000L, EnergyModel.LOIHI_2018);
        return new LaneStats("audio", 0, StreamKind.AUDIO, front, new LaneStats.Wake(200, 4, 0), dense);
    }

    private static Map<String, Double> joules(List<EnergyBreakdown.Part> parts) {
        return parts.stream().collect(Collectors.toMap(EnergyBreakdown.Part::part, EnergyBreakdown.Part::joules));
    }

    @Test
    void aFeatureHeadPaysItsMeasuredCpuTimeOnWakeAndItsFramesOnceEachWhenAlwaysDense() {
        LaneStats.Features features = new LaneStats.Features(100_000_000L, 40_000_000L, 1_000_000);
        LaneStats st = lane(new LaneStats.Dense(4, 4, 4_000_000L, 0, 0, true, Double.NaN, 0, 0, null, features));
        LaneEnergy e = LaneEnergy.of(st, 50_000, 10, new CpuDenseDevice(), PI4);
        Map<String, Double> wake = joules(e.breakdown().wakeOnSalience());
        Map<String, Double> always = joules(e.breakdown().alwaysDense());
        double w = 6.4 - 2.7;
        assertEquals(EnergyModel.LOIHI_2018.dynamicJoules(COUNTS), wake.get("front-dynamic"), 1e-18);
        assertEquals(0.029 * 10, wake.get("front-static"), 1e-12, "Loihi's idle power over the 10 s");
        assertEquals(2.0 * w, wake.get("encoder"), 1e-9, "2 s of encoder CPU");
        assertEquals((0.1 + 0.04) * w, wake.get("features"), 1e-9, "keeping samples and computing on the 4 wakes");
        assertEquals((0.1 + 200 * (0.04 / 4) * 0.05) * w, always.get("features"), 1e-9,
                "every window adds a hop's frames: the per-wake time x 50 ms / 1 s");
        assertEquals(1e-3 * w, e.denseJPerRun(), 1e-12, "1 ms of CPU per run");
        assertEquals(4 * 1e-3 * w, wake.get("dense"), 1e-12);
        assertEquals(200 * 1e-3 * w, always.get("dense"), 1e-12);
        assertEquals(0, wake.get("dense-static"), "the host CPU's idle power is the board's");
        assertEquals(2.7 * 10, e.breakdown().boardIdleJ(), 1e-9);
        assertEquals(wake.values().stream().mapToDouble(Double::doubleValue).sum(), e.breakdown().wakeOnSalienceJ(), 1e-12);
        assertTrue(e.breakdown().cpu().contains("Jeff Geerling"), e.breakdown().cpu());
    }

    @Test
    void anAcceleratorsStaticPowerCountsOnBothSidesWithItsSource() {
        DenseDevice accelerator = new DenseDevice() {
            public String id() {
                return "chip";
            }

            public String description() {
                return "a chip";
            }

            public double joulesPerMac() {
                return 2e-12;
            }

            public boolean onHostCpu() {
                return false;
            }

            public double staticW() {
                return 0.5;
            }

            public String staticSource() {
                return "assumption: 0.5 W";
            }

            public DenseExecutor load(Int8Model model) {
                throw new UnsupportedOperationException();
            }
        };
        LaneStats st = lane(new LaneStats.Dense(4, 4, 0, 4_000, 8e-9, false, 0.5, 1_000, 300, null, LaneStats.Features.NONE));
        LaneEnergy e = LaneEnergy.of(st, 50_000, 10, accelerator, PI4);
        Map<String, Double> wake = joules(e.breakdown().wakeOnSalience());
        Map<String, Double> always = joules(e.breakdown().alwaysDense());
        assertEquals(5.0, wake.get("dense-static"), 1e-12);
        assertEquals(5.0, always.get("dense-static"), 1e-12);
        assertEquals(4 * 1_000 * 2e-12, wake.get("dense"), 1e-20);
        assertEquals(200 * 1_000 * 2e-12, always.get("dense"), 1e-20);
        assertEquals(List.of("dense", "dense-static"), e.breakdown().alwaysDense().stream().map(EnergyBreakdown.Part::part).toList(),
                "a head reading spike counts gets them for free when always dense");
        assertTrue(e.breakdown().wakeOnSalience().stream().anyMatch(p -> p.source().contains("assumption: 0.5 W")));
    }
}
