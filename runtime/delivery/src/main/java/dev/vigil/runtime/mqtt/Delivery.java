package dev.vigil.runtime.mqtt;

import dev.vigil.runtime.outbox.Outbox;
import dev.vigil.runtime.outbox.OutboxRecord;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Detection delivery. The sensing loop {@linkplain #store stores} each detection in the outbox itself
 * (forced to disk per the fsync policy) before it goes on, so a detection reported as emitted is on
 * disk whatever the network does; storing never touches the network. One publisher thread owns the
 * MQTT connection: it sends stored messages in outbox order, at most {@code inflight} unacknowledged
 * at a time, and an acknowledgement advances the outbox. When the connection drops, unacknowledged
 * messages are sent again after reconnecting (at-least-once; consumers de-duplicate by detection id),
 * with exponential backoff and full jitter between attempts; a connection attempt to a hung broker
 * blocks only this thread. An error that escapes the publisher or Paho's threads goes to the fatal
 * callback: a Vigil that can no longer deliver must not live on as if it could.
 */
public final class Delivery implements AutoCloseable {

    /**
     * How the publisher behaves.
     *
     * @param statusTopic      retained status topic
     * @param statusQos        its QoS
     * @param metricsTopic     metrics topic
     * @param metricsQos       its QoS
     * @param metricsIntervalMs between metrics messages; 0 = none
     * @param maxAgeMs         detections older than this are dropped instead of sent; 0 = no limit
     * @param inflight         unacknowledged detection messages at most
     * @param backoffInitialMs first backoff ceiling
     * @param backoffMaxMs     largest backoff ceiling
     */
    public record Settings(String statusTopic, int statusQos, String metricsTopic, int metricsQos,
                           long metricsIntervalMs, long maxAgeMs, int inflight,
                           long backoffInitialMs, long backoffMaxMs) {
    }

    private sealed interface Event permits Stored, Acked, Failed, Lost, Arrived, Stop, ConnectNow {
    }

    /** Something new is in the outbox. */
    private enum Stored implements Event {
        NEW
    }

    private record Acked(long generation, long seq) implements Event {
    }

    private record Failed(long generation, long seq, Throwable cause) implements Event {
    }

    private record Lost(long generation, Throwable cause) implements Event {
    }

    private record Arrived(InboundMessage message) implements Event {
    }

    private record Stop(long drainMs) implements Event {
    }

    /** The first connection, held by {@link #start(long)}, is to be made now. */
    private enum ConnectNow implements Event {
        NOW
    }

    /** Commands that may wait for the publisher thread; more are dropped (a flood must not fill the heap). */
    static final int MAX_PENDING_COMMANDS = 16;
    private static final byte[] ONLINE = "online".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.UTF_8);

    private final Settings settings;
    private final Outbox outbox;
    private final Connector connector;
    private final DeliveryHooks hooks;
    private final LongSupplier clock;
    private final Consumer<Throwable> onFatal;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong unstored = new AtomicLong();
    private final AtomicInteger pendingCommands = new AtomicInteger();
    private final Backoff backoff;
    private final Thread thread;
    private final InFlightWindow inFlight;
    private volatile DeliveryStats stats;
    private final Object drained = new Object();
    private MqttTransport transport;
    private long generation;
    private long nextAttemptMs;
    private boolean firstConnectHeld;
    private long nextMetricsMs;
    private OutboxRecord held;
    private long delivered;
    private long diskErrors;
    private long sent;
    private long connects;
    private String protocol = "";
    private long stopDeadline = -1;
    private volatile ConnectFailure lastFailure;

    /**
     * A publisher over {@code outbox} and {@code connector}; call {@link #start()}. {@code onFatal}
     * receives what escapes the publisher thread or is thrown as an {@link Error} on Paho's threads (the
     * composition root ends the process; delivery itself never does).
     */
    public Delivery(Settings settings, Outbox outbox, Connector connector, DeliveryHooks hooks,
                    LongSupplier wallClockMs, RandomGenerator random, Consumer<Throwable> onFatal) {
        this.settings = settings;
        this.outbox = outbox;
        this.connector = connector;
        this.hooks = hooks;
        this.clock = wallClockMs;
        this.onFatal = onFatal;
        this.inFlight = new InFlightWindow(settings.inflight());
        this.backoff = new Backoff(settings.backoffInitialMs(), settings.backoffMaxMs(), random);
        this.thread = new Thread(this::run, "vigil-mqtt");
        this.thread.setDaemon(true);
        publishStats();
    }

    /**
     * Tries the first connection on the caller's thread, so that wrong settings (credentials, TLS,
     * protocol) fail at start with a clear message; an unreachable broker is only logged, and detections
     * wait in the outbox while the thread keeps trying.
     *
     * @throws ConnectFailure when the broker refused the settings
     */
    public void connectFirst() throws ConnectFailure {
        try {
            connected(connector.connect(transportEvents(generation + 1)));
        } catch (ConnectFailure f) {
            lastFailure = f;
            if (!f.retryable()) {
                throw f;
            }
            Logger.warn("{}; detections wait in the outbox {} and are sent once it answers", f.getMessage(), outbox.dir());
            nextAttemptMs = clock.getAsLong() + backoff.nextDelayMs();
        }
        publishStats();
    }

    /** Starts the publisher thread. */
    public void start() {
        start(0);
    }

    /**
     * Starts the publisher thread with its first connection held for up to {@code holdMs}, or until
     * {@link #connectNow()} or {@link #close(long)}: a run that connects in the background leaves the
     * cores to setting up its sensing first (detections wait in the outbox meanwhile, as in an outage).
     */
    public void start(long holdMs) {
        if (holdMs > 0 && transport == null) {
            firstConnectHeld = true;
            nextAttemptMs = Math.max(nextAttemptMs, clock.getAsLong() + holdMs);
        }
        thread.start();
    }

    /** Ends the hold on the first connection, if {@link #start(long)} set one: the publisher connects now. */
    public void connectNow() {
        events.add(ConnectNow.NOW);
    }

    /**
     * Stores a detection in the outbox on the caller's thread (forced to disk before this returns with
     * {@code fsync: batch}) and wakes the publisher; never waits for the network. Returns false, counting
     * a drop, when it could not be written (disk full, I/O error, too large).
     */
    public boolean store(String topic, byte[] payload, int qos) {
        try {
            outbox.append(topic, payload, qos, clock.getAsLong());
        } catch (IOException | IllegalArgumentException e) {
            unstored.incrementAndGet();
            Logger.error("A detection for {} could not be stored in the outbox {} and is dropped: {}", topic, outbox.dir(),
                    e.getMessage());
            return false;
        }
        stored.incrementAndGet();
        events.add(Stored.NEW);
        return true;
    }

    /** The publisher's figures, as of its last loop. */
    public DeliveryStats stats() {
        return stats;
    }

    /** The last connection failure, if any. */
    public ConnectFailure lastFailure() {
        return lastFailure;
    }

    /** Waits until every stored detection has been delivered or dropped; true if so within {@code timeoutMs}. */
    public boolean awaitDrained(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (drained) {
            while (!isDrained()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                drained.wait(Math.min(left, 50));
            }
        }
        return true;
    }

    private boolean isDrained() {
        return outbox.depth() == 0;
    }

    /**
     * Waits up to {@code drainMs} for the outbox to drain, then publishes {@code offline}, disconnects
     * and closes the outbox; what is left stays on disk for the next start.
     */
    public void close(long drainMs) {
        if (thread.isAlive()) {
            events.add(new Stop(drainMs));
            try {
                thread.join(drainMs + 15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            shutdown();
        }
    }

    @Override
    public void close() {
        close(0);
    }

    private TransportEvents transportEvents(long gen) {
        return new TransportEvents() {
            @Override
            public void lost(Throwable cause) {
                post(new Lost(gen, cause));
            }

            @Override
            public void arrived(InboundMessage message) {
                if (pendingCommands.incrementAndGet() > MAX_PENDING_COMMANDS) {
                    pendingCommands.decrementAndGet();
                    Logger.warn("Dropped a message on {}: {} commands already wait", message.topic(), MAX_PENDING_COMMANDS);
                    return;
                }
                post(new Arrived(message));
            }

            @Override
            public void fatal(Error error) {
                Delivery.this.fatal(error);
            }
        };
    }

    /** Queues an event from one of Paho's threads, which would swallow an {@link Error}. */
    private void post(Event e) {
        try {
            events.add(e);
        } catch (Error error) {
            fatal(error);
        }
    }

    private void fatal(Throwable error) {
        try {
            Logger.error(error, "MQTT delivery cannot go on");
        } finally {
            onFatal.accept(error);
        }
    }

    private void run() {
        List<Event> batch = new ArrayList<>();
        try {
            while (true) {
                Event first = events.poll(waitMs(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    events.drainTo(batch, 4096);
                }
                for (Event e : batch) {
                    try {
                        handle(e);
                    } catch (IOException ex) {
                        diskError(ex);
                    }
                }
                batch.clear();
                long now = clock.getAsLong();
                try {
                    if (transport == null && now >= nextAttemptMs && !(stopDeadline >= 0 && now >= stopDeadline)) {
                        tryConnect();
                    }
                    if (transport != null) {
                        send(now);
                    }
                } catch (IOException e) {
                    diskError(e);
                }
                if (transport != null) {
                    if (settings.metricsIntervalMs() > 0 && now >= nextMetricsMs) {
                        nextMetricsMs = now + settings.metricsIntervalMs();
                        live(settings.metricsTopic(), hooks.metrics(stats), settings.metricsQos(), false);
                    }
                }
                publishStats();
                if (stopDeadline >= 0 && (isDrained() || now >= stopDeadline)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fatal(e);
        } finally {
            shutdown();
        }
    }

    /**
     * The outbox could not be read or written (disk full, I/O error): counted and logged, the connection
     * (if any) restarted from the last acknowledged message, and the loop slowed down; it keeps trying.
     */
    private void diskError(IOException e) throws InterruptedException {
        diskErrors++;
        if (diskErrors == 1 || diskErrors % 100 == 0) {
            Logger.error("the outbox {} failed ({} in a row): {}; retrying", outbox.dir(), diskErrors == 1 ? "once" : diskErrors + " times", e.getMessage());
        }
        try {
            if (transport != null) {
                dropConnection("the outbox failed");
            } else {
                outbox.rewind();
            }
        } catch (IOException again) {
            Logger.debug("rewinding the outbox: {}", again.getMessage());
        }
        Thread.sleep(200);
    }

    private long waitMs() {
        long now = clock.getAsLong();
        long wait = 200;
        if (transport == null) {
            wait = Math.max(1, Math.min(wait, nextAttemptMs - now));
        } else if (settings.metricsIntervalMs() > 0) {
            wait = Math.max(1, Math.min(wait, nextMetricsMs - now));
        }
        if (stopDeadline >= 0) {
            wait = Math.min(wait, 20);
        }
        return wait;
    }

    private void handle(Event e) throws IOException {
        switch (e) {
            case Stored ignored -> {
                // sent below, with everything else the outbox holds
            }
            case Acked a -> {
                if (a.generation() == generation && inFlight.acknowledge(a.seq())) {
                    delivered++;
                    advance();
                }
            }
            case Failed f -> {
                if (f.generation() == generation && transport != null) {
                    dropConnection("a publish failed: " + Failures.describe(f.cause()));
                }
            }
            case Lost l -> {
                if (l.generation() == generation && transport != null) {
                    dropConnection("lost the connection: " + (l.cause() == null ? "unknown cause" : Failures.describe(l.cause())));
                }
            }
            case Arrived a -> {
                pendingCommands.decrementAndGet();
                for (DeliveryHooks.Reply r : hooks.command(a.message())) {
                    if (transport == null) {
                        break;
                    }
                    try {
                        transport.reply(r.topic(), r.payload(), r.qos(), r.retained(), r.correlationData());
                    } catch (TransportException ex) {
                        Logger.warn("Could not reply on {}: {}", r.topic(), ex.getMessage());
                    }
                }
            }
            case Stop s -> {
                stopDeadline = clock.getAsLong() + s.drainMs();
                releaseFirstConnect();
            }
            case ConnectNow ignored -> releaseFirstConnect();
        }
    }

    private void advance() throws IOException {
        long upTo = inFlight.advance();
        if (upTo >= 0) {
            outbox.acknowledge(upTo);
        }
    }

    private void send(long now) throws IOException {
        while (transport != null && inFlight.hasRoom(transport.receiveMaximum())) {
            OutboxRecord r = held != null ? held : outbox.next();
            held = null;
            if (r == null) {
                return;
            }
            if (settings.maxAgeMs() > 0 && now - r.wallMs() > settings.maxAgeMs()) {
                outbox.countExpired();
                inFlight.settled(r.seq());
                advance();
                continue;
            }
            long gen = generation;
            long seq = r.seq();
            try {
                inFlight.sent(seq);
                transport.publish(r.topic(), r.payload(), r.qos(), false, new PublishListener() {
                    @Override
                    public void acknowledged() {
                        post(new Acked(gen, seq));
                    }

                    @Override
                    public void failed(Throwable cause) {
                        post(new Failed(gen, seq, cause));
                    }
                });
                sent++;
            } catch (TransportBusyException busy) {
                inFlight.withdraw(seq);
                held = r;
                return;
            } catch (TransportException ex) {
                inFlight.withdraw(seq);
                dropConnection(ex.getMessage());
                return;
            }
        }
    }

    private void live(String topic, byte[] payload, int qos, boolean retained) {
        try {
            transport.publish(topic, payload, qos, retained, new PublishListener() {
                @Override
                public void acknowledged() {
                }

                @Override
                public void failed(Throwable cause) {
                    Logger.debug("live message to {} failed: {}", topic, cause.getMessage());
                }
            });
        } catch (TransportException e) {
            Logger.debug("live message to {} not sent: {}", topic, e.getMessage());
        }
    }

    private void releaseFirstConnect() {
        if (firstConnectHeld) {
            firstConnectHeld = false;
            nextAttemptMs = Math.min(nextAttemptMs, clock.getAsLong());
        }
    }

    private void tryConnect() {
        firstConnectHeld = false;
        try {
            connected(connector.connect(transportEvents(generation + 1)));
        } catch (ConnectFailure f) {
            lastFailure = f;
            long delay = backoff.nextDelayMs();
            nextAttemptMs = clock.getAsLong() + delay;
            if (backoff.failures() == 1 || backoff.failures() % 10 == 0) {
                Logger.warn("{}; {} in the outbox; next attempt in {} ms", f.getMessage(), messages(outbox.depth()), delay);
            }
        }
    }

    private void connected(MqttTransport t) {
        generation++;
        transport = t;
        protocol = t.protocol();
        connects++;
        backoff.reset();
        lastFailure = null;
        Logger.info("connected to the MQTT broker (MQTT {}; {} waiting in the outbox)", protocol, messages(outbox.depth()));
        live(settings.statusTopic(), ONLINE, settings.statusQos(), true);
        for (DeliveryHooks.LiveMessage m : hooks.onConnect()) {
            live(m.topic(), m.payload(), m.qos(), m.retained());
        }
        for (String filter : hooks.subscriptions()) {
            try {
                t.subscribe(filter, 1);
            } catch (TransportException e) {
                Logger.warn("Could not subscribe to {}: {}", filter, e.getMessage());
            }
        }
        nextMetricsMs = clock.getAsLong();
    }

    private void dropConnection(String why) throws IOException {
        Logger.warn("MQTT: {}; {} not yet acknowledged will be sent again after reconnecting", why, messages(inFlight.size()));
        transport.close();
        transport = null;
        inFlight.clear();
        held = null;
        outbox.rewind();
        nextAttemptMs = clock.getAsLong() + backoff.nextDelayMs();
    }

    private void publishStats() {
        stats = new DeliveryStats(transport != null, protocol, stored.get(), delivered, sent, connects, unstored.get(),
                outbox.stats(), inFlight.size());
        synchronized (drained) {
            drained.notifyAll();
        }
    }

    private void shutdown() {
        if (transport != null) {
            transport.disconnect(settings.statusTopic(), OFFLINE, settings.statusQos());
            transport = null;
        }
        publishStats();
        try {
            long left = outbox.depth();
            outbox.close();
            if (left > 0) {
                Logger.warn("{} not yet delivered {} in the outbox {} for the next start", messages(left), left == 1 ? "stays" : "stay", outbox.dir());
            }
        } catch (IOException e) {
            Logger.error("Closing the outbox: {}", e.getMessage());
        }
    }

    /** {@code n} messages, in words: "1 message", "3 messages". */
    private static String messages(long n) {
        return n == 1 ? "1 message" : n + " messages";
    }

}
