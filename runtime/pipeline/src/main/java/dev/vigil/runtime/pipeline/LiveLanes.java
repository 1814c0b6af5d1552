package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.WakeConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What running lanes share with the outside (MQTT commands and metrics), thread-safely: their live
 * settings, read by each lane at every window boundary, and their latest statistics, published by each
 * lane at every window once something has asked to {@linkplain #watchStats() watch} them (runs nobody
 * watches, such as training, evaluation and benchmarks, make no snapshots). A change replaces the whole
 * settings map at once, so a lane never sees half of it.
 */
public final class LiveLanes {

    /** Settings a lane takes at its next window: whether it judges windows at all, and its wake thresholds. */
    public record LaneSettings(boolean enabled, WakeConfig wake) {
    }

    private final AtomicReference<Map<String, LaneSettings>> settings = new AtomicReference<>(Map.of());
    private final Map<String, LaneStats> stats = new ConcurrentHashMap<>();
    private volatile boolean watched;

    /** The settings of every lane that runs, by sensor name. */
    public Map<String, LaneSettings> settings() {
        return settings.get();
    }

    /** The settings of {@code sensor}, if its lane runs. */
    public Optional<LaneSettings> settingsOf(String sensor) {
        return Optional.ofNullable(settings.get().get(sensor));
    }

    /** Replaces every lane's settings at once; lanes take them at their next window. */
    public void replaceSettings(Map<String, LaneSettings> next) {
        settings.set(Map.copyOf(next));
    }

    /** Adds {@code sensor}'s starting settings unless it already has some. */
    void register(String sensor, LaneSettings initial) {
        settings.updateAndGet(m -> {
            if (m.containsKey(sensor)) {
                return m;
            }
            Map<String, LaneSettings> copy = new java.util.HashMap<>(m);
            copy.put(sensor, initial);
            return Map.copyOf(copy);
        });
    }

    /** From now on lanes publish their statistics at every window, for {@link #stats()} and {@link #statsOf}. */
    public void watchStats() {
        watched = true;
    }

    /** Whether anything reads the lanes' statistics. */
    boolean statsWatched() {
        return watched;
    }

    /** The latest statistics of every lane that has judged a window (watched lanes only). */
    public List<LaneStats> stats() {
        return List.copyOf(stats.values());
    }

    /** The latest statistics of {@code sensor}'s lane. */
    public Optional<LaneStats> statsOf(String sensor) {
        return Optional.ofNullable(stats.get(sensor));
    }

    void publish(LaneStats latest) {
        stats.put(latest.sensor(), latest);
    }
}
