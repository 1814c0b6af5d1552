package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.HttpConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentOptionsTest {
    private static final HttpConfig OFF = ConfigLoader.defaults().http();

    @Test
    void httpTakesAPortAndOptionallyAnAddress() throws Exception {
        HttpConfig port = DeploymentOptions.httpOption(OFF, "9000");
        assertTrue(port.enabled());
        assertEquals("127.0.0.1", port.address(), "loopback unless an address is given");
        assertEquals(9000, port.port());
        assertEquals("0.0.0.0", DeploymentOptions.httpOption(OFF, "0.0.0.0:80").address());
        assertEquals("::1", DeploymentOptions.httpOption(OFF, "[::1]:8080").address());
    }

    @Test
    void aMalformedHttpValueIsRefusedInOneLine() {
        assertEquals("--http x is refused: expected [ADDR:]PORT, e.g. 8080, 127.0.0.1:8080 or [::1]:8080",
                assertThrows(UserError.class, () -> DeploymentOptions.httpOption(OFF, "x")).getMessage());
        assertEquals("--http :80 is refused: expected [ADDR:]PORT, e.g. 8080, 127.0.0.1:8080 or [::1]:8080",
                assertThrows(UserError.class, () -> DeploymentOptions.httpOption(OFF, ":80")).getMessage());
        assertEquals("--http 70000 is refused: port = 70000: must be between 0 and 65535",
                assertThrows(UserError.class, () -> DeploymentOptions.httpOption(OFF, "70000")).getMessage());
    }
}
