package dev.vigil.runtime.dense;

import dev.vigil.runtime.network.FeatureShape;

/** An int8 op over a feature map (convolution, depthwise convolution, pooling): it knows its shapes. */
public sealed interface SpatialOp extends Int8Op permits Int8Conv2d, Int8DepthwiseConv2d, Int8Pool2d {

    /** The feature map read. */
    FeatureShape input();

    /** The feature map written. */
    FeatureShape output();

    /** The window slid over the input. */
    Kernel kernel();

    @Override
    default int inputs() {
        return input().size();
    }

    @Override
    default int outputs() {
        return output().size();
    }
}
