package dev.vigil.runtime.hal;

/**
 * Service-provider interface: each device module declares its providers in
 * {@code META-INF/services/dev.vigil.runtime.hal.DeviceProvider}; {@link Devices} finds them.
 */
public interface DeviceProvider {

    /** Short id used in configs, e.g. {@code "reference"} or {@code "loihi"}. */
    String id();

    /** Creates a device instance. */
    NeuromorphicDevice create();
}
