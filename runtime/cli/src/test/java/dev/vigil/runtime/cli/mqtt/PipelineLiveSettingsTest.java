package dev.vigil.runtime.cli.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.mqtt.LiveSettings;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.LiveLanes;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.sink.DetectionJson;
import dev.vigil.sensors.replay.ReplayClock;
import dev.vigil.sensors.vlog.VlogReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live settings over the real pipeline on the bundled log: all or nothing, taken at the next window. */
class PipelineLiveSettingsTest {
    private static final String MANY = """
            window: {length-ms: 10, hop-ms: 10}
            sensors:
              dvs: {wake: {on-spikes: 2, off-spikes: 1}}
              audio: {wake: {on-spikes: 1, off-spikes: 0}}
              vibration: {wake: {on-spikes: 2, off-spikes: 1}}
            """;

    private static Path demoLog() {
        return Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo.vlog");
    }

    /** Replays the demo log; {@code onDetection} may change settings from inside the sensing loop. */
    private static List<Detection> replay(VigilConfig config, LiveLanes lanes,
                                          BiConsumer<Detection, List<Detection>> onDetection) throws Exception {
        List<Detection> out = new ArrayList<>();
        try (VlogReader reader = new VlogReader(demoLog())) {
            new Pipeline(config, new ReferenceDevice(), d -> {
                out.add(d);
                onDetection.accept(d, out);
            }, lanes).run(reader, ReplayClock.asFastAsPossible());
        }
        return out;
    }

    /** The detections as JSON without their ids: a run makes new ids (UUIDv7), the log and config determine the rest. */
    private static List<String> apartFromIds(List<Detection> ds) {
        return ds.stream().map(d -> DetectionJson.toJson(d).replaceFirst("\"id\":\"[^\"]*\",", "")).toList();
    }

    private static long count(List<Detection> ds, String sensor) {
        return ds.stream().filter(d -> d.sensor().equals(sensor)).count();
    }

    private static Map<String, JsonNode> set(Object... kv) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Boolean b ? BooleanNode.valueOf(b)
                    : v instanceof Integer n ? IntNode.valueOf(n) : TextNode.valueOf((String) v));
        }
        return m;
    }

    @Test
    void disablingALaneTakesEffectAtItsNextWindow() throws Exception {
        VigilConfig config = ConfigLoader.parse(MANY, "many");
        List<Detection> baseline = replay(config, new LiveLanes(), (d, all) -> { });
        assertTrue(count(baseline, "audio") > 2, "baseline has several audio detections: " + count(baseline, "audio"));

        LiveLanes lanes = new LiveLanes();
        PipelineLiveSettings live = new PipelineLiveSettings(config, lanes);
        List<Detection> changed = replay(config, lanes, (d, all) -> {
            if (d.sensor().equals("audio") && count(all, "audio") == 1) {
                try {
                    live.apply(set("sensors.audio.enabled", false));
                } catch (LiveSettings.RefusedChangeException e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertEquals(1, count(changed, "audio"), "no audio detection after the change");
        assertEquals(count(baseline, "dvs"), count(changed, "dvs"), "other lanes are untouched");
        assertEquals(count(baseline, "vibration"), count(changed, "vibration"));
        assertEquals(false, live.current().get("sensors.audio.enabled"));
    }

    @Test
    void raisingAThresholdTakesEffectAtTheNextWindow() throws Exception {
        VigilConfig config = ConfigLoader.parse(MANY, "many");
        LiveLanes lanes = new LiveLanes();
        PipelineLiveSettings live = new PipelineLiveSettings(config, lanes);
        List<Detection> changed = replay(config, lanes, (d, all) -> {
            if (d.sensor().equals("dvs") && count(all, "dvs") == 1) {
                try {
                    live.apply(set("sensors.dvs.wake.on-spikes", 1_000_000, "sensors.dvs.wake.off-spikes", 999_999));
                } catch (LiveSettings.RefusedChangeException e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertEquals(1, count(changed, "dvs"));
    }

    @Test
    void aHalfValidChangeIsRefusedWholeAndChangesNothing() throws Exception {
        VigilConfig config = ConfigLoader.parse(MANY, "many");
        List<Detection> baseline = replay(config, new LiveLanes(), (d, all) -> { });
        LiveLanes lanes = new LiveLanes();
        PipelineLiveSettings live = new PipelineLiveSettings(config, lanes);
        List<String> refusals = new ArrayList<>();
        List<Detection> run = replay(config, lanes, (d, all) -> {
            if (all.size() == 1) {
                Map<String, LiveLanes.LaneSettings> before = lanes.settings();
                Map<String, Object> current = live.current();
                for (Map<String, JsonNode> bad : List.of(
                        set("sensors.audio.enabled", false, "sensors.audio.wake.on-spikes", -5),
                        set("sensors.audio.enabled", false, "sensors.audio.wake.off-spikes", 7),
                        set("sensors.audio.enabled", false, "broker.qos", 0),
                        set("sensors.audio.enabled", false, "sensors.audio.colour", 3),
                        set("sensors.audio.enabled", "no"))) {
                    refusals.add(assertThrows(LiveSettings.RefusedChangeException.class, () -> live.apply(bad)).getMessage());
                }
                assertEquals(before, lanes.settings());
                assertEquals(current, live.current());
            }
        });
        assertEquals(apartFromIds(baseline), apartFromIds(run), "refused changes leave the run exactly as it was");
        assertTrue(Collections.disjoint(baseline.stream().map(Detection::id).toList(), run.stream().map(Detection::id).toList()),
                "every run makes ids of its own");
        assertTrue(refusals.get(0).contains("sensors.audio.wake.on-spikes = -5 is refused: must be between 1 and"), refusals.get(0));
        assertTrue(refusals.get(1).contains("sensors.audio.wake.off-spikes = 7 is refused: must be below on-spikes (1)"), refusals.get(1));
        assertTrue(refusals.get(2).contains("'broker.qos' cannot change while Vigil runs"), refusals.get(2));
        assertTrue(refusals.get(3).contains("unknown key 'sensors.audio.colour'"), refusals.get(3));
        assertTrue(refusals.get(4).contains("sensors.audio.enabled = \"no\" is refused: expected true or false"), refusals.get(4));
    }

    @Test
    void aSensorOffAtStartCannotBeSwitchedOnLive() throws Exception {
        VigilConfig config = ConfigLoader.parse("sensors: {dvs: {enabled: false}}", "t");
        LiveLanes lanes = new LiveLanes();
        PipelineLiveSettings live = new PipelineLiveSettings(config, lanes);
        replay(config, lanes, (d, all) -> { });
        String m = assertThrows(LiveSettings.RefusedChangeException.class,
                () -> live.apply(set("sensors.dvs.enabled", true))).getMessage();
        assertTrue(m.contains("no dvs lane was started"), m);
    }
}
