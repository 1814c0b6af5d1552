package dev.vigil.runtime.mqtt;

import dev.vigil.runtime.outbox.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery against a scripted broker: refused attempts, connections that drop with messages in flight,
 * a broker that never answers, a detection that cannot be stored, the age limit, and errors that must
 * not leave a publisher dead in a live process. No network.
 */
class DeliveryTest {

    /** A broker that takes a script: which connection attempts fail, and after how many publishes each connection drops. */
    private static final class ScriptedBroker implements Connector {
        final List<String> published = new ArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        final int failFirst;
        final int dropAfter;
        final int window;

        ScriptedBroker(int failFirst, int dropAfter, int window) {
            this.failFirst = failFirst;
            this.dropAfter = dropAfter;
            this.window = window;
        }

        @Override
        public MqttTransport connect(TransportEvents events) throws ConnectFailure {
            if (attempts.incrementAndGet() <= failFirst) {
                throw new ConnectFailure(ConnectFailure.Kind.UNREACHABLE, "scripted refusal", null);
            }
            return new MqttTransport() {
                int sent;
                boolean dead;
                final List<PublishListener> unacked = new ArrayList<>();

                @Override
                public String protocol() {
                    return "5";
                }

                @Override
                public int receiveMaximum() {
                    return window + 4;
                }

                @Override
                public synchronized void publish(String topic, byte[] payload, int qos, boolean retained,
                                                 PublishListener listener) throws TransportException {
                    if (dead) {
                        throw new TransportException("closed", null);
                    }
                    if (!topic.contains("/detections/")) {
                        return;
                    }
                    synchronized (published) {
                        published.add(new String(payload, StandardCharsets.UTF_8));
                    }
                    sent++;
                    unacked.add(listener);
                    if (sent % 3 == 0) {
                        ackAllReversed();
                    } else {
                        Thread.ofVirtual().start(this::ackSoon);
                    }
                    if (dropAfter > 0 && sent == dropAfter) {
                        dead = true;
                        events.lost(new java.io.EOFException("scripted drop with " + unacked.size() + " unacknowledged"));
                    }
                }

                /** Acknowledges what is pending in reverse order, as a broker may. */
                private synchronized void ackAllReversed() {
                    for (int i = unacked.size() - 1; i >= 0; i--) {
                        unacked.get(i).acknowledged();
                    }
                    unacked.clear();
                }

                private void ackSoon() {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (this) {
                        if (!dead) {
                            ackAllReversed();
                        }
                    }
                }

                @Override
                public void reply(String topic, byte[] payload, int qos, boolean retained, byte[] correlationData) {
                }

                @Override
                public void subscribe(String filter, int qos) {
                }

                @Override
                public void disconnect(String statusTopic, byte[] statusPayload, int qos) {
                    close();
                }

                @Override
                public synchronized void close() {
                    dead = true;
                    for (PublishListener l : unacked) {
                        l.acknowledged();
                    }
                    unacked.clear();
                }
            };
        }

        List<String> distinct() {
            synchronized (published) {
                return List.copyOf(new LinkedHashSet<>(published));
            }
        }
    }

    private static final DeliveryHooks NO_HOOKS = new DeliveryHooks() {
        @Override
        public List<LiveMessage> onConnect() {
            return List.of();
        }

        @Override
        public byte[] metrics(DeliveryStats stats) {
            return new byte[0];
        }

        @Override
        public List<Reply> command(InboundMessage message) {
            return List.of();
        }

        @Override
        public List<String> subscriptions() {
            return List.of();
        }
    };

    private static Delivery.Settings settings(int inflight, long maxAgeMs) {
        return new Delivery.Settings("v/d/status", 1, "v/d/metrics", 0, 0, maxAgeMs, inflight, 1, 5);
    }

    private static final Consumer<Throwable> NOT_FATAL = e -> {
        throw new AssertionError("unexpected fatal error", e);
    };

    @Test
    void dropsAndRefusalsLoseNothingAndKeepTheOrder(@TempDir Path dir) throws Exception {
        for (int round = 0; round < 4; round++) {
            Outbox outbox = Outbox.open(dir, 1 << 20, 4096, false);
            ScriptedBroker b = round == 0 ? new ScriptedBroker(3, 0, 8) : new ScriptedBroker(round, 17 + round * 5, 8);
            Delivery d = new Delivery(settings(8, 0), outbox, b, NO_HOOKS, System::currentTimeMillis,
                    new SplittableRandom(round), NOT_FATAL);
            d.start();
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String p = "{\"round\":" + round + ",\"n\":" + i + "}";
                assertTrue(d.store("v/d/detections/audio", p.getBytes(StandardCharsets.UTF_8), 1));
                mine.add(p);
            }
            assertTrue(d.awaitDrained(10_000), "drained: " + d.stats());
            if (round == 0) {
                assertEquals(4, b.attempts.get(), "three refusals, then a connection");
            } else {
                assertTrue(b.attempts.get() >= round + 2, "refused, connected, dropped, reconnected: " + b.attempts.get());
                assertTrue(b.published.size() > 100, "messages in flight at the drop were sent again");
            }
            assertEquals(mine, b.distinct(), "after de-duplication: all, in order");
            d.close(5_000);
        }
    }

    @Test
    void aDetectionIsInTheOutboxWhenStoreReturnsWhileTheBrokerHangs(@TempDir Path dir) throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        Connector hung = events -> {
            attempts.incrementAndGet();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ConnectFailure(ConnectFailure.Kind.UNREACHABLE, "no answer", null);
        };
        try (Outbox outbox = Outbox.open(dir, 1 << 20, 4096, true)) {
            Delivery d = new Delivery(settings(8, 0), outbox, hung, NO_HOOKS, System::currentTimeMillis,
                    new SplittableRandom(1), NOT_FATAL);
            d.start();
            long deadline = System.currentTimeMillis() + 5_000;
            while (attempts.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, attempts.get(), "the publisher is stuck connecting");
            for (int i = 0; i < 50; i++) {
                assertTrue(d.store("v/d/detections/dvs", new byte[]{'x'}, 1));
                assertEquals(i + 1, outbox.depth(), "stored before store() returned, not queued behind the connection");
            }
            answer.countDown();
            d.close(0);
        }
        try (Outbox reopened = Outbox.open(dir, 1 << 20, 4096, true)) {
            assertEquals(50, reopened.depth(), "and on disk");
        }
    }

    @Test
    void aHeldFirstConnectionWaitsForConnectNowOrTheHoldAndCloseEndsIt(@TempDir Path dir) throws Exception {
        for (String ending : List.of("connectNow", "hold", "close")) {
            Path sub = dir.resolve(ending);
            ScriptedBroker b = new ScriptedBroker(0, 0, 8);
            Outbox outbox = Outbox.open(sub, 1 << 20, 4096, false);
            Delivery d = new Delivery(settings(8, 0), outbox, b, NO_HOOKS, System::currentTimeMillis,
                    new SplittableRandom(3), NOT_FATAL);
            long holdMs = ending.equals("hold") ? 400 : 60_000;
            long started = System.nanoTime();
            d.start(holdMs);
            for (int i = 0; i < 5; i++) {
                assertTrue(d.store("v/d/detections/audio", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8), 1));
            }
            Thread.sleep(150);
            assertEquals(0, b.attempts.get(), ending + ": no connection while held, though detections wait");
            assertEquals(5, outbox.depth(), ending + ": they wait in the outbox");
            switch (ending) {
                case "connectNow" -> d.connectNow();
                case "close" -> d.close(5_000);
                default -> {
                }
            }
            if (!ending.equals("close")) {
                assertTrue(d.awaitDrained(10_000), ending + ": drained: " + d.stats());
                d.close(5_000);
            }
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(1, b.attempts.get(), ending + ": one connection");
            assertEquals(5, b.distinct().size(), ending + ": all five sent: " + b.distinct());
            if (ending.equals("hold")) {
                assertTrue(tookMs >= holdMs, "connected when the hold ran out, not before: " + tookMs + " ms");
            } else {
                assertTrue(tookMs < 30_000, ending + " ended the hold at once: " + tookMs + " ms");
            }
        }
    }

    @Test
    void aDetectionThatCannotBeStoredIsDroppedAndCounted(@TempDir Path dir) throws Exception {
        try (Outbox outbox = Outbox.open(dir, 1 << 22, 1 << 21, false)) {
            Delivery d = new Delivery(settings(8, 0), outbox, new ScriptedBroker(0, 0, 8), NO_HOOKS,
                    System::currentTimeMillis, new SplittableRandom(1), NOT_FATAL);
            d.start();
            assertFalse(d.store("v/d/detections/dvs", new byte[Outbox.MAX_BODY], 1));
            assertTrue(d.store("v/d/detections/dvs", new byte[]{'y'}, 1));
            assertTrue(d.awaitDrained(5_000));
            long deadline = System.currentTimeMillis() + 5_000;
            while (d.stats().delivered() < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, d.stats().unstored());
            assertEquals(1, d.stats().stored());
            assertEquals(1, d.stats().delivered());
            d.close(1_000);
        }
    }

    @Test
    void anErrorOnThePublisherThreadOrPahosGoesToTheFatalCallback(@TempDir Path dir) throws Exception {
        DeliveryHooks failing = new DeliveryHooks() {
            @Override
            public List<LiveMessage> onConnect() {
                throw new OutOfMemoryError("simulated, on the publisher thread");
            }

            @Override
            public byte[] metrics(DeliveryStats stats) {
                return new byte[0];
            }

            @Override
            public List<Reply> command(InboundMessage message) {
                return List.of();
            }

            @Override
            public List<String> subscriptions() {
                return List.of();
            }
        };
        BlockingQueue<Throwable> fatal = new LinkedBlockingQueue<>();
        try (Outbox outbox = Outbox.open(dir.resolve("a"), 1 << 20, 4096, false)) {
            Delivery d = new Delivery(settings(8, 0), outbox, new ScriptedBroker(0, 0, 8), failing,
                    System::currentTimeMillis, new SplittableRandom(1), fatal::add);
            d.start();
            Throwable e = fatal.poll(5, TimeUnit.SECONDS);
            assertTrue(e instanceof OutOfMemoryError && e.getMessage().contains("publisher thread"), String.valueOf(e));
            d.close(0);
        }
        Connector erring = events -> {
            throw new ConnectFailure(ConnectFailure.Kind.UNREACHABLE, "after reporting " + reportError(events), null);
        };
        try (Outbox outbox = Outbox.open(dir.resolve("b"), 1 << 20, 4096, false)) {
            Delivery d = new Delivery(settings(8, 0), outbox, erring, NO_HOOKS, System::currentTimeMillis,
                    new SplittableRandom(1), fatal::add);
            d.start();
            Throwable e = fatal.poll(5, TimeUnit.SECONDS);
            assertTrue(e instanceof OutOfMemoryError && e.getMessage().contains("Paho"), String.valueOf(e));
            d.close(0);
        }
    }

    private static String reportError(TransportEvents events) {
        events.fatal(new OutOfMemoryError("simulated, on a Paho thread"));
        return "an error";
    }

    @Test
    void messagesOlderThanTheAgeLimitAreDroppedAndCounted(@TempDir Path dir) throws Exception {
        AtomicLong now = new AtomicLong(1_000_000);
        ScriptedBroker broker = new ScriptedBroker(1_000_000, 0, 8);
        try (Outbox outbox = Outbox.open(dir, 1 << 20, 4096, false)) {
            Delivery d = new Delivery(settings(8, 60_000), outbox, broker, NO_HOOKS, now::get, new SplittableRandom(1), NOT_FATAL);
            d.start();
            for (int i = 0; i < 5; i++) {
                d.store("v/d/detections/dvs", new byte[]{'o'}, 1);
            }
            long deadline = System.currentTimeMillis() + 5_000;
            while (d.stats().outbox().depth() < 5 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            d.close(0);
        }
        ScriptedBroker back = new ScriptedBroker(0, 0, 8);
        now.addAndGet(120_000);
        try (Outbox outbox = Outbox.open(dir, 1 << 20, 4096, false)) {
            Delivery d = new Delivery(settings(8, 60_000), outbox, back, NO_HOOKS, now::get, new SplittableRandom(1), NOT_FATAL);
            d.start();
            d.store("v/d/detections/dvs", new byte[]{'n'}, 1);
            assertTrue(d.awaitDrained(5_000));
            assertEquals(List.of("n"), back.distinct(), "only the fresh message is sent");
            assertEquals(5, d.stats().outbox().droppedAge());
            d.close(1_000);
        }
    }
}
