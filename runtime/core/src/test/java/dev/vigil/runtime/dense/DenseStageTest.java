package dev.vigil.runtime.dense;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DenseStageTest {

    private static Int8Model model() {
        // hidden = relu(x0 - x1) >> 1, relu(x1 - x0) >> 1 ; logits = [h0 - h1 + 1, h1 - h0]
        Int8Layer hidden = new Int8Layer(2, 2, new byte[]{1, -1, -1, 1}, new int[]{0, 0}, 1, true);
        Int8Layer out = new Int8Layer(2, 2, new byte[]{1, -1, -1, 1}, new int[]{1, 0}, 0, false);
        return Int8Model.mlp("t", 0, List.of(hidden, out), List.of("a", "b"), 1.0);
    }

    @Test
    void handComputedForwardPass() {
        DenseStage s = new DenseStage(model());
        DenseResult r = s.run(new int[]{10, 2});
        // h = [relu(8)>>1, relu(-8)>>1] = [4, 0]; logits = [4 - 0 + 1, 0 - 4] = [5, -4]
        assertArrayEquals(new int[]{5, -4}, r.logits());
        assertEquals("a", r.label());
        assertEquals(1 / (1 + Math.exp(-9)), r.score(), 1e-12);
        assertEquals(1, s.invocations());
        assertEquals(8, s.macs());
    }

    @Test
    void inputsSaturateToInt8AndHiddenToPositive127() {
        DenseStage s = new DenseStage(model());
        DenseResult r = s.run(new int[]{1000, 0});
        // x = [127, 0]; h0 = min(127, 127 >> 1) = 63; logits = [64, -63]
        assertArrayEquals(new int[]{64, -63}, r.logits());
        DenseResult b = s.run(new int[]{0, 7});
        assertEquals("b", b.label());
        assertEquals(2, s.invocations());
    }

    @Test
    void refusesWrongInputLength() {
        DenseStage s = new DenseStage(model());
        assertThrows(IllegalArgumentException.class, () -> s.run(new int[3]));
    }

    @Test
    void refusesMismatchedLayers() {
        Int8Layer a = new Int8Layer(2, 3, new byte[6], new int[3], 0, true);
        Int8Layer b = new Int8Layer(2, 2, new byte[4], new int[2], 0, false);
        assertThrows(IllegalArgumentException.class, () -> Int8Model.mlp("x", 0, List.of(a, b), List.of("p", "q"), 1));
    }
}
