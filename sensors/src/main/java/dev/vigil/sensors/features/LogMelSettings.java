package dev.vigil.sensors.features;

/**
 * How audio becomes log-mel frames: a {@code windowMs} Hann window every {@code hopMs}, zero-padded to
 * the next power of two, its power spectrum summed by {@code bands} triangular filters spaced evenly
 * on the HTK mel scale ({@code 2595 log10(1 + f/700)}) from {@code lowHz} to {@code highHz}, and the
 * natural log of each band's energy plus {@link LogMel#FLOOR}. {@code frames} frames make the span
 * a head reads.
 *
 * @param sampleRate audio rate, Hz
 * @param windowMs   analysis window, ms (25 by default)
 * @param hopMs      hop between frames, ms (10)
 * @param bands      mel bands (40)
 * @param frames     frames per span (98: one second at 16 kHz)
 * @param lowHz      lower edge of the lowest band (20)
 * @param highHz     upper edge of the highest band (at most half the sample rate)
 */
public record LogMelSettings(double sampleRate, double windowMs, double hopMs, int bands, int frames, double lowHz,
                             double highHz) {

    public LogMelSettings {
        if (!(sampleRate > 0) || !(windowMs > 0) || !(hopMs > 0) || bands < 1 || frames < 1) {
            throw new IllegalArgumentException("log-mel settings must be positive: " + sampleRate + " Hz, window "
                    + windowMs + " ms, hop " + hopMs + " ms, " + bands + " bands, " + frames + " frames");
        }
        if (!(lowHz >= 0) || !(highHz > lowHz) || highHz > sampleRate / 2) {
            throw new IllegalArgumentException("log-mel band edges " + lowHz + " .. " + highHz + " Hz must rise and stay below "
                    + sampleRate / 2 + " Hz");
        }
    }

    /** 40 bands of 25 ms every 10 ms over 98 frames (about one second), 20 Hz to half the sample rate. */
    public static LogMelSettings keywordSpotting(double sampleRate) {
        return new LogMelSettings(sampleRate, 25, 10, 40, 98, 20, sampleRate / 2);
    }

    /** Samples per window. */
    public int window() {
        return (int) Math.round(windowMs * sampleRate / 1000);
    }

    /** Samples per hop. */
    public int hop() {
        return (int) Math.round(hopMs * sampleRate / 1000);
    }

    /** FFT size: the window rounded up to a power of two. */
    public int fftSize() {
        return Math.max(4, Integer.highestOneBit(window() - 1) << 1);
    }

    /** Samples one span covers: {@code window + (frames - 1) * hop}. */
    public int spanSamples() {
        return window() + (frames - 1) * hop();
    }

    /** Values one span gives: {@code bands × frames}. */
    public int size() {
        return bands * frames;
    }
}
