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
 * the process id instead ({@value #NETTY_PROCESS_ID}, unless already set). Netty's pooled allocator
 * would keep 4 MB chunks on the heap for a broker that carries a few small messages a minute (8 MB of a
 * 20 MB heap measured on {@code vigil run}), so it allocates unpooled ({@value #NETTY_ALLOCATOR}, unless
 * already set). Moquette 0.16 speaks MQTT 3.1.1 only ({@link #PROTOCOL}), so clients need not try 5.
 */
public final class EmbeddedBroker implements AutoCloseable {
    /** Netty's system property for the process id in its channel ids. */
    static final String NETTY_PROCESS_ID = "io.netty.processId";
    /** Netty's system property for its default buffer allocator. */
    static final String NETTY_ALLOCATOR = "io.netty.allocator.type";
    /** The MQTT version the embedded broker speaks. */
    public static final String PROTOCOL = "3.1.1";
    private final Server server;
    private final int port;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a broker on a free port of 127.0.0.1. */
    public static EmbeddedBroker start() throws IOException {
        System.getProperties().putIfAbsent(NETTY_PROCESS_ID, Long.toString(ProcessHandle.current().pid()));
        System.getProperties().putIfAbsent(NETTY_ALLOCATOR, "unpooled");
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
