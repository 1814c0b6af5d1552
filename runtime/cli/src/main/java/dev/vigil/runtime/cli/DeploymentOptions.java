package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.HttpConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by the commands that run the pipeline: the config and what the command line overrides. */
final class DeploymentOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "deployment config (YAML); defaults otherwise")
    Path config;

    @Option(names = "--broker", paramLabel = "URL", description = "MQTT broker, tcp://host:port, ssl://host:port or 'embedded' (overrides broker.url)")
    String broker;

    @Option(names = "--no-mqtt", description = "do not publish over MQTT")
    boolean noMqtt;

    @Option(names = "--model", paramLabel = "FILE", description = "model bundle from 'vigil compile' or 'vigil train': its lanes run"
            + " for their sensors (default: the config's model and lanes.<sensor>.model, else the built-in front end)")
    Path model;

    @Option(names = "--device", paramLabel = "ID", description = "HAL device for the front end (overrides device.id; see 'vigil devices')")
    String device;

    @Option(names = "--http", paramLabel = "[ADDR:]PORT",
            description = "serve the read-only live page on PORT (0: any free port), on loopback unless ADDR (or http.address) says otherwise")
    String http;

    /** The config file (or defaults) with the command line's overrides applied. */
    VigilConfig resolve() throws UserError {
        VigilConfig cfg = Inputs.config(config);
        if (broker != null) {
            try {
                cfg = cfg.withBroker(cfg.broker().withUrl(broker));
            } catch (IllegalArgumentException e) {
                throw new UserError("--broker " + broker + " is refused: " + e.getMessage());
            }
        }
        if (device != null) {
            cfg = cfg.withDevice(device);
        }
        if (noMqtt) {
            cfg = cfg.withMqtt(false);
        }
        if (http != null) {
            cfg = cfg.withHttp(httpOption(cfg.http(), http));
        }
        return cfg;
    }

    /** {@code current} switched on at {@code [ADDR:]PORT} ({@code [v6]:PORT} for IPv6). */
    static HttpConfig httpOption(HttpConfig current, String value) throws UserError {
        String address = null;
        String port = value;
        int colon = value.lastIndexOf(':');
        if (value.startsWith("[") && value.contains("]:")) {
            address = value.substring(1, value.indexOf("]:"));
            port = value.substring(value.indexOf("]:") + 2);
        } else if (colon >= 0 && value.indexOf(':') == colon) {
            address = value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        try {
            if (address != null && address.isBlank()) {
                throw new NumberFormatException();
            }
            return current.servingOn(address, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new UserError("--http " + value + " is refused: expected [ADDR:]PORT, e.g. 8080, 127.0.0.1:8080 or [::1]:8080");
        } catch (IllegalArgumentException e) {
            throw new UserError("--http " + value + " is refused: " + e.getMessage());
        }
    }

    /** The bundles the lanes run: {@code --model}, then the config's (see {@link ModelChoice}). */
    ModelChoice models(VigilConfig cfg) throws UserError {
        return ModelChoice.resolve(cfg, config, model);
    }

    /** The HAL device {@code cfg} names, found among {@link Devices#providers()}. */
    static NeuromorphicDevice device(VigilConfig cfg) throws UserError {
        return device(cfg.device().id());
    }

    /** The HAL device with provider id {@code id}, or a one-line error listing the available ones. */
    static NeuromorphicDevice device(String id) throws UserError {
        return Devices.find(id).orElseThrow(() -> new UserError(Devices.providers().missing(id))).create();
    }
}
