package dev.vigil.runtime.cli.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.mqtt.DeliveryStats;
import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.LiveLanes;
import dev.vigil.sensors.health.SensorHealth;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the live page shows beside the charts, read from the running parts: the device, each lane's
 * figures, the live sensors' health, the MQTT connection and outbox, and the page's own drops.
 */
final class LiveStatus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String deviceId;
    private final LiveLanes lanes;
    private final Supplier<DeliveryStats> mqtt;
    private final long startMs = System.currentTimeMillis();
    private volatile Supplier<List<SensorHealth>> sensors = List::of;
    private volatile String frontDevice = "";
    private volatile String denseDevice = "";
    private LiveFeed feed;
    private LiveHub hub;

    /** The status of {@code deviceId}'s {@code lanes}, and of MQTT from {@code mqtt} (which gives null when MQTT is off). */
    LiveStatus(String deviceId, LiveLanes lanes, Supplier<DeliveryStats> mqtt) {
        this.deviceId = deviceId;
        this.lanes = lanes;
        this.mqtt = mqtt;
        lanes.watchStats();
    }

    void watch(LiveFeed liveFeed, LiveHub liveHub) {
        this.feed = liveFeed;
        this.hub = liveHub;
    }

    void sensors(Supplier<List<SensorHealth>> health) {
        this.sensors = health;
    }

    void devices(String front, String dense) {
        this.frontDevice = front;
        this.denseDevice = dense;
    }

    ObjectNode json() {
        ObjectNode s = JSON.createObjectNode();
        long now = System.currentTimeMillis();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        s.putObject("device").put("id", deviceId).put("front", frontDevice).put("dense", denseDevice)
                .put("uptimeS", (now - startMs) / 1000.0).put("heapUsedBytes", heap.getUsed()).put("heapMaxBytes", heap.getMax());
        ArrayNode ls = s.putArray("lanes");
        for (LaneStats l : lanes.stats().stream().sorted(Comparator.comparing(LaneStats::sensor)).toList()) {
            ls.addObject().put("sensor", l.sensor())
                    .put("enabled", lanes.settingsOf(l.sensor()).map(LiveLanes.LaneSettings::enabled).orElse(true))
                    .put("windows", l.wake().windows()).put("wakes", l.wake().wakes()).put("refused", l.wake().refused())
                    .put("denseRuns", l.dense().runs()).put("detections", l.dense().detections()).put("dutyCycle", l.dutyCycle())
                    .put("frontJ", l.front().energyJ());
        }
        ArrayNode hs = s.putArray("sensors");
        for (SensorHealth h : sensors.get()) {
            hs.addObject().put("sensor", h.sensor()).put("state", h.state().name().toLowerCase(Locale.ROOT))
                    .put("failures", h.failures()).put("recoveries", h.recoveries()).put("lastError", h.lastError());
        }
        DeliveryStats d = mqtt.get();
        ObjectNode m = s.putObject("mqtt");
        m.put("enabled", d != null);
        if (d != null) {
            m.put("connected", d.connected()).put("protocol", d.protocol()).put("stored", d.stored())
                    .put("delivered", d.delivered()).put("outboxDepth", d.outbox().depth())
                    .put("dropped", d.unstored() + d.outbox().droppedFull() + d.outbox().droppedAge());
        }
        ObjectNode f = s.putObject("page");
        f.put("feedDropped", feed == null ? 0 : feed.dropped()).put("clients", hub == null ? 0 : hub.clients())
                .put("clientDropped", hub == null ? 0 : hub.clientDrops());
        return s;
    }
}
