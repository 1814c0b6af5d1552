package dev.vigil.sensors.features;

/**
 * Mel-frequency cepstral coefficients from log-mel frames: the orthonormal DCT-II of each frame's
 * bands, keeping the first {@code coefficients}, into {@code coefficients × frames} (coefficient-major,
 * like {@link LogMel}'s layout). The cosine table is computed once.
 */
public final class Mfcc {
    private final int bands;
    private final int frames;
    private final int coefficients;
    private final double[] dct;

    /** Coefficients from {@code bands × frames} log-mel frames. */
    public Mfcc(int bands, int frames, int coefficients) {
        if (bands < 1 || frames < 1 || coefficients < 1 || coefficients > bands) {
            throw new IllegalArgumentException("MFCC needs 1 .. " + bands + " coefficients of " + bands + " bands and "
                    + "at least one frame, got " + coefficients + " of " + bands + " x " + frames);
        }
        this.bands = bands;
        this.frames = frames;
        this.coefficients = coefficients;
        dct = new double[coefficients * bands];
        for (int c = 0; c < coefficients; c++) {
            double scale = Math.sqrt((c == 0 ? 1.0 : 2.0) / bands);
            for (int b = 0; b < bands; b++) {
                dct[c * bands + b] = scale * Math.cos(Math.PI * c * (b + 0.5) / bands);
            }
        }
    }

    /** Values one span gives: {@code coefficients × frames}. */
    public int size() {
        return coefficients * frames;
    }

    /** The coefficients of {@code logMel} ({@code bands × frames}) into {@code out}. */
    public void compute(float[] logMel, float[] out) {
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < coefficients; c++) {
                double s = 0;
                for (int b = 0; b < bands; b++) {
                    s += dct[c * bands + b] * logMel[b * frames + f];
                }
                out[c * frames + f] = (float) s;
            }
        }
    }
}
