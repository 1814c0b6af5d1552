package dev.vigil.sensors.features;

/**
 * Features of one span of a sampled stream, as a dense head reads them: {@link #spanSamples()} samples
 * in, {@link #size()} values out, laid out as a {@code channels × height × width} feature map
 * (channel-major). Computing allocates nothing; an instance is not thread-safe.
 */
public interface SpanFeatures {

    /** Samples one span covers. */
    int spanSamples();

    /** Feature-map channels. */
    int channels();

    /** Feature-map rows. */
    int height();

    /** Feature-map columns. */
    int width();

    /** Values one span gives: {@code channels × height × width}. */
    default int size() {
        return channels() * height() * width();
    }

    /** The features of {@code span[0 .. spanSamples())}, oldest sample first, into {@code out}. */
    void compute(float[] span, float[] out);

    /** The features of the span ending before sample {@code end} of {@code ring}. */
    void compute(SampleRing ring, long end, float[] out);
}
