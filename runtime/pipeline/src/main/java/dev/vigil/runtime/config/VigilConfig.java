package dev.vigil.runtime.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A whole deployment: who this device is, its sensors' encoders and wake policies, the spiking
 * network and the device it runs on, the window, the dense stage, the sinks, the broker, and the live
 * sources {@code vigil run} and {@code vigil record} read, the board with its GPIO outputs, and the live
 * page served over HTTP.
 */
public record VigilConfig(String deviceId, SensorsConfig sensors, NetworkConfig network, DeviceConfig device,
                          WindowConfig window, DenseConfig dense, SinksConfig sinks, BrokerConfig broker,
                          List<SourceConfig> sources, BoardConfig board, HttpConfig http) {
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public VigilConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new BadValueException("device-id", deviceId, "use 1-64 letters, digits, '-' or '_' (it is an MQTT topic level)");
        }
        if (window.hopMs() * 1000L % network.timestepUs() != 0) {
            throw new BadValueException("window.hop-ms", window.hopMs(),
                    "must be a whole number of timesteps (network.timestep-us = " + network.timestepUs() + ")");
        }
    }

    /** A copy with another broker section. */
    public VigilConfig withBroker(BrokerConfig newBroker) {
        return new VigilConfig(deviceId, sensors, network, device, window, dense, sinks, newBroker, sources, board, http);
    }

    /** A copy with another device. */
    public VigilConfig withDevice(String deviceIdOfHal) {
        return new VigilConfig(deviceId, sensors, network, new DeviceConfig(deviceIdOfHal), window, dense, sinks, broker, sources, board, http);
    }

    /** A copy with another dense-stage section. */
    public VigilConfig withDense(DenseConfig newDense) {
        return new VigilConfig(deviceId, sensors, network, device, window, newDense, sinks, broker, sources, board, http);
    }

    /** A copy with MQTT publishing switched on or off. */
    public VigilConfig withMqtt(boolean on) {
        return new VigilConfig(deviceId, sensors, network, device, window, dense, new SinksConfig(sinks.stdout(), on), broker, sources, board, http);
    }

    /** A copy with another live-page section. */
    public VigilConfig withHttp(HttpConfig newHttp) {
        return new VigilConfig(deviceId, sensors, network, device, window, dense, sinks, broker, sources, board, newHttp);
    }
}
