package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.learn.BundleCodec;
import dev.vigil.runtime.learn.BundleException;
import dev.vigil.runtime.learn.ModelBundle;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** Options shared by the commands that run the pipeline: the config and what the command line overrides. */
final class DeploymentOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "deployment config (YAML); defaults otherwise")
    Path config;

    @Option(names = "--broker", paramLabel = "URL", description = "MQTT broker, tcp://host:port, ssl://host:port or 'embedded' (overrides broker.url)")
    String broker;

    @Option(names = "--no-mqtt", description = "do not publish over MQTT")
    boolean noMqtt;

    @Option(names = "--model", paramLabel = "FILE", description = "model bundle from 'vigil train' (wake thresholds and dense heads; default: built-in heads)")
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

    /** The trained bundle given with {@code --model}, or null for the built-in heads. */
    ModelBundle bundle() throws UserError {
        return bundle(model);
    }

    /** The trained bundle in {@code model}, or null when no file is given; one-line errors otherwise. */
    static ModelBundle bundle(Path model) throws UserError {
        if (model == null) {
            return null;
        }
        if (!Files.isRegularFile(model)) {
            throw new UserError("model bundle not found: " + model);
        }
        try {
            return BundleCodec.read(model);
        } catch (BundleException e) {
            throw new UserError(e.getMessage());
        } catch (java.io.IOException e) {
            throw new UserError("cannot read model bundle " + model + ": " + e.getMessage());
        }
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
