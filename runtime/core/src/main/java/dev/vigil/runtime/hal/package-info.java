/**
 * The hardware-abstraction layer: what a neuromorphic device says about itself
 * ({@link dev.vigil.runtime.hal.DeviceCapabilities}), how a network is compiled onto its cores
 * ({@link dev.vigil.runtime.hal.NetworkCompiler}), how a compiled program runs
 * ({@link dev.vigil.runtime.hal.DeviceSession}), what it counts and what that costs in energy.
 * Devices are found through {@link dev.vigil.runtime.hal.DeviceProvider} by {@link dev.vigil.runtime.hal.Devices},
 * with the one provider lookup of {@link dev.vigil.runtime.provider.Providers}; whether emulated devices may
 * use the JDK's Vector API is {@link dev.vigil.runtime.hal.VectorSupport}'s answer.
 */
package dev.vigil.runtime.hal;
