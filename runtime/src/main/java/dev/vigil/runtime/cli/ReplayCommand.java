package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.BrokerConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.DeviceProvider;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.runtime.sink.BrokerUnavailableException;
import dev.vigil.runtime.sink.EmbeddedBroker;
import dev.vigil.runtime.sink.FanOutSink;
import dev.vigil.runtime.sink.JsonLinesSink;
import dev.vigil.runtime.sink.MqttSink;
import dev.vigil.runtime.sink.PahoPublisher;
import dev.vigil.runtime.sink.Topics;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.replay.ReplayClock;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigil replay}: runs a recorded log through the same pipeline as live sensors. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays a recorded log through the pipeline: detections as JSON lines on standard output,",
                "published over MQTT (an embedded broker unless --broker is given), a summary on standard error."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG", description = "the recording to replay: .vlog, AEDAT 2/3.1/4, EVT 2/3, DAT, N-MNIST, WAV, CSV or .mat")
    private Path log;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Option(names = "--config", paramLabel = "FILE", description = "deployment config (YAML); defaults otherwise")
    private Path config;

    @Option(names = "--broker", paramLabel = "URL", description = "MQTT broker, tcp://host:port or 'embedded' (overrides broker.url)")
    private String broker;

    @Option(names = "--no-mqtt", description = "do not publish over MQTT")
    private boolean noMqtt;

    @Option(names = "--device", paramLabel = "ID", description = "HAL device for the front end (overrides device.id; see 'vigil devices')")
    private String device;

    @ArgGroup(exclusive = true)
    private Pace pace = new Pace();

    static final class Pace {
        @Option(names = "--speed", paramLabel = "N", description = "replay N times faster than recorded (default 1 = real time)")
        double speed = 1;

        @Option(names = "--max", description = "replay as fast as possible")
        boolean max;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        VigilConfig cfg = Inputs.config(config);
        if (broker != null) {
            try {
                cfg = cfg.withBroker(cfg.broker().withUrl(broker));
            } catch (IllegalArgumentException e) {
                throw new UserError("--broker " + broker + " is refused: use 'embedded' or tcp://host:port");
            }
        }
        if (device != null) {
            cfg = cfg.withDevice(device);
        }
        if (noMqtt) {
            cfg = cfg.withMqtt(false);
        }
        ReplayClock clock;
        try {
            clock = pace.max ? ReplayClock.asFastAsPossible() : ReplayClock.atSpeed(pace.speed);
        } catch (IllegalArgumentException e) {
            throw new UserError("--speed " + pace.speed + " is refused: " + e.getMessage());
        }
        String deviceId = cfg.device().id();
        DeviceProvider provider = Devices.find(deviceId).orElseThrow(() -> new UserError(
                "no HAL device '" + deviceId + "' (available: " + Devices.ids() + ")"));
        NeuromorphicDevice hal = provider.create();

        try (SensorSource source = Inputs.log(log, format.options())) {
            EmbeddedBroker embedded = null;
            List<DetectionSink> sinks = new ArrayList<>();
            PrintWriter out = spec.commandLine().getOut();
            if (cfg.sinks().stdout()) {
                sinks.add(new JsonLinesSink(out));
            }
            PahoPublisher publisher = null;
            try {
                if (cfg.sinks().mqtt()) {
                    String url = cfg.broker().url();
                    if (cfg.broker().embedded()) {
                        embedded = EmbeddedBroker.start();
                        url = embedded.url();
                        err.println("vigil: embedded MQTT broker listening on " + url);
                    }
                    Topics topics = new Topics(cfg.broker().topicRoot(), cfg.deviceId());
                    String clientId = cfg.broker().clientId().isEmpty() ? "vigil-" + cfg.deviceId() : cfg.broker().clientId();
                    publisher = PahoPublisher.connect(url, clientId, topics.status(), cfg.broker().connectTimeoutS());
                    err.println("vigil: publishing detections to " + url + " under "
                            + cfg.broker().topicRoot() + "/" + cfg.deviceId() + "/detections/<sensor> (QoS " + cfg.broker().qos() + ")");
                    sinks.add(new MqttSink(publisher, topics, cfg.broker().qos(), 10_000));
                }
                err.println("vigil: replaying " + log + " on device '" + deviceId + "' "
                        + (clock.unpaced() ? "as fast as possible" : "at " + clock.speed() + "x recorded speed"));
                err.flush();
                RunSummary summary;
                try (DetectionSink sink = new FanOutSink(sinks)) {
                    summary = new Pipeline(cfg, hal, sink).run(source, clock);
                }
                SummaryPrinter.print(summary, log.toString(), err);
            } catch (BrokerUnavailableException e) {
                throw new UserError(e.getMessage());
            } catch (DoesNotFitException e) {
                throw new UserError(e.getMessage());
            } finally {
                if (publisher != null) {
                    publisher.close();
                }
                if (embedded != null) {
                    embedded.close();
                }
            }
        } catch (IOException e) {
            throw new UserError("reading " + log + ": " + e.getMessage());
        }
        return 0;
    }
}
