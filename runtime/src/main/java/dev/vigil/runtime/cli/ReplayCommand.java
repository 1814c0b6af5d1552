package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.DeviceProvider;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.mqtt.ConnectFailure;
import dev.vigil.runtime.mqtt.DeliveryStats;
import dev.vigil.runtime.mqtt.MqttRuntime;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.pipeline.LiveLanes;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.runtime.sink.EmbeddedBroker;
import dev.vigil.runtime.sink.FanOutSink;
import dev.vigil.runtime.sink.JsonLinesSink;
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

    @Option(names = "--broker", paramLabel = "URL", description = "MQTT broker, tcp://host:port, ssl://host:port or 'embedded' (overrides broker.url)")
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
                throw new UserError("--broker " + broker + " is refused: " + e.getMessage());
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
            MqttRuntime mqtt = null;
            LiveLanes lanes = new LiveLanes();
            try {
                if (cfg.sinks().mqtt()) {
                    String url = cfg.broker().url();
                    if (cfg.broker().embedded()) {
                        embedded = EmbeddedBroker.start();
                        url = embedded.url();
                        err.println("vigil: embedded MQTT broker listening on " + url);
                    }
                    mqtt = MqttRuntime.start(cfg, url, lanes);
                    DeliveryStats ds = mqtt.delivery().stats();
                    if (!ds.connected() && mqtt.delivery().lastFailure() != null) {
                        err.println("vigil: " + mqtt.delivery().lastFailure().getMessage()
                                + "; detections wait in the outbox and are sent once it answers");
                    }
                    err.println("vigil: publishing detections to " + url + " under "
                            + cfg.broker().topicRoot() + "/" + cfg.deviceId() + "/detections/<sensor> (QoS " + cfg.broker().qos()
                            + (ds.connected() ? ", MQTT " + ds.protocol() : ", broker not reachable yet") + "; outbox "
                            + mqtt.outboxDir() + (ds.outbox().depth() > 0 ? ", " + ds.outbox().depth() + " waiting" : "") + ")");
                    sinks.add(mqtt.sink());
                }
                err.println("vigil: replaying " + log + " on device '" + deviceId + "' "
                        + (clock.unpaced() ? "as fast as possible" : "at " + clock.speed() + "x recorded speed"));
                err.flush();
                RunSummary summary;
                try (DetectionSink sink = new FanOutSink(sinks)) {
                    summary = new Pipeline(cfg, hal, sink, lanes).run(source, clock);
                }
                SummaryPrinter.print(summary, log.toString(), err);
                err.flush();
            } catch (ConnectFailure e) {
                throw new UserError(e.getMessage());
            } catch (DoesNotFitException e) {
                throw new UserError(e.getMessage());
            } finally {
                if (mqtt != null) {
                    mqtt.close();
                    DeliveryStats ds = mqtt.delivery().stats();
                    err.println("vigil: MQTT: " + ds.delivered() + " of " + ds.enqueued() + " detection(s) delivered"
                            + (ds.outbox().depth() > 0 ? ", " + ds.outbox().depth() + " wait in the outbox " + mqtt.outboxDir() : "")
                            + (ds.handoffDropped() + ds.outbox().droppedFull() + ds.outbox().droppedAge() > 0
                            ? ", dropped: " + ds.handoffDropped() + " hand-off, " + ds.outbox().droppedFull() + " outbox full, "
                            + ds.outbox().droppedAge() + " too old" : ""));
                    err.flush();
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
