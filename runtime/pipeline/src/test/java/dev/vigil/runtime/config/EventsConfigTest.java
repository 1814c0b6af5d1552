package dev.vigil.runtime.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventsConfigTest {

    private static String refusal(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml")).getMessage();
    }

    @Test
    void eventsAreOffByDefaultSoExistingDeploymentsPublishWhatTheyDid() {
        EventsConfig e = ConfigLoader.defaults().events();
        assertFalse(e.enabled());
        assertEquals(20, e.endAfterWindows());
        assertEquals(300, e.haOffDelayS());
    }

    @Test
    void badValuesAreRefusedAtStartNamingTheKey() throws Exception {
        EventsConfig e = ConfigLoader.parse("events: {enabled: true, end-after-windows: 4, ha-off-delay-s: 0}\n", "t").events();
        assertTrue(e.enabled());
        assertEquals(4, e.endAfterWindows());
        assertEquals(0, e.haOffDelayS());
        assertEquals("t.yaml: events.end-after-windows = 0 is refused: must be between 1 and 1000000",
                refusal("events:\n  end-after-windows: 0\n"));
        assertEquals("t.yaml: events.ha-off-delay-s = -1 is refused: must be between 0 and 86400",
                refusal("events:\n  ha-off-delay-s: -1\n"));
        assertTrue(refusal("events:\n  end-after: 3\n").startsWith("t.yaml: unknown key 'events.end-after'"),
                refusal("events:\n  end-after: 3\n"));
    }
}
