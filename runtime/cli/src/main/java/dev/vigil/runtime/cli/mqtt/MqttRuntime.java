package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.config.BrokerConfig;
import dev.vigil.runtime.config.OutboxConfig;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.mqtt.ConfigCommands;
import dev.vigil.runtime.mqtt.ConnectFailure;
import dev.vigil.runtime.mqtt.ConnectSettings;
import dev.vigil.runtime.mqtt.Delivery;
import dev.vigil.runtime.mqtt.DeliveryHooks;
import dev.vigil.runtime.mqtt.DeliveryStats;
import dev.vigil.runtime.mqtt.EmbeddedBroker;
import dev.vigil.runtime.mqtt.HomeAssistantDiscovery;
import dev.vigil.runtime.mqtt.InboundMessage;
import dev.vigil.runtime.mqtt.MqttConnector;
import dev.vigil.runtime.mqtt.TlsContexts;
import dev.vigil.runtime.mqtt.Topics;
import dev.vigil.runtime.outbox.Outbox;
import dev.vigil.runtime.outbox.OutboxLockedException;
import dev.vigil.runtime.outbox.UnsafeDirectoryException;
import dev.vigil.runtime.pipeline.LiveLanes;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Everything MQTT for one run, built from the config: the outbox, the connection (TLS, password,
 * protocol), the publisher thread, the retained config, Home Assistant discovery (with events, an
 * {@code event} entity and a {@code binary_sensor} per lane as well), event messages, metrics and
 * {@code config/set} commands over the pipeline's {@link LiveLanes}.
 */
public final class MqttRuntime implements AutoCloseable {
    /**
     * How long a connection made in the background waits at most for {@link #connectNow()}: the run calls it
     * once its first batch is processed, so that Paho's classes, the connection and the broker's side of it
     * do not compete with setting up the sensing for the cores (in one profiled start here: 65 ms of CPU on
     * the publisher thread, 27 on Paho's, 37 on the broker's event loop, while start-up is bound by CPU).
     */
    static final long FIRST_CONNECT_HOLD_MS = 1_000;
    private final Delivery delivery;
    private final MqttSink sink;
    private final MqttEvents events;
    private final Outbox outbox;
    private final Path tempOutbox;
    private final long drainMs;
    private final PipelineLiveSettings settings;

    private MqttRuntime(Delivery delivery, MqttSink sink, MqttEvents events, Outbox outbox, Path tempOutbox, long drainMs,
                        PipelineLiveSettings settings) {
        this.delivery = delivery;
        this.sink = sink;
        this.events = events;
        this.outbox = outbox;
        this.tempOutbox = tempOutbox;
        this.drainMs = drainMs;
        this.settings = settings;
    }

    /**
     * The MQTT version to connect with: {@code broker.protocol}, except that {@code auto} with the
     * embedded broker is the version it speaks (no MQTT 5 attempt that it would refuse).
     */
    static String protocolFor(BrokerConfig b) {
        return b.embedded() && "auto".equals(b.protocol()) ? EmbeddedBroker.PROTOCOL : b.protocol();
    }

    /**
     * Whether the first connection is left to the publisher thread instead of made before the pipeline
     * starts: for the embedded broker spoken to in its version, which has no settings to refuse (any other
     * broker is tried first, so that wrong settings stop the start with a clear message). Paho takes about
     * 0.3 s to connect even over loopback (it sleeps 100 ms in each of three threads it starts,
     * eclipse-paho/paho.mqtt.java#945); meanwhile detections wait in the outbox.
     */
    public static boolean connectsInBackground(BrokerConfig b) {
        return b.embedded() && EmbeddedBroker.PROTOCOL.equals(protocolFor(b));
    }

    /**
     * Opens the outbox, connects to {@code url} (the embedded broker's, or {@code broker.url}) and starts
     * the publisher.
     *
     * @param onFatal receives an error after which delivery cannot go on (the caller ends the process)
     * @throws ConnectFailure when the broker refuses the settings (wrong password, untrusted certificate,
     *                        a TLS port spoken to in plain text), the settings' files cannot be read or the
     *                        outbox directory cannot be used
     * @throws IOException    when the outbox cannot be opened ({@link
     *                        dev.vigil.runtime.outbox.UnsafeDirectoryException} when its directory is not the
     *                        user's own, {@link dev.vigil.runtime.outbox.OutboxLockedException} when another
     *                        process holds it)
     */
    public static MqttRuntime start(VigilConfig cfg, String url, LiveLanes lanes, Consumer<Throwable> onFatal)
            throws ConnectFailure, IOException {
        BrokerConfig b = cfg.broker();
        Topics topics = new Topics(b.topicRoot(), cfg.deviceId());
        OutboxConfig oc = b.outbox();
        Path tempOutbox = null;
        Path dir;
        if (!oc.dir().isEmpty()) {
            dir = Path.of(oc.dir());
        } else if (b.embedded()) {
            tempOutbox = OutboxLocation.forEmbedded();
            dir = tempOutbox;
        } else {
            dir = OutboxLocation.forBroker(cfg.deviceId(), url, System.getenv());
        }
        Outbox outbox = openOutbox(dir, oc);
        try {
            ConnectSettings cs = new ConnectSettings(url, b.clientIdFor(cfg.deviceId()), b.username(), password(b),
                    b.usesTls() ? TlsContexts.socketFactory(new TlsContexts.PemFiles(b.tls().caFile(), b.tls().certFile(), b.tls().keyFile())) : null, b.tls().verifyHostname(),
                    b.connectTimeoutS(), b.keepAliveS(), protocolFor(b), topics.status(),
                    "offline".getBytes(StandardCharsets.UTF_8), b.topicQos().status(), oc.inflight() + 16,
                    ConfigCommands.MAX_PAYLOAD);
            PipelineLiveSettings live = new PipelineLiveSettings(cfg, lanes);
            ConfigCommands commands = b.commands().enabled()
                    ? new ConfigCommands(live, commandsToken(b), topics, b.topicQos().replies()) : null;
            HomeAssistantDiscovery ha = new HomeAssistantDiscovery(b.homeAssistant().prefix(), topics, version());
            long now = System.currentTimeMillis();
            MetricsJson metrics = new MetricsJson(lanes, now);
            DeliveryHooks hooks = new DeliveryHooks() {
                @Override
                public List<LiveMessage> onConnect() {
                    List<LiveMessage> m = new ArrayList<>();
                    m.add(new LiveMessage(topics.config(), ConfigTree.redacted(live.config()).toString()
                            .getBytes(StandardCharsets.UTF_8), b.topicQos().config(), true));
                    if (b.homeAssistant().enabled()) {
                        for (String sensor : enabledSensors(cfg)) {
                            m.add(new LiveMessage(ha.topic(sensor), ha.payload(sensor), b.topicQos().config(), true));
                            if (cfg.events().enabled()) {
                                m.add(new LiveMessage(ha.eventTopic(sensor), ha.eventPayload(sensor), b.topicQos().config(), true));
                                m.add(new LiveMessage(ha.binarySensorTopic(sensor),
                                        ha.binarySensorPayload(sensor, cfg.events().haOffDelayS()), b.topicQos().config(), true));
                            } else {
                                m.add(new LiveMessage(ha.eventTopic(sensor), new byte[0], b.topicQos().config(), true));
                                m.add(new LiveMessage(ha.binarySensorTopic(sensor), new byte[0], b.topicQos().config(), true));
                            }
                        }
                    }
                    return m;
                }

                @Override
                public byte[] metrics(DeliveryStats stats) {
                    return metrics.payload(stats, System.currentTimeMillis());
                }

                @Override
                public List<Reply> command(InboundMessage message) {
                    if (commands == null) {
                        return List.of();
                    }
                    Reply r = commands.handle(message);
                    if (!commands.lastApplied()) {
                        return List.of(r);
                    }
                    return List.of(r, new Reply(topics.config(), ConfigTree.redacted(live.config()).toString()
                            .getBytes(StandardCharsets.UTF_8), b.topicQos().config(), true, null));
                }

                @Override
                public List<String> subscriptions() {
                    return commands != null ? List.of(topics.configSet()) : List.of();
                }
            };
            Delivery.Settings ds = new Delivery.Settings(topics.status(), b.topicQos().status(), topics.metrics(),
                    b.topicQos().metrics(), b.metricsIntervalS() * 1000L, oc.maxAgeS() * 1000L,
                    oc.inflight(), b.reconnect().initialMs(), b.reconnect().maxMs());
            Delivery delivery = new Delivery(ds, outbox, new MqttConnector(cs), hooks, System::currentTimeMillis,
                    RandomGenerator.getDefault(), onFatal);
            if (connectsInBackground(b)) {
                delivery.start(FIRST_CONNECT_HOLD_MS);
            } else {
                delivery.connectFirst();
                delivery.start();
            }
            MqttSink sink = new MqttSink(delivery, topics, b.qos(), System::currentTimeMillis);
            MqttEvents events = new MqttEvents(delivery, topics, b.qos(), System::currentTimeMillis);
            return new MqttRuntime(delivery, sink, events, outbox, tempOutbox, oc.drainOnCloseS() * 1000L, live);
        } catch (ConnectFailure | RuntimeException e) {
            outbox.close();
            deleteIfEmpty(tempOutbox);
            throw e;
        }
    }

    private static Outbox openOutbox(Path dir, OutboxConfig oc) throws ConnectFailure, IOException {
        try {
            return Outbox.open(dir, oc.maxBytes(), oc.segmentBytes(), "batch".equals(oc.fsync()));
        } catch (UnsafeDirectoryException | OutboxLockedException e) {
            throw e;
        } catch (IOException e) {
            String why = e instanceof FileAlreadyExistsException ? "not a directory"
                    : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, "broker.outbox.dir = " + dir + " cannot be used: " + why, e);
        }
    }

    private static List<String> enabledSensors(VigilConfig c) {
        return Arrays.stream(Sensor.values()).filter(c.sensors()::enabled).map(Sensor::label).toList();
    }

    private static char[] password(BrokerConfig b) throws ConnectFailure {
        return b.passwordFile().isEmpty() ? b.password().toCharArray()
                : SecretFiles.read("broker.password-file", b.passwordFile(), System.getenv()).toCharArray();
    }

    private static String commandsToken(BrokerConfig b) throws ConnectFailure {
        String file = b.commands().tokenFile();
        return file.isEmpty() ? b.commands().token() : SecretFiles.read("broker.commands.token-file", file, System.getenv());
    }

    private static String version() {
        String v = MqttRuntime.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Connects now if the first connection is still held (see {@link #FIRST_CONNECT_HOLD_MS}). */
    public void connectNow() {
        delivery.connectNow();
    }

    /** The sink that hands detections to the publisher. */
    public MqttSink sink() {
        return sink;
    }

    /** What stores event start and end messages for the publisher. */
    public MqttEvents events() {
        return events;
    }

    /** The publisher. */
    public Delivery delivery() {
        return delivery;
    }

    /** The live settings that {@code config/set} changes. */
    public PipelineLiveSettings liveSettings() {
        return settings;
    }

    /** Where detections wait. */
    public Path outboxDir() {
        return outbox.dir();
    }

    /** Waits up to {@code broker.outbox.drain-on-close-s} for delivery, then disconnects. */
    @Override
    public void close() {
        delivery.close(drainMs);
        deleteIfEmpty(tempOutbox);
    }

    private static void deleteIfEmpty(Path tempDir) {
        if (tempDir == null) {
            return;
        }
        try (var files = Files.list(tempDir)) {
            List<Path> left = files.toList();
            if (left.stream().noneMatch(p -> p.getFileName().toString().startsWith("seg-"))) {
                for (Path p : left) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(tempDir);
            }
        } catch (IOException e) {
            Logger.debug("could not remove {}: {}", tempDir, e.getMessage());
        }
    }
}
