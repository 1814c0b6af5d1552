package dev.vigil.runtime.learn;

import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.network.FeatureShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CNN head trainer on maps whose class is where a bump lies (a defect line in a spectrum, a formant in
 * log-mel frames) under noise: it learns them, its int8 model classifies held-out maps, and the same
 * examples and seed give the same model.
 */
class CnnHeadTrainerTest {

    @Test
    void learnsWhereTheLineIsOnA1dMapReproducibly() {
        FeatureShape shape = new FeatureShape(2, 1, 64);
        List<CnnHeadTrainer.Example> train = maps(shape, 60, 1);
        Int8Model a = CnnHeadTrainer.train("t", shape, train, List.of("low", "high", "background"), 5, 15);
        Int8Model b = CnnHeadTrainer.train("t", shape, train, List.of("low", "high", "background"), 5, 15);
        assertEquals(a, b, "same examples and seed, same model");
        assertNotEquals(a, CnnHeadTrainer.train("t", shape, train, List.of("low", "high", "background"), 6, 15), "another seed, another model");
        double held = CnnHeadTrainer.accuracy(a, maps(shape, 50, 2));
        assertTrue(held >= 0.95, "held-out accuracy " + held);
    }

    @Test
    void learnsWhereTheBumpIsOnA2dMap() {
        FeatureShape shape = new FeatureShape(1, 12, 20);
        Int8Model m = CnnHeadTrainer.train("t", shape, maps(shape, 60, 3), List.of("low", "high", "background"), 5, 15);
        assertEquals(5, m.layers().size(), "3x3 conv, depthwise, pointwise, average pooling, dense");
        double held = CnnHeadTrainer.accuracy(m, maps(shape, 50, 4));
        assertTrue(held >= 0.95, "held-out accuracy " + held);
    }

    /** {@code perClass} maps of each class: noise, plus a bump a quarter of the way up (class 0), three quarters (1), or none (2). */
    private static List<CnnHeadTrainer.Example> maps(FeatureShape s, int perClass, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<CnnHeadTrainer.Example> out = new ArrayList<>();
        for (int e = 0; e < perClass; e++) {
            for (int c = 0; c < 3; c++) {
                int[] f = new int[s.size()];
                int rows = s.height() > 1 ? s.height() : s.width();
                int at = c == 0 ? rows / 4 : 3 * rows / 4;
                at += rnd.nextInt(3) - 1;
                for (int ch = 0; ch < s.channels(); ch++) {
                    for (int y = 0; y < s.height(); y++) {
                        for (int x = 0; x < s.width(); x++) {
                            int pos = s.height() > 1 ? y : x;
                            int v = rnd.nextInt(41) - 60;
                            if (c < 2 && Math.abs(pos - at) <= 1) {
                                v += 70;
                            }
                            f[s.index(ch, y, x)] = v;
                        }
                    }
                }
                out.add(new CnnHeadTrainer.Example(f, c));
            }
        }
        return out;
    }
}
