package dev.vigil.runtime.cli;

import dev.vigil.runtime.cli.mqtt.MqttRuntime;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.learn.LaneBundle;
import dev.vigil.runtime.learn.ModelBundle;
import dev.vigil.runtime.mqtt.ConnectFailure;
import dev.vigil.runtime.mqtt.DeliveryStats;
import dev.vigil.runtime.mqtt.EmbeddedBroker;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.pipeline.LaneOverride;
import dev.vigil.runtime.pipeline.LiveLanes;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.runtime.provider.Providers;
import dev.vigil.runtime.sink.FanOutSink;
import dev.vigil.runtime.sink.JsonLinesSink;
import dev.vigil.runtime.sink.SinkProvider;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.replay.ReplayClock;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything around the pipeline that replay and live runs share: the sinks (JSON lines, MQTT through
 * the outbox), the embedded broker when asked for, live settings, and the closing report.
 */
final class Deployment implements AutoCloseable {
    private final VigilConfig config;
    private final PrintWriter err;
    private final LiveLanes lanes = new LiveLanes();
    private final List<DetectionSink> sinks = new ArrayList<>();
    private final List<DetectionSink> extra = new ArrayList<>();
    private ModelBundle bundle;
    private EmbeddedBroker embedded;
    private MqttRuntime mqtt;

    private Deployment(VigilConfig config, PrintWriter err) {
        this.config = config;
        this.err = err;
    }

    /**
     * Opens the sinks {@code config} asks for; progress and problems go to {@code err}. A live run also
     * opens the sinks other modules provide ({@link SinkProvider}, e.g. the board's GPIO wake line).
     */
    static Deployment open(VigilConfig config, PrintWriter out, PrintWriter err, boolean live) throws UserError, IOException {
        Deployment d = new Deployment(config, err);
        try {
            if (config.sinks().stdout()) {
                d.sinks.add(new JsonLinesSink(out));
            }
            if (config.sinks().mqtt()) {
                d.startMqtt();
            }
            if (live) {
                for (SinkProvider p : Providers.load(SinkProvider.class)) {
                    Optional<DetectionSink> sink = p.open(config);
                    sink.ifPresent(d.sinks::add);
                    d.extra.addAll(sink.stream().toList());
                }
            }
        } catch (ConnectFailure e) {
            d.close();
            throw new UserError(e.getMessage());
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    private void startMqtt() throws IOException, ConnectFailure {
        String url = config.broker().url();
        if (config.broker().embedded()) {
            embedded = EmbeddedBroker.start();
            url = embedded.url();
            err.println("vigil: embedded MQTT broker listening on " + url);
        }
        mqtt = MqttRuntime.start(config, url, lanes);
        DeliveryStats ds = mqtt.delivery().stats();
        if (!ds.connected() && mqtt.delivery().lastFailure() != null) {
            err.println(ConsoleLines.warning(mqtt.delivery().lastFailure().getMessage()
                    + "; detections wait in the outbox and are sent once it answers"));
        }
        err.println("vigil: publishing detections to " + url + " under " + config.broker().topicRoot() + "/"
                + config.deviceId() + "/detections/<sensor> (QoS " + config.broker().qos()
                + (ds.connected() ? ", MQTT " + ds.protocol() : ", broker not reachable yet") + "; outbox "
                + mqtt.outboxDir() + (ds.outbox().depth() > 0 ? ", " + Figures.count(ds.outbox().depth()) + " waiting" : "") + ")");
        sinks.add(mqtt.sink());
    }

    /** Uses the wake thresholds and dense heads of a trained {@code bundle} (null: the built-in ones). */
    Deployment withModel(ModelBundle trained) {
        this.bundle = trained;
        if (trained != null) {
            err.println("vigil: using the trained model bundle (seed " + trained.seed() + ", lanes "
                    + String.join(", ", trained.lanes().stream().map(LaneBundle::sensor).toList()) + ")");
        }
        return this;
    }

    /** Runs {@code source} through the pipeline on {@code device}, paced by {@code clock}. */
    RunSummary run(NeuromorphicDevice device, SensorSource source, ReplayClock clock)
            throws UserError, IOException, InterruptedException {
        err.flush();
        try (DetectionSink sink = new FanOutSink(sinks)) {
            Pipeline pipeline = new Pipeline(config, device, sink, lanes);
            if (bundle != null) {
                for (LaneBundle l : bundle.lanes()) {
                    pipeline.override(l.sensor(), new LaneOverride(l.wake(), l.head()));
                }
            }
            return pipeline.run(source, clock);
        } catch (DoesNotFitException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Stops MQTT (reporting what was delivered and what waits), the embedded broker and contributed sinks. */
    @Override
    public void close() {
        extra.forEach(DetectionSink::close);
        extra.clear();
        if (mqtt != null) {
            mqtt.close();
            DeliveryStats ds = mqtt.delivery().stats();
            long dropped = ds.handoffDropped() + ds.outbox().droppedFull() + ds.outbox().droppedAge();
            err.println(ConsoleLines.note("MQTT: " + Figures.count(ds.delivered()) + " of "
                    + Figures.count(ds.enqueued(), "detection", "detections") + " delivered"
                    + (ds.outbox().depth() > 0 ? ", " + Figures.count(ds.outbox().depth()) + " wait in the outbox " + mqtt.outboxDir() : "")
                    + (dropped > 0 ? ", dropped: " + Figures.count(ds.handoffDropped()) + " hand-off, "
                    + Figures.count(ds.outbox().droppedFull()) + " outbox full, " + Figures.count(ds.outbox().droppedAge())
                    + " too old" : "")));
            mqtt = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
        err.flush();
    }
}
