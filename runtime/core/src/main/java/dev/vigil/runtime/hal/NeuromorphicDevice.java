package dev.vigil.runtime.hal;

/** A device that runs compiled spiking networks: real silicon behind a driver, or an emulation. */
public interface NeuromorphicDevice {

    /** What the device offers. */
    DeviceCapabilities capabilities();

    /** Loads {@code program} (compiled for this device) and returns a running session. */
    DeviceSession open(CompiledProgram program) throws DoesNotFitException;
}
