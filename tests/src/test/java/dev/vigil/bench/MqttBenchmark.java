package dev.vigil.bench;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.mqtt.Delivery;
import dev.vigil.runtime.cli.mqtt.MqttRuntime;
import dev.vigil.runtime.outbox.Outbox;
import dev.vigil.runtime.pipeline.LiveLanes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * MQTT delivery rates: detections per second sustained to a local Mosquitto at QoS 1 through the whole
 * path (outbox append and fsync on the caller's thread, publish, PUBACK, outbox acknowledgement), and
 * the outbox's own append rate with and without forcing each record to disk: the cost the sensing loop
 * pays per detection. Needs {@code /usr/sbin/mosquitto}. Run: {@code tests/bench -f 1 -wi 2 -i 5 MqttBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class MqttBenchmark {
    private static final int BATCH = 1000;
    /** A detection payload of the usual size (about 380 bytes). */
    private static final byte[] PAYLOAD = ("{\"schema\":1,\"id\":\"6b36aeb8-4f19-3613-ac03-f20ac80cf51a\",\"device\":\"vigil-demo\","
            + "\"sensor\":\"dvs\",\"stream\":0,\"label\":\"motion\",\"score\":0.5744,\"device_time_us\":1550000,"
            + "\"window_start_us\":1500000,\"wake_reason\":\"threshold-hysteresis: 82 >= 60\",\"counts\":[17,3,2,6,38,5,6,5],"
            + "\"wall_time\":\"2026-11-23T10:00:00.000Z\",\"energy_j\":7.13E-6}").getBytes(StandardCharsets.UTF_8);

    /** A Mosquitto process and Vigil's MQTT runtime connected to it. */
    @State(Scope.Benchmark)
    public static class Broker {
        @Param({"batch", "never"})
        public String fsync;
        Path dir;
        Process mosquitto;
        MqttRuntime mqtt;

        @Setup(Level.Trial)
        public void start() throws Exception {
            dir = Files.createTempDirectory("vigil-bench-mqtt");
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "user " + System.getProperty("user.name") + "\nlistener " + port
                    + " 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n");
            mosquitto = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
            waitForPort(port);
            VigilConfig cfg = ConfigLoader.parse("broker:\n  metrics-interval-s: 0\n  home-assistant: {enabled: false}\n"
                    + "  outbox: {dir: \"" + dir.resolve("outbox") + "\", fsync: " + fsync + "}\n", "bench");
            mqtt = MqttRuntime.start(cfg, "tcp://127.0.0.1:" + port, new LiveLanes(), e -> {
                throw new IllegalStateException("delivery failed", e);
            });
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            mqtt.close();
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
            deleteTree(dir);
        }
    }

    /** An outbox in a temporary directory. */
    @State(Scope.Benchmark)
    public static class Store {
        @Param({"batch", "never"})
        public String fsync;
        Path dir;
        Outbox outbox;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("vigil-bench-outbox");
            outbox = Outbox.open(dir, 64L << 20, 4 << 20, "batch".equals(fsync));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            outbox.close();
            deleteTree(dir);
        }
    }

    /** 1000 detections stored, then waited for until the broker has acknowledged every one. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long detectionsToMosquittoAtQos1(Broker b) throws InterruptedException {
        Delivery d = b.mqtt.delivery();
        for (int i = 0; i < BATCH; i++) {
            if (!d.store("vigil/bench/detections/dvs", PAYLOAD, 1)) {
                throw new IllegalStateException("not stored: " + d.stats());
            }
        }
        if (!d.awaitDrained(60_000)) {
            throw new IllegalStateException("not drained: " + d.stats());
        }
        return d.stats().delivered();
    }

    /**
     * 100 appends, each forced to disk with {@code batch} (what storing one detection costs the sensing
     * loop), then all acknowledged.
     */
    @Benchmark
    @OperationsPerInvocation(100)
    public long outboxAppend(Store s) throws IOException {
        long last = 0;
        for (int i = 0; i < 100; i++) {
            last = s.outbox.append("vigil/bench/detections/dvs", PAYLOAD, 1, 0);
        }
        s.outbox.acknowledge(last);
        return last;
    }

    private static void waitForPort(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("mosquitto did not start on port " + port);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
