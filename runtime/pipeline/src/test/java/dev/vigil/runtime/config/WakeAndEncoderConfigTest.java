package dev.vigil.runtime.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.wake.FusionMode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wake, encoder, fusion and dense keys: parsed when valid, refused naming key, value and reason. */
class WakeAndEncoderConfigTest {

    private static String refusal(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml")).getMessage();
    }

    @Test
    void policyKeysParse() throws Exception {
        VigilConfig c = ConfigLoader.parse("""
                sensors:
                  audio:
                    wake:
                      rule: per-class
                      class-on-spikes: [0, 5, 0, 0]
                      class-off-spikes: [0, 1, 0, 0]
                      k: 2
                      n: 3
                      cooldown-ms: 500
                      max-per-hour: 30
                      burst: 2
                      pre-trigger-ms: 150
                  vibration:
                    envelope:
                      enabled: true
                      shaft-hz: 29.95
                  fusion:
                    mode: weighted
                    quorum: 1.5
                    weights: {audio: 1, vibration: 0.5}
                dense:
                  device: northpole
                """, "t");
        WakeConfig w = c.sensors().audio().wake();
        assertEquals(WakeRule.PER_CLASS, w.rule());
        assertArrayEquals(new int[] {0, 5, 0, 0}, w.classOnSpikes());
        assertEquals(2, w.k());
        assertEquals(500, w.cooldownMs());
        assertEquals(150, w.preTriggerMs());
        assertTrue(c.sensors().vibration().envelope().enabled());
        assertEquals(0.5, c.sensors().fusion().weight(Sensor.VIBRATION));
        assertEquals(1.0, c.sensors().fusion().weight(Sensor.DVS));
        assertEquals("northpole", c.dense().device());
    }

    @Test
    void badValuesAreRefusedNamingKeyValueAndReason() {
        assertEquals("t.yaml: sensors.audio.wake.rule = loud is refused: use one of threshold, per-class, adaptive",
                refusal("sensors:\n  audio:\n    wake:\n      rule: loud\n"));
        assertEquals("t.yaml: sensors.dvs.wake.k = 4 is refused: must be between 1 and 3",
                refusal("sensors:\n  dvs:\n    wake:\n      k: 4\n      n: 3\n"));
        assertTrue(refusal("sensors:\n  audio:\n    wake:\n      rule: per-class\n")
                .contains("sensors.audio.wake.class-on-spikes = [] is refused: rule per-class needs at least one positive threshold"));
        assertTrue(refusal("sensors:\n  audio:\n    wake:\n      class-on-spikes: [3]\n      class-off-spikes: [3]\n")
                .contains("sensors.audio.wake.class-off-spikes[0] = 3 is refused"));
        assertTrue(refusal("sensors:\n  fusion:\n    mode: majority\n").contains("sensors.fusion.mode = majority is refused: use one of any, all, weighted"));
        assertTrue(refusal("sensors:\n  fusion:\n    weights: {lidar: 1}\n").contains("sensors.fusion.weights.lidar = 1.0 is refused: unknown sensor"));
        assertTrue(refusal("sensors:\n  dvs:\n    filter:\n      downsample-shift: 9\n").contains("sensors.dvs.filter.downsample-shift = 9 is refused: must be between 0 and 8"));
        assertTrue(refusal("sensors:\n  dvs:\n    filter:\n      hot-pixel-window-ms: 10\n").contains("sensors.dvs.filter.hot-pixel-max-events = 0 is refused"));
        assertTrue(refusal("sensors:\n  vibration:\n    envelope:\n      defect-hz: [900]\n").contains("sensors.vibration.envelope.defect-hz[0] = 900.0 is refused"));
        assertTrue(refusal("sensors:\n  audio:\n    wake:\n      max-per-hour: -1\n").contains("sensors.audio.wake.max-per-hour = -1 is refused"));
    }

    @Test
    void ruleAndModeAreReadInAnyCaseAndWrittenBackAsInTheFile() throws Exception {
        VigilConfig c = ConfigLoader.parse("sensors:\n  dvs:\n    wake:\n      rule: Adaptive\n  fusion:\n    mode: ALL\n", "t");
        assertEquals(WakeRule.ADAPTIVE, c.sensors().dvs().wake().rule());
        assertEquals(FusionMode.ALL, c.sensors().fusion().mode());
        ObjectNode tree = ConfigLoader.tree(c);
        assertEquals("adaptive", tree.at("/sensors/dvs/wake/rule").asText());
        assertEquals("threshold", tree.at("/sensors/audio/wake/rule").asText());
        assertEquals("all", tree.at("/sensors/fusion/mode").asText());
        assertEquals(c, ConfigLoader.parse(tree.toString(), "tree"));
    }

    @Test
    void aRuleThatIsNotAWordIsRefusedListingTheRules() {
        assertEquals("t.yaml: sensors.audio.wake.rule = 3 is refused: use one of threshold, per-class, adaptive",
                refusal("sensors:\n  audio:\n    wake:\n      rule: 3\n"));
        assertEquals("t.yaml: sensors.fusion.mode = loud is refused: use one of any, all, weighted",
                refusal("sensors:\n  fusion:\n    mode: LOUD\n"));
    }

    @Test
    void unknownWakeKeyListsTheAllowedOnes() {
        String m = refusal("sensors:\n  audio:\n    wake:\n      cooldown: 5\n");
        assertTrue(m.contains("unknown key 'sensors.audio.wake.cooldown'") && m.contains("cooldown-ms") && m.contains("pre-trigger-ms"), m);
    }
}
