package dev.vigil.runtime.cli.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.mqtt.DeliveryStats;
import dev.vigil.runtime.mqtt.Json;
import dev.vigil.runtime.outbox.OutboxStats;
import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.LiveLanes;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;

/**
 * The periodic metrics payload (schema {@value #SCHEMA}, see {@code docs/mqtt.md}): per lane windows,
 * wakes, detections, duty cycle and front-end energy; detection rate since the previous message; heap;
 * outbox depth and drops; connection figures.
 */
public final class MetricsJson {
    /** Payload schema version. */
    public static final int SCHEMA = 1;
    private final LiveLanes lanes;
    private final long startMs;
    private long lastMs;
    private long lastStored;

    /** Metrics of {@code lanes}, counting uptime from {@code startMs}. */
    public MetricsJson(LiveLanes lanes, long startMs) {
        this.lanes = lanes;
        lanes.watchStats();
        this.startMs = startMs;
        this.lastMs = startMs;
    }

    /** The payload for now ({@code nowMs}) and {@code d}. */
    public byte[] payload(DeliveryStats d, long nowMs) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("schema", SCHEMA);
        m.put("wall_time", Instant.ofEpochMilli(nowMs).toString());
        m.put("uptime_s", (nowMs - startMs) / 1000.0);
        double span = Math.max(1, nowMs - lastMs) / 1000.0;
        m.put("detections_per_s", (d.stored() + d.unstored() - lastStored) / span);
        lastMs = nowMs;
        lastStored = d.stored() + d.unstored();
        ObjectNode ls = m.putObject("lanes");
        long wakes = 0;
        double energy = 0;
        for (LaneStats s : lanes.stats().stream().sorted(Comparator.comparing(LaneStats::sensor)).toList()) {
            ObjectNode l = ls.putObject(s.sensor());
            l.put("enabled", lanes.settingsOf(s.sensor()).map(LiveLanes.LaneSettings::enabled).orElse(true));
            l.put("windows", s.wake().windows());
            l.put("wakes", s.wake().wakes());
            l.put("detections", s.dense().detections());
            l.put("duty_cycle", s.dutyCycle());
            l.put("energy_j", s.front().energyJ());
            wakes += s.wake().wakes();
            energy += s.front().energyJ();
        }
        m.put("wakes", wakes);
        m.put("energy_j", energy);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        ObjectNode h = m.putObject("heap");
        h.put("used_bytes", heap.getUsed());
        h.put("max_bytes", heap.getMax());
        OutboxStats o = d.outbox();
        ObjectNode ob = m.putObject("outbox");
        ob.put("depth", o.depth());
        ob.put("bytes", o.bytes());
        ob.put("segments", o.segments());
        ob.put("dropped_full", o.droppedFull());
        ob.put("dropped_age", o.droppedAge());
        ob.put("dropped_corrupt", o.droppedCorrupt());
        ob.put("dropped_unstored", d.unstored());
        ObjectNode q = m.putObject("mqtt");
        q.put("protocol", d.protocol());
        q.put("connects", d.connects());
        q.put("detections_stored", d.stored());
        q.put("detections_sent", d.sent());
        q.put("detections_delivered", d.delivered());
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }
}
