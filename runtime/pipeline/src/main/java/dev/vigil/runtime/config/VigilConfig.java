package dev.vigil.runtime.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A whole deployment: who this device is, the model bundles its lanes run ({@code model} for every
 * lane, {@code lanes.<sensor>.model} for one; the built-in front end otherwise), its sensors' encoders
 * and wake policies, the built-in spiking network and the device front ends run on, the window, the
 * dense stage, the sinks, the broker, and the live sources {@code vigil run} and {@code vigil record}
 * read, the board with its GPIO outputs, the live page served over HTTP, and event start/end messages.
 */
public record VigilConfig(String deviceId, String model, LanesConfig lanes, SensorsConfig sensors, NetworkConfig network,
                          DeviceConfig device, WindowConfig window, DenseConfig dense, SinksConfig sinks, BrokerConfig broker,
                          List<SourceConfig> sources, BoardConfig board, HttpConfig http,
                          EventsConfig events) {
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public VigilConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (model == null) {
            throw new BadValueException("model", null, "expected a file name, or \"\" for none");
        }
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
        return new VigilConfig(deviceId, model, lanes, sensors, network, device, window, dense, sinks, newBroker, sources, board, http, events);
    }

    /** A copy with another device. */
    public VigilConfig withDevice(String deviceIdOfHal) {
        return new VigilConfig(deviceId, model, lanes, sensors, network, new DeviceConfig(deviceIdOfHal), window, dense, sinks, broker, sources, board, http, events);
    }

    /** A copy with another dense-stage section. */
    public VigilConfig withDense(DenseConfig newDense) {
        return new VigilConfig(deviceId, model, lanes, sensors, network, device, window, newDense, sinks, broker, sources, board, http, events);
    }

    /** A copy in which {@code sensor}'s lane wakes by {@code wake}. */
    public VigilConfig withWake(Sensor sensor, WakeConfig wake) {
        SensorsConfig s = sensors.withWake(sensor, wake);
        return new VigilConfig(deviceId, model, lanes, s, network, device, window, dense, sinks, broker, sources, board, http, events);
    }

    /** A copy with MQTT publishing switched on or off. */
    public VigilConfig withMqtt(boolean on) {
        return new VigilConfig(deviceId, model, lanes, sensors, network, device, window, dense, new SinksConfig(sinks.stdout(), on), broker, sources, board, http, events);
    }

    /** A copy with another events section. */
    public VigilConfig withEvents(EventsConfig newEvents) {
        return new VigilConfig(deviceId, model, lanes, sensors, network, device, window, dense, sinks, broker, sources, board, http, newEvents);
    }

    /** A copy with another live-page section. */
    public VigilConfig withHttp(HttpConfig newHttp) {
        return new VigilConfig(deviceId, model, lanes, sensors, network, device, window, dense, sinks, broker, sources, board, newHttp, events);
    }
}
