package dev.vigil.runtime.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

/**
 * An in-process Moquette broker on a free loopback port, in memory, anonymous: the zero-setup default
 * for a demo on a laptop. Not reachable from other hosts.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Server server;
    private final int port;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker on a free port of 127.0.0.1. */
    public static EmbeddedBroker start() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            Properties p = new Properties();
            p.setProperty("host", "127.0.0.1");
            p.setProperty("port", Integer.toString(port));
            p.setProperty("websocket_port", "disabled");
            p.setProperty("persistent_store", "");
            p.setProperty("allow_anonymous", "true");
            p.setProperty("netty.mqtt.message_size", Integer.toString(1 << 20));
            Server server = new Server();
            try {
                server.startServer(new MemoryConfig(p));
                return new EmbeddedBroker(server, port);
            } catch (IOException | RuntimeException e) {
                server.stopServer();
                last = e instanceof IOException io ? io : new IOException(e);
            }
        }
        throw new IOException("could not start the embedded MQTT broker: " + last.getMessage(), last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The loopback port the broker listens on. */
    public int port() {
        return port;
    }

    /** The URL clients connect to. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
