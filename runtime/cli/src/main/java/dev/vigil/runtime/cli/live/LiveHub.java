package dev.vigil.runtime.cli.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.wake.WakeDecision;
import org.tinylog.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The live page's one thread between the sensing loop and the pages: every {@value #TICK_MS} ms it drains
 * the {@link LiveFeed}, keeps each lane's recent windows, and sends every open page the new windows and
 * detections, and once a second the status. A page that opens gets the history first.
 */
final class LiveHub implements Runnable {
    static final long TICK_MS = 200;
    private static final int RECENT_DETECTIONS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveFeed feed;
    private final int historyWindows;
    private final Supplier<ObjectNode> status;
    private final Map<String, LaneHistory> lanes = new LinkedHashMap<>();
    private final Deque<ObjectNode> recent = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<SseClient> joining = new ConcurrentLinkedQueue<>();
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final ObjectNode hello;
    private volatile boolean running = true;
    private long lastStatusMs;
    private volatile long served;
    private volatile long closedDrops;

    /**
     * A hub over {@code feed}, keeping {@code historyWindows} windows per lane, sending {@code status}
     * once a second and {@code hello} to every page that opens.
     */
    LiveHub(LiveFeed feed, int historyWindows, Supplier<ObjectNode> status, ObjectNode hello) {
        this.feed = feed;
        this.historyWindows = historyWindows;
        this.status = status;
        this.hello = hello;
    }

    /** Adds a page; it gets the history at the next tick. */
    void join(SseClient client) {
        joining.add(client);
    }

    @Override
    public void run() {
        List<LiveFeed.Item> items = new ArrayList<>();
        while (running) {
            try {
                Thread.sleep(TICK_MS);
                tick(items, System.currentTimeMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Logger.warn(e, "live page: {}", e.getMessage());
            }
        }
    }

    /** One round: take what the feed holds, greet new pages, send news. */
    void tick(List<LiveFeed.Item> items, long nowMs) {
        items.clear();
        feed.drainTo(items);
        ObjectNode windows = JSON.createObjectNode();
        ObjectNode byLane = windows.putObject("lanes");
        Map<String, LaneHistory.Columns> columns = new LinkedHashMap<>();
        List<ObjectNode> detections = new ArrayList<>();
        for (LiveFeed.Item item : items) {
            switch (item) {
                case LiveFeed.WindowPoint p -> {
                    lanes.computeIfAbsent(p.sensor(), s -> new LaneHistory(historyWindows)).add(p);
                    columns.computeIfAbsent(p.sensor(), s -> LaneHistory.columns(byLane.putObject(s)))
                            .add(p.endUs(), p.total(), p.value(), p.threshold(), p.outcome() == WakeDecision.Outcome.WAKE);
                }
                case LiveFeed.DetectionPoint d -> {
                    ObjectNode n = detection(d.detection());
                    detections.add(n);
                    recent.addLast(n);
                    if (recent.size() > RECENT_DETECTIONS) {
                        recent.removeFirst();
                    }
                }
            }
        }
        for (SseClient c : clients) {
            if (!c.open()) {
                closedDrops += c.dropped();
                clients.remove(c);
            }
        }
        for (SseClient c; (c = joining.poll()) != null; ) {
            c.send("hello", hello.toString());
            c.send("windows", history().toString());
            ArrayNode last = JSON.createArrayNode();
            recent.forEach(last::add);
            c.send("detections", last.toString());
            c.send("status", status.get().toString());
            clients.add(c);
            served++;
        }
        if (clients.isEmpty()) {
            return;
        }
        if (!columns.isEmpty()) {
            String w = windows.toString();
            clients.forEach(c -> c.send("windows", w));
        }
        if (!detections.isEmpty()) {
            ArrayNode list = JSON.createArrayNode();
            detections.forEach(list::add);
            String d = list.toString();
            clients.forEach(c -> c.send("detections", d));
        }
        if (nowMs - lastStatusMs >= 1000) {
            lastStatusMs = nowMs;
            String s = status.get().toString();
            clients.forEach(c -> c.send("status", s));
        }
    }

    private ObjectNode history() {
        ObjectNode w = JSON.createObjectNode();
        ObjectNode byLane = w.putObject("lanes");
        lanes.forEach((sensor, h) -> h.writeTo(byLane.putObject(sensor)));
        return w;
    }

    private static ObjectNode detection(Detection d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("sensor", d.sensor()).put("label", d.label()).put("score", d.score()).put("t", d.deviceTimeUs() / 1e6)
                .put("wallTime", System.currentTimeMillis()).put("reason", d.wakeReason()).put("id", d.id());
        return n;
    }

    /** Pages streaming now. */
    int clients() {
        return (int) clients.stream().filter(SseClient::open).count();
    }

    /** Pages served since the start. */
    long served() {
        return served;
    }

    /** Messages dropped for pages that fell behind, since the start. */
    long clientDrops() {
        return closedDrops + clients.stream().mapToLong(SseClient::dropped).sum();
    }

    void stop() {
        running = false;
        clients.forEach(SseClient::close);
    }
}
