package dev.vigil.runtime.dense;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Int8Conv2dTest {

    @Test
    void handComputed2dConvolution() {
        // 1 channel 3x3 input, one 2x2 kernel [[1, 0], [0, -1]] (a diagonal difference), bias 1, no shift
        Int8Conv2d c = new Int8Conv2d(1, 3, 3, 1, 2, 2, new byte[] {1, 0, 0, -1}, new int[] {1}, 0, true);
        int[] x = {9, 1, 2, 3, 4, 5, 6, 7, 8};
        int[] out = new int[4];
        c.forward(x, out);
        // (9-4+1, 1-5+1, 3-7+1, 4-8+1) -> relu -> 6, 0, 0, 0
        assertArrayEquals(new int[] {6, 0, 0, 0}, out);
        assertEquals(16, c.macs());
    }

    @Test
    void oneDimensionalConvolutionOverTimeAsFullWidthKernel() {
        // 4 windows x 2 readouts; kernel spans 2 windows and both readouts: newer minus older window of readout 0
        Int8Conv2d c = new Int8Conv2d(1, 4, 2, 1, 2, 2, new byte[] {-1, 0, 1, 0}, new int[] {0}, 0, false);
        int[] x = {1, 50, 4, 50, 4, 50, 10, 50};
        int[] out = new int[3];
        c.forward(x, out);
        assertArrayEquals(new int[] {3, 0, 6}, out);
    }

    @Test
    void cnnModelOverPreTriggerWindowsLabelsARisingCount() {
        Int8Conv2d conv = new Int8Conv2d(1, 4, 2, 2, 2, 2, new byte[] {-1, 0, 1, 0, 1, 0, -1, 0}, new int[2], 0, true);
        Int8Layer out = new Int8Layer(6, 2, new byte[] {1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1}, new int[2], 0, false);
        Int8Model m = new Int8Model("rise-or-fall", 0, 4, List.of(conv, out), List.of("rising", "falling"), 1);
        DenseStage s = new DenseStage(m);
        // a buffer of 6 windows: the model reads the newest 4
        assertEquals("rising", s.run(new int[] {90, 0, 90, 0, 1, 0, 5, 0, 9, 0, 20, 0}).label());
        assertEquals("falling", s.run(new int[] {0, 0, 0, 0, 20, 0, 9, 0, 5, 0, 1, 0}).label());
        assertThrows(IllegalArgumentException.class, () -> s.run(new int[6]));
    }

    @Test
    void refusesKernelLargerThanInput() {
        assertThrows(IllegalArgumentException.class, () -> new Int8Conv2d(1, 2, 2, 1, 3, 1, new byte[3], new int[1], 0, true));
    }
}
