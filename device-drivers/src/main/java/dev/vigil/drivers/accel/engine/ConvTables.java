package dev.vigil.drivers.accel.engine;

import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.FeatureShape;

/**
 * Synapse table of a convolution over channel-interleaved neurons. The weights are stored once,
 * as {@code [ci][ky][j][co in group]} with {@code j = kernelWidth - 1 - kx}, so that the taps of one
 * kernel row, read for output columns left to right, are consecutive. With stride 1 and one group, an
 * event's kernel row is a single run over {@code nx * C} neurons; otherwise one run per tap.
 */
final class ConvTables {

    private ConvTables() {
    }

    static SynapseTable build(ConvLayer c, int[] toInternal) {
        FeatureShape in = c.input();
        FeatureShape out = c.output();
        int kh = c.kernelHeight();
        int kw = c.kernelWidth();
        int cinG = c.inChannelsPerGroup();
        int coutG = c.outChannels() / c.groups();
        int[] table = new int[in.channels() * kh * kw * coutG];
        for (int ci = 0; ci < in.channels(); ci++) {
            int g = ci / cinG;
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    for (int k = 0; k < coutG; k++) {
                        table[((ci * kh + ky) * kw + (kw - 1 - kx)) * coutG + k] =
                                c.weight(g * coutG + k, ci - g * cinG, ky, kx);
                    }
                }
            }
        }
        SynapseTableBuilder b = new SynapseTableBuilder(in.size());
        b.shareWeights(table);
        boolean merged = c.strideX() == 1 && c.groups() == 1;
        for (int s = 0; s < in.size(); s++) {
            int ci = s / (in.height() * in.width());
            int iy = s / in.width() % in.height();
            int ix = s % in.width();
            int g = ci / cinG;
            for (int ky = 0; ky < kh; ky++) {
                int ny = iy + c.padY() - ky;
                if (ny < 0 || ny % c.strideY() != 0 || ny / c.strideY() >= out.height()) {
                    continue;
                }
                int oy = ny / c.strideY();
                if (merged) {
                    int oxFirst = Math.max(0, ix + c.padX() - (kw - 1));
                    int oxLast = Math.min(out.width() - 1, ix + c.padX());
                    if (oxFirst > oxLast) {
                        continue;
                    }
                    int j = kw - 1 - (ix + c.padX() - oxFirst);
                    b.sharedRun(toInternal[out.index(0, oy, oxFirst)], (oxLast - oxFirst + 1) * coutG,
                            ((ci * kh + ky) * kw + j) * coutG);
                } else {
                    for (int kx = kw - 1; kx >= 0; kx--) {
                        int nx = ix + c.padX() - kx;
                        if (nx < 0 || nx % c.strideX() != 0 || nx / c.strideX() >= out.width()) {
                            continue;
                        }
                        b.sharedRun(toInternal[out.index(g * coutG, oy, nx / c.strideX())], coutG,
                                ((ci * kh + ky) * kw + (kw - 1 - kx)) * coutG);
                    }
                }
            }
            b.endSource(s);
        }
        return b.build();
    }
}
