/** The Loihi-class emulated device: CUBA LIF in Loihi's fixed point on 128 mesh-connected cores. */
package dev.vigil.drivers.accel.loihi;
