package dev.vigil.runtime.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    private static String refusal(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "test.yaml")).getMessage();
    }

    @Test
    void emptyFileGivesTheDefaults() throws Exception {
        assertEquals(ConfigLoader.defaults(), ConfigLoader.parse("", "empty.yaml"));
        assertEquals(ConfigLoader.defaults(), ConfigLoader.parse("# only a comment\n", "c.yaml"));
    }

    @Test
    void aKeyOverridesOnlyItself() throws Exception {
        VigilConfig c = ConfigLoader.parse("sensors:\n  audio:\n    bands: 8\nbroker:\n  url: tcp://10.0.0.2:1883\n", "t");
        VigilConfig d = ConfigLoader.defaults();
        assertEquals(8, c.sensors().audio().bands());
        assertEquals(d.sensors().audio().minHz(), c.sensors().audio().minHz());
        assertEquals(d.sensors().vibration(), c.sensors().vibration());
        assertEquals("tcp://10.0.0.2:1883", c.broker().url());
        assertFalse(c.broker().embedded());
        assertEquals(d.broker().qos(), c.broker().qos());
    }

    @Test
    void unknownKeyIsNamedWithItsPathAndTheAllowedKeys() {
        String m = refusal("sensors:\n  audio:\n    bandz: 8\n");
        assertTrue(m.startsWith("test.yaml: unknown key 'sensors.audio.bandz'"), m);
        assertTrue(m.contains("bands") && m.contains("delta-db"), m);
        assertTrue(refusal("colour: blue\n").contains("unknown key 'colour'"));
    }

    @Test
    void outOfRangeValueNamesKeyValueAndReason() {
        String m = refusal("sensors:\n  audio:\n    bands: 0\n");
        assertEquals("test.yaml: sensors.audio.bands = 0 is refused: must be between 1 and 64", m);
    }

    @Test
    void acceptScoresAreProbabilitiesNamedByTheirLabel() throws Exception {
        assertEquals("test.yaml: dense.accept-scores.yes = 1.5 is refused: must be a probability in (0, 1]",
                refusal("dense:\n  accept-scores:\n    yes: 1.5\n"));
        assertTrue(refusal("dense:\n  accept-scores:\n    yes: high\n").contains("dense.accept-scores.yes"));
        assertEquals(java.util.Map.of("yes", 0.8), ConfigLoader.parse("dense:\n  accept-scores: {yes: 0.8}\n", "t").dense().acceptScores());
    }

    @Test
    void yesAndNoAreWordsNotBooleans() throws Exception {
        VigilConfig c = ConfigLoader.parse("dense:\n  model: kws.onnx\n  labels: [yes, no, on, off, background]\n"
                + "  accept-scores: {yes: 0.7, no: 0.7}\n", "t");
        assertEquals(java.util.List.of("yes", "no", "on", "off", "background"), c.dense().labels());
        assertEquals(java.util.Map.of("yes", 0.7, "no", 0.7), c.dense().acceptScores());
        String m = refusal("dense:\n  enabled: yes\n");
        assertTrue(m.contains("dense.enabled"), m);
    }

    @Test
    void crossFieldRulesAreChecked() {
        assertEquals("test.yaml: sensors.audio.fixed-point = true is refused: the integer filterbank gives delta spikes only: set"
                        + " spikes to rise-fall or rise with fixed-point, or fixed-point: false with above-floor",
                refusal("sensors:\n  audio:\n    fixed-point: true\n    spikes: above-floor\n"));
        assertTrue(refusal("sensors:\n  audio:\n    adaptive-floor:\n      rise-ms: 0\n")
                .contains("sensors.audio.adaptive-floor.rise-ms = 0.0 is refused: must be between 1.0 and 600000.0"));
        assertTrue(refusal("sensors:\n  dvs:\n    wake:\n      on-spikes: 10\n      off-spikes: 10\n")
                .contains("sensors.dvs.wake.off-spikes = 10 is refused: must be below on-spikes (10)"));
        assertTrue(refusal("window:\n  length-ms: 50\n  hop-ms: 30\n")
                .contains("window.length-ms = 50 is refused: must be a whole multiple of hop-ms (30)"));
        assertTrue(refusal("broker:\n  url: http://example.org\n")
                .contains("broker.url = http://example.org is refused"));
        assertTrue(refusal("device-id: 'a/b'\n").contains("device-id = a/b is refused"));
    }

    @Test
    void wrongTypeIsNamed() {
        String m = refusal("network:\n  timestep-us: fast\n");
        assertTrue(m.contains("network.timestep-us") && m.contains("fast") && m.contains("whole number"), m);
        assertTrue(refusal("sinks:\n  mqtt: maybe\n").contains("sinks.mqtt"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingItAndItsLine() {
        assertEquals("test.yaml: key 'broker.url' is given twice (line 3)",
                refusal("broker:\n  url: embedded\n  url: tcp://10.0.0.2:1883\n"));
        assertEquals("test.yaml: key 'device-id' is given twice (line 2)", refusal("device-id: a\ndevice-id: b\n"));
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefusedNotTruncated() {
        assertEquals("test.yaml: sensors.audio.bands = 3.5 is refused: expected a whole number",
                refusal("sensors:\n  audio:\n    bands: 3.5\n"));
        assertEquals("test.yaml: sensors.dvs.wake.on-spikes = 7.5 is refused: expected a whole number",
                refusal("sensors:\n  dvs:\n    wake:\n      on-spikes: 7.5\n"));
        assertEquals("test.yaml: broker.outbox.max-bytes = 1.0E7 is refused: expected a whole number",
                refusal("broker:\n  outbox:\n    max-bytes: 1.0e7\n"));
    }

    @Test
    void brokenYamlGivesTheLine() {
        String m = refusal("network:\n  timestep-us: [1\n");
        assertTrue(m.startsWith("test.yaml: not valid YAML"), m);
        assertTrue(m.contains("line"), m);
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        Path f = dir.resolve("missing.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
        assertEquals(f + ": config file not found", e.getMessage());
    }

    @Test
    void fileLoads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("v.yaml");
        Files.writeString(f, "device-id: pump-7\n");
        assertEquals("pump-7", ConfigLoader.load(f).deviceId());
    }
}
