/**
 * The emulated NorthPole-class dense accelerator for the dense stage: int8 layers with weights held
 * on chip, lowered to gathered matrix-vector products, bit-equal to the golden CPU engine.
 */
package dev.vigil.drivers.accel.northpole;
