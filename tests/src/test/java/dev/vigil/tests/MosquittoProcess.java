package dev.vigil.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Mosquitto broker, started by the test on a free loopback port with a generated config and
 * killed at the end. `.ci/run` installs Mosquitto; outside CI a missing binary skips the test visibly.
 */
final class MosquittoProcess implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private final Process process;
    private final int port;
    private final Path log;

    private MosquittoProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static MosquittoProcess start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            if (System.getenv("CI") != null) {
                fail("mosquitto is not installed at " + BINARY + "; .ci/run must install it (apt-get install mosquitto)");
            }
            assumeTrue(false, "mosquitto not installed (apt-get install mosquitto); .ci/run installs it");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Path log = dir.resolve("mosquitto.log");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest file " + log,
                "") );
        Process p = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        MosquittoProcess m = new MosquittoProcess(p, port, log);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                fail("mosquitto exited at start: " + Files.readString(dir.resolve("mosquitto.out")));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return m;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        m.close();
        fail("mosquitto did not listen on port " + port + " within 10 s");
        return m;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
