package dev.vigil.runtime.dense;

/** How an {@link Int8Pool2d} reduces its window. */
public enum Pooling {
    /** The largest tap. */
    MAX,
    /** The mean of the taps, in the fixed-point form of {@link Int8Pool2d#meanMultiplier()}. */
    AVERAGE
}
