package dev.vigil.runtime.dense;

/**
 * The window a convolution or pooling slides over a feature map: {@code height × width} taps, moved
 * by {@code strideY}/{@code strideX}, over an input zero-padded by {@code padY} rows above and below
 * and {@code padX} columns left and right (PyTorch's {@code padding=(padY, padX)}). Padded taps are
 * not multiplied: a window at the border reads only its in-bounds taps.
 */
public record Kernel(int height, int width, int strideY, int strideX, int padY, int padX) {

    public Kernel {
        if (height <= 0 || width <= 0 || strideY <= 0 || strideX <= 0) {
            throw new IllegalArgumentException("kernel " + height + "x" + width + " stride " + strideY + "x" + strideX
                    + " must be positive");
        }
        if (padY < 0 || padX < 0 || padY >= height || padX >= width) {
            throw new IllegalArgumentException("padding " + padY + "x" + padX + " must be 0 .. kernel size - 1 for a "
                    + height + "x" + width + " kernel");
        }
    }

    /** An unpadded stride-1 window. */
    public static Kernel valid(int height, int width) {
        return new Kernel(height, width, 1, 1, 0, 0);
    }

    /** A {@code height × width} window with the same stride and padding on both axes. */
    public static Kernel of(int height, int width, int stride, int pad) {
        return new Kernel(height, width, stride, stride, pad, pad);
    }

    /** Output rows over {@code inHeight} input rows (at most 0 when the window does not fit). */
    public int outHeight(int inHeight) {
        return outSize(inHeight, height, strideY, padY);
    }

    /** Output columns over {@code inWidth} input columns. */
    public int outWidth(int inWidth) {
        return outSize(inWidth, width, strideX, padX);
    }

    private static int outSize(int in, int k, int stride, int pad) {
        int span = in + 2 * pad - k;
        return span < 0 ? 0 : span / stride + 1;
    }

    /** Input row under the top tap of output row {@code oy} (negative in the padding). */
    public int top(int oy) {
        return oy * strideY - padY;
    }

    /** Input column under the left tap of output column {@code ox}. */
    public int left(int ox) {
        return ox * strideX - padX;
    }

    /** First in-bounds tap of a window starting at input index {@code start}. */
    static int firstTap(int start) {
        return Math.max(0, -start);
    }

    /** One past the last in-bounds tap of a {@code k}-tap window starting at {@code start} over {@code in}. */
    static int endTap(int start, int k, int in) {
        return Math.min(k, in - start);
    }

    /**
     * Adds {@code weight} times the input under tap ({@code dy}, {@code dx}) of every window to the
     * {@code oh × ow} output plane at {@code out[base..]}, reading the {@code h × w} input plane at
     * {@code x[plane..]}; windows whose tap falls in the padding get nothing.
     */
    void accumulate(int weight, int[] x, int plane, int h, int w, int dy, int dx, int[] out, int base, int oh, int ow) {
        int oy0 = Math.max(0, Math.ceilDiv(padY - dy, strideY));
        int oy1 = Math.min(oh - 1, Math.floorDiv(h - 1 - dy + padY, strideY));
        int ox0 = Math.max(0, Math.ceilDiv(padX - dx, strideX));
        int ox1 = Math.min(ow - 1, Math.floorDiv(w - 1 - dx + padX, strideX));
        for (int oy = oy0; oy <= oy1; oy++) {
            int row = plane + (oy * strideY - padY + dy) * w - padX + dx;
            int o = base + oy * ow;
            if (strideX == 1) {
                for (int ox = ox0; ox <= ox1; ox++) {
                    out[o + ox] += weight * x[row + ox];
                }
            } else {
                for (int ox = ox0; ox <= ox1; ox++) {
                    out[o + ox] += weight * x[row + ox * strideX];
                }
            }
        }
    }

    /** In-bounds taps of every window over an {@code inHeight × inWidth} plane, summed: the exact MACs per channel pair. */
    public long taps(int inHeight, int inWidth) {
        long rows = 0;
        for (int oy = 0, oh = outHeight(inHeight); oy < oh; oy++) {
            rows += endTap(top(oy), height, inHeight) - firstTap(top(oy));
        }
        long cols = 0;
        for (int ox = 0, ow = outWidth(inWidth); ox < ow; ox++) {
            cols += endTap(left(ox), width, inWidth) - firstTap(left(ox));
        }
        return rows * cols;
    }

    /** True for a stride-1 window without padding. */
    public boolean isValid() {
        return strideY == 1 && strideX == 1 && padY == 0 && padX == 0;
    }

    @Override
    public String toString() {
        return height + "x" + width + (strideY == 1 && strideX == 1 ? "" : " /" + strideY + "x" + strideX)
                + (padY == 0 && padX == 0 ? "" : " pad " + padY + "x" + padX);
    }
}
