package dev.vigil.runtime.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

/**
 * An in-process Moquette broker on a free loopback port, in memory, anonymous: the zero-setup default
 * for a demo on a laptop. Not reachable from other hosts, and it keeps to the machine: Moquette's usage
 * telemetry (an HTTPS report to its maker at every start, with an id kept in {@code .moquette_uuid} in
 * the working directory), metrics and error reporting are off, and with its store in memory it writes
 * no file at all. Netty, under Moquette, would look up the machine's own host name to make up a
 * process id for its channel ids (a DNS query where the name is not in {@code /etc/hosts}); it is given
 * the process id instead ({@value #NETTY_PROCESS_ID}, unless already set).
 */
public final class EmbeddedBroker implements AutoCloseable {
    /** Netty's system property for the process id in its channel ids. */
    static final String NETTY_PROCESS_ID = "io.netty.processId";
    private final Server server;
    private final int port;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker on a free port of 127.0.0.1. */
    public static EmbeddedBroker start() throws IOException {
        if (System.getProperty(NETTY_PROCESS_ID) == null) {
            System.setProperty(NETTY_PROCESS_ID, Long.toString(ProcessHandle.current().pid()));
        }
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            Properties p = new Properties();
            p.setProperty("host", "127.0.0.1");
            p.setProperty("port", Integer.toString(port));
            p.setProperty("websocket_port", "disabled");
            p.setProperty("persistent_store", "");
            p.setProperty("allow_anonymous", "true");
            p.setProperty("telemetry_enabled", "false");
            p.setProperty("use_metrics", "false");
            p.setProperty("use_bugsnag", "false");
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
