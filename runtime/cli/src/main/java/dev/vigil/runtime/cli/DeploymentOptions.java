package dev.vigil.runtime.cli;

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
        return cfg;
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
