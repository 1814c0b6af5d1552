package dev.vigil.runtime.cli.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.runtime.cli.web.WebAssets;
import dev.vigil.runtime.config.HttpConfig;
import dev.vigil.runtime.mqtt.DeliveryStats;
import dev.vigil.runtime.pipeline.LiveLanes;
import dev.vigil.sensors.health.SensorHealth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The read-only live page of a run, on the JDK's HTTP server: {@code /} the page, {@code /events} its
 * server-sent events (windows, detections, status), {@code /status.json} the status alone. Only GET and
 * HEAD are answered. On loopback unless configured otherwise; beyond loopback it refuses to start without
 * a token, and when a token is set every request must carry it as {@code ?token=}. The sensing loop only
 * offers to the {@link LiveFeed}; one hub thread and one thread per page do the rest.
 */
public final class LivePage implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpConfig config;
    private final HttpServer server;
    private final ExecutorService threads;
    private final LiveFeed feed = new LiveFeed();
    private final LiveHub hub;
    private final LiveStatus status;
    private final Thread hubThread;
    private final boolean beyondLoopback;
    private final AtomicInteger streams = new AtomicInteger();
    private final byte[] page;

    private LivePage(HttpConfig config, InetAddress address, String deviceId, long hopUs, LiveLanes lanes,
                     Supplier<DeliveryStats> mqtt) throws IOException {
        this.config = config;
        this.beyondLoopback = !address.isLoopbackAddress();
        this.status = new LiveStatus(deviceId, lanes, mqtt);
        ObjectNode hello = JSON.createObjectNode().put("deviceId", deviceId).put("historyS", config.historyS())
                .put("hopS", hopUs / 1e6);
        int historyWindows = (int) Math.max(1, config.historyS() * 1_000_000L / hopUs);
        this.hub = new LiveHub(feed, historyWindows, status::json, hello);
        status.watch(feed, hub);
        this.page = WebAssets.page(WebAssets.text(LivePage.class, "live.html"), Map.of(
                "title", WebAssets.html("Vigil live: " + deviceId),
                "script", WebAssets.text(LivePage.class, "live.js"))).getBytes(StandardCharsets.UTF_8);
        this.threads = Executors.newFixedThreadPool(config.maxClients() + 4, r -> {
            Thread t = new Thread(r, "vigil-http");
            t.setDaemon(true);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(address, config.port()), 32);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        this.hubThread = new Thread(hub, "vigil-live-hub");
        hubThread.setDaemon(true);
    }

    /**
     * Starts the page as {@code config} says, for the lanes of {@code deviceId} (windows every {@code hopUs})
     * and MQTT as {@code mqtt} reports it (null when MQTT is off).
     *
     * @throws IllegalArgumentException when it would listen beyond loopback without a token
     * @throws IOException              when the address cannot be listened on
     */
    public static LivePage start(HttpConfig config, String deviceId, long hopUs, LiveLanes lanes, Supplier<DeliveryStats> mqtt)
            throws IOException {
        InetAddress address = InetAddress.getByName(config.address());
        if (!address.isLoopbackAddress() && config.token().isEmpty()) {
            throw new IllegalArgumentException("http.address " + config.address()
                    + " listens beyond loopback: set http.token, which every request must then carry as ?token=");
        }
        LivePage p = new LivePage(config, address, deviceId, hopUs, lanes, mqtt);
        p.server.start();
        p.hubThread.start();
        return p;
    }

    /** Where the sensing loop hands windows and detections. */
    public LiveFeed feed() {
        return feed;
    }

    /** Shows the live sensors' health from {@code health}. */
    public void sensors(Supplier<List<SensorHealth>> health) {
        status.sensors(health);
    }

    /** Names the front-end and dense devices of the run. */
    public void devices(String front, String dense) {
        status.devices(front, dense);
    }

    /** The page's address as configured, with the port it got, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        String host = config.address();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort() + "/";
    }

    /** True when it listens beyond loopback (and so requires the token). */
    public boolean beyondLoopback() {
        return beyondLoopback;
    }

    /** Windows and detections the feed dropped because the page's side fell behind. */
    public long feedDropped() {
        return feed.dropped();
    }

    /** Event messages dropped for pages that did not read them. */
    public long clientDropped() {
        return hub.clientDrops();
    }

    /** Pages that streamed. */
    public long served() {
        return hub.served();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                text(ex, 405, "read-only: only GET and HEAD");
                return;
            }
            if (!config.token().isEmpty() && !tokenMatches(ex.getRequestURI().getRawQuery())) {
                text(ex, 401, "this page needs ?token=<http.token>");
                return;
            }
            switch (ex.getRequestURI().getPath()) {
                case "/", "/index.html" -> {
                    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    ex.getResponseHeaders().set("Content-Security-Policy",
                            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:");
                    body(ex, 200, page);
                }
                case "/status.json" -> {
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    body(ex, 200, status.json().toString().getBytes(StandardCharsets.UTF_8));
                }
                case "/events" -> events(ex);
                default -> text(ex, 404, "not found");
            }
        }
    }

    private void events(HttpExchange ex) throws IOException {
        if (streams.incrementAndGet() > config.maxClients()) {
            streams.decrementAndGet();
            text(ex, 503, "too many pages open (http.max-clients = " + config.maxClients() + ")");
            return;
        }
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, 0);
            SseClient client = new SseClient();
            hub.join(client);
            client.pump(ex.getResponseBody());
        } finally {
            streams.decrementAndGet();
        }
    }

    private boolean tokenMatches(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("token")) {
                byte[] given = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                return MessageDigest.isEqual(given, config.token().getBytes(StandardCharsets.UTF_8));
            }
        }
        return false;
    }

    private static void text(HttpExchange ex, int code, String message) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        body(ex, code, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void body(HttpExchange ex, int code, byte[] bytes) throws IOException {
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(code, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops listening, closes the pages' streams and the hub. */
    @Override
    public void close() {
        hub.stop();
        server.stop(0);
        hubThread.interrupt();
        threads.shutdownNow();
    }
}
