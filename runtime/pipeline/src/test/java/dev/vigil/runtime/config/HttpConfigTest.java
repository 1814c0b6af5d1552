package dev.vigil.runtime.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpConfigTest {

    private static String refusal(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml")).getMessage();
    }

    @Test
    void theLivePageIsOffAndOnLoopbackByDefault() {
        HttpConfig h = ConfigLoader.defaults().http();
        assertFalse(h.enabled());
        assertEquals("127.0.0.1", h.address());
        assertEquals(8080, h.port());
        assertEquals("", h.token());
        assertEquals(300, h.historyS());
        assertEquals(4, h.maxClients());
    }

    @Test
    void itsKeysAreReadAndCheckedLikeEveryOther() throws Exception {
        HttpConfig h = ConfigLoader.parse("http:\n  enabled: true\n  address: 0.0.0.0\n  port: 9000\n  token: s3cret\n", "t").http();
        assertTrue(h.enabled());
        assertEquals("0.0.0.0", h.address());
        assertEquals(9000, h.port());
        assertEquals("s3cret", h.token());
        assertEquals("t.yaml: http.port = 70000 is refused: must be between 0 and 65535", refusal("http:\n  port: 70000\n"));
        assertTrue(refusal("http:\n  tokn: x\n").startsWith("t.yaml: unknown key 'http.tokn' (allowed here: address, enabled,"),
                refusal("http:\n  tokn: x\n"));
        assertEquals("t.yaml: http.max-clients = 0 is refused: must be between 1 and 64", refusal("http:\n  max-clients: 0\n"));
    }

    @Test
    void servingOnKeepsTheRestAndSwitchesItOn() {
        HttpConfig h = ConfigLoader.defaults().http().servingOn(null, 0);
        assertTrue(h.enabled());
        assertEquals("127.0.0.1", h.address());
        assertEquals(0, h.port());
        assertEquals("0.0.0.0", h.servingOn("0.0.0.0", 1).address());
    }
}
