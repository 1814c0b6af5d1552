/**
 * The dense stage: small int8 models that run only when the wake policy fires and label what
 * happened. A model is a sequence of ops ({@link dev.vigil.runtime.dense.Int8Op}): fully connected
 * layers, convolutions (1-D and 2-D, strided and padded), depthwise convolutions and max, average
 * and global average pooling over channel-major feature maps, with 32-bit accumulation and one
 * requantisation scheme (fused ReLU, multiplier and shift, saturation to int8). The golden engine
 * runs on the CPU; accelerators plug in as {@link dev.vigil.runtime.dense.DenseDevice}s and must
 * agree with it bit for bit.
 */
package dev.vigil.runtime.dense;
