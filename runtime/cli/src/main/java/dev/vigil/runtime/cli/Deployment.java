package dev.vigil.runtime.cli;

import dev.vigil.runtime.cli.live.LivePage;
import dev.vigil.runtime.cli.mqtt.MqttRuntime;
import dev.vigil.runtime.cli.mqtt.OutboxLocation;
import dev.vigil.runtime.config.ClipsConfig;
import dev.vigil.runtime.config.HttpConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.events.ClipRecorder;
import dev.vigil.runtime.events.ClipStore;
import dev.vigil.runtime.events.EventListener;
import dev.vigil.runtime.events.EventTracker;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.mqtt.ConnectFailure;
import dev.vigil.runtime.mqtt.DeliveryStats;
import dev.vigil.runtime.mqtt.EmbeddedBroker;
import dev.vigil.runtime.outbox.OutboxLockedException;
import dev.vigil.runtime.outbox.UnsafeDirectoryException;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.pipeline.LaneMismatchException;
import dev.vigil.runtime.pipeline.LiveLanes;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.runtime.provider.Providers;
import dev.vigil.runtime.sink.FanOutSink;
import dev.vigil.runtime.sink.JsonLinesSink;
import dev.vigil.runtime.sink.SinkProvider;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.health.SensorHealth;
import dev.vigil.sensors.replay.ReplayClock;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything around the pipeline that replay and live runs share: the sinks (MQTT through the outbox,
 * then JSON lines, so that a printed detection is already stored), the embedded broker when asked for,
 * live settings, the live page when asked for, events and their clips when asked for, and the closing report.
 */
final class Deployment implements AutoCloseable {
    private static final long MIB = 1L << 20;
    /** The most input one clip holds in memory while its event lasts. */
    private static final long CLIP_MEMORY_BYTES = 16 * MIB;
    private final VigilConfig config;
    private final PrintWriter err;
    private final LiveLanes lanes = new LiveLanes();
    private final List<DetectionSink> sinks = new ArrayList<>();
    private final List<DetectionSink> extra = new ArrayList<>();
    private ModelChoice models = ModelChoice.builtIn();
    private EmbeddedBroker embedded;
    private MqttRuntime mqtt;
    private LivePage livePage;
    private boolean eventsOn;
    private ClipStore clipStore;

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
            // MQTT first: a detection is in the outbox before it is printed (reported as emitted)
            if (config.sinks().mqtt()) {
                d.startMqtt();
            }
            if (config.sinks().stdout()) {
                d.sinks.add(new JsonLinesSink(out));
            }
            if (config.events().enabled() && d.mqtt == null) {
                err.println(ConsoleLines.warning("events.enabled: event messages go over MQTT, and sinks.mqtt is false; no events are published"));
            }
            if (config.http().enabled()) {
                d.startLivePage();
            }
            if (live) {
                for (SinkProvider p : Providers.load(SinkProvider.class)) {
                    Optional<DetectionSink> sink = p.open(config);
                    sink.ifPresent(d.sinks::add);
                    d.extra.addAll(sink.stream().toList());
                }
            }
        } catch (ConnectFailure | UnsafeDirectoryException | OutboxLockedException e) {
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
        mqtt = MqttRuntime.start(config, url, lanes, FatalErrors::report);
        DeliveryStats ds = mqtt.delivery().stats();
        if (!ds.connected() && mqtt.delivery().lastFailure() != null) {
            err.println(ConsoleLines.warning(mqtt.delivery().lastFailure().getMessage()
                    + "; detections wait in the outbox and are sent once it answers"));
        }
        err.println("vigil: publishing detections to " + url + " under " + config.broker().topicRoot() + "/"
                + config.deviceId() + "/detections/<sensor> (QoS " + config.broker().qos()
                + (ds.connected() ? ", MQTT " + ds.protocol() : MqttRuntime.connectsInBackground(config.broker())
                        ? ", MQTT " + EmbeddedBroker.PROTOCOL : ", broker not reachable yet") + "; outbox "
                + mqtt.outboxDir() + (ds.outbox().depth() > 0 ? ", " + Figures.count(ds.outbox().depth()) + " waiting" : "") + ")");
        if (config.broker().commands().enabled()) {
            err.println(ConsoleLines.note("accepting config/set commands that carry broker.commands.token on "
                    + config.broker().topicRoot() + "/" + config.deviceId() + "/config/set"));
        }
        sinks.add(mqtt.sink());
        if (config.events().enabled()) {
            eventsOn = true;
            if (config.events().clips().enabled()) {
                clipStore = clipStore(config.events().clips());
            }
            err.println("vigil: publishing event start and end messages under " + config.broker().topicRoot() + "/"
                    + config.deviceId() + "/events/<sensor> (an event ends after "
                    + Figures.count(config.events().endAfterWindows(), "quiet window", "quiet windows")
                    + (clipStore != null ? "; a clip of each in " + clipStore.dir() : "") + ")");
        }
    }

    private static ClipStore clipStore(ClipsConfig c) throws ConnectFailure, IOException {
        Path dir;
        try {
            dir = c.dir().isEmpty() ? OutboxLocation.forClips(System.getenv()) : Files.createDirectories(Path.of(c.dir()),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsafeDirectoryException e) {
            throw e;
        } catch (IOException e) {
            throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, "events.clips.dir = " + c.dir() + " cannot be used: "
                    + e.getMessage() + "; set events.clips.dir to a directory of your own", e);
        }
        return new ClipStore(dir, c.maxMb() * MIB, c.maxAgeDays() * 86_400_000L);
    }

    private void startLivePage() throws UserError {
        HttpConfig h = config.http();
        try {
            livePage = LivePage.start(h, config.deviceId(), config.window().hopMs() * 1000L, lanes,
                    () -> mqtt == null ? null : mqtt.delivery().stats());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("http: cannot listen on " + h.address() + ":" + h.port() + ": " + e.getMessage());
        }
        sinks.add(livePage.feed());
        err.println("vigil: live page on " + livePage.url() + (livePage.beyondLoopback()
                ? " (listening beyond loopback: every request must carry ?token=<http.token>)" : " (loopback only)"));
    }

    /** Shows the live sensors' health from {@code health} on the live page, when there is one. */
    Deployment watchSensors(Supplier<List<SensorHealth>> health) {
        if (livePage != null) {
            livePage.sensors(health);
        }
        return this;
    }

    /** Runs the lanes of {@code chosen} (the built-in front end for sensors it has none of), run on {@code device}. */
    Deployment withModels(ModelChoice chosen, NeuromorphicDevice device) {
        this.models = chosen;
        chosen.describe(device.capabilities().id()).forEach(line -> err.println("vigil: " + line));
        return this;
    }

    /** Runs {@code source} through the pipeline on {@code device}, paced by {@code clock}. */
    RunSummary run(NeuromorphicDevice device, SensorSource source, ReplayClock clock)
            throws UserError, IOException, InterruptedException {
        err.flush();
        if (mqtt != null) {
            source = new AfterFirstBatch(source, mqtt::connectNow);
        }
        List<DetectionSink> all = new ArrayList<>(sinks);
        EventTracker events = null;
        if (eventsOn) {
            EventListener publish = mqtt.events();
            if (clipStore != null) {
                ClipRecorder clips = new ClipRecorder(source.streams(), clipStore, config.events().clips().preMs() * 1000L,
                        Math.min(clipStore.maxBytes(), CLIP_MEMORY_BYTES), publish, System::currentTimeMillis);
                source = clips.tap(source);
                publish = clips;
            }
            // after the MQTT sink: a detection is stored before the event message it starts
            events = new EventTracker(config.events().endAfterWindows(), publish);
            all.add(events);
        }
        try (DetectionSink sink = new FanOutSink(all)) {
            Pipeline pipeline = new Pipeline(config, device, sink, lanes).use(models.bundle());
            if (livePage != null) {
                livePage.devices(device.capabilities().id(), config.dense().device());
                pipeline.observe(livePage.feed());
            }
            if (events != null) {
                pipeline.observe(events);
            }
            return pipeline.run(source, clock);
        } catch (DoesNotFitException | LaneMismatchException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * Stops the live page, MQTT (reporting what was delivered and what waits), the embedded broker and
     * contributed sinks.
     */
    @Override
    public void close() {
        if (livePage != null) {
            livePage.close();
            long dropped = livePage.feedDropped() + livePage.clientDropped();
            err.println("vigil: live page: " + livePage.served() + (livePage.served() == 1 ? " page stream" : " page streams") + " served"
                    + (dropped > 0 ? ", " + dropped + (dropped == 1 ? " update" : " updates") + " dropped for pages that fell behind" : ""));
            livePage = null;
        }
        extra.forEach(DetectionSink::close);
        extra.clear();
        if (mqtt != null) {
            mqtt.close();
            DeliveryStats ds = mqtt.delivery().stats();
            long dropped = ds.unstored() + ds.outbox().droppedFull() + ds.outbox().droppedAge();
            err.println(ConsoleLines.note("MQTT: " + Figures.count(ds.delivered()) + " of "
                    + (eventsOn ? Figures.count(ds.stored() + ds.unstored(), "message", "messages") + " (detections and events)"
                    : Figures.count(ds.stored() + ds.unstored(), "detection", "detections")) + " delivered"
                    + (ds.outbox().depth() > 0 ? ", " + Figures.count(ds.outbox().depth()) + " wait in the outbox " + mqtt.outboxDir() : "")
                    + (dropped > 0 ? ", dropped: " + Figures.count(ds.unstored()) + " not stored, "
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
