/**
 * The emulated NorthPole-class dense accelerator for the dense stage: int8 layers (fully connected,
 * convolution, depthwise convolution, pooling) with weights held on chip, lowered to gathered
 * matrix-vector products and maxima, bit-equal to the golden CPU engine.
 */
package dev.vigil.drivers.accel.northpole;
