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

    /**
     * Rank for {@link Devices#AUTO}: among general-purpose devices (rank 0 or more: they run every
     * network the golden device runs, bit-exactly), the highest rank is chosen. -1, the default, for
     * devices with resource limits, which are only used when named.
     */
    default int autoRank() {
        return -1;
    }
}
