package dev.vigil.tests.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real Mosquitto on loopback with a generated config: a plain anonymous listener, optionally with
 * persistence (so a subscriber's session and queued messages survive a restart) and a TLS listener that
 * wants a user name and password. It can be stopped and started again on the same ports.
 */
final class Mosquitto implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private final Path dir;
    private final int port;
    private final int tlsPort;
    private final Path conf;
    private Process process;

    private Mosquitto(Path dir, int port, int tlsPort, Path conf) {
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
        this.conf = conf;
    }

    /** A plain broker; with {@code persistent}, sessions survive {@link #stop()} and {@link #start()}. */
    static Mosquitto plain(Path dir, boolean persistent) throws IOException, InterruptedException {
        return create(dir, persistent, null, null, null, List.of());
    }

    /**
     * A plain broker bridged to {@code central}, as a site broker in front of a fleet's central one:
     * what is published here under {@code topic} (e.g. {@code vigil/#}) is forwarded there at QoS 1,
     * retained flags kept, through a persistent bridge session.
     */
    static Mosquitto bridgedTo(Path dir, Mosquitto central, String topic) throws IOException, InterruptedException {
        return create(dir, false, null, null, null, List.of(
                "connection central",
                "address 127.0.0.1:" + central.port(),
                "topic " + topic + " out 1",
                "cleansession false",
                "try_private true",
                "restart_timeout 1"));
    }

    /** A broker with a plain anonymous listener and a TLS listener for {@code user}/{@code password}. */
    static Mosquitto withTls(Path dir, TestPki pki, String user, String password) throws IOException, InterruptedException {
        return create(dir, false, pki, user, password, List.of());
    }

    private static Mosquitto create(Path dir, boolean persistent, TestPki pki, String user, String password,
                                    List<String> bridge) throws IOException, InterruptedException {
        Tools.require(BINARY, "mosquitto");
        int port = freePort();
        int tlsPort = pki == null ? -1 : freePort();
        List<String> lines = new ArrayList<>(List.of(
                // Started as root, Mosquitto 2 would switch to user 'mosquitto', who cannot read the test's
                // private temporary directory; as any other user this line does nothing.
                "user " + System.getProperty("user.name"),
                "per_listener_settings true",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type all",
                "persistence " + persistent));
        if (persistent) {
            lines.add("persistence_location " + dir + "/");
            lines.add("autosave_interval 1");
        }
        lines.add("listener " + port + " 127.0.0.1");
        lines.add("allow_anonymous true");
        if (pki != null) {
            Tools.require(PASSWD, "mosquitto_passwd (package mosquitto)");
            Path pw = dir.resolve("passwd");
            Tools.run(dir, PASSWD.toString(), "-b", "-c", pw.toString(), user, password);
            lines.add("listener " + tlsPort + " 127.0.0.1");
            lines.add("cafile " + pki.ca());
            lines.add("certfile " + pki.serverCert());
            lines.add("keyfile " + pki.serverKey());
            lines.add("allow_anonymous false");
            lines.add("password_file " + pw);
        }
        lines.addAll(bridge);
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", lines) + "\n");
        Mosquitto m = new Mosquitto(dir, port, tlsPort, conf);
        m.start();
        return m;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts (again) on the same ports and waits until it listens. */
    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile()))
                .start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                fail("mosquitto exited at start: " + Files.readString(dir.resolve("mosquitto.out")));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        fail("mosquitto did not listen on port " + port + " within 10 s");
    }

    /** Hangs it with SIGSTOP: connections stay open and new ones are accepted by the kernel, but nothing answers. */
    void hang() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a {@linkplain #hang() hung} broker run on (SIGCONT). */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Tools.run(dir, "kill", "-" + name, Long.toString(process.pid()));
    }

    /** Whether it runs now (it may be hung). */
    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops it cleanly (SIGTERM: a persistent broker saves its sessions); a hung broker is let run first. */
    void stop() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            resume();
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** The TLS listener as a URL with the scheme given ({@code ssl} or, wrongly, {@code tcp}). */
    String tlsUrl(String scheme) {
        return scheme + "://127.0.0.1:" + tlsPort;
    }

    Path log() {
        return dir.resolve("mosquitto.log");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}
