package dev.vigil.runtime.network;

/**
 * Shape of a feature map: channels x height x width, flattened channel-major as
 * {@code c * height * width + y * width + x}.
 */
public record FeatureShape(int channels, int height, int width) {

    public FeatureShape {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("feature shape must be positive, got " + channels + "x" + height
                    + "x" + width);
        }
    }

    /** Elements in the map. */
    public int size() {
        return channels * height * width;
    }

    /** Flat index of {@code (c, y, x)}. */
    public int index(int c, int y, int x) {
        return (c * height + y) * width + x;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
