/** The Xylo-class emulated device: a sub-milliwatt integer LIF chip for always-on audio front ends. */
package dev.vigil.drivers.accel.xylo;
