package dev.vigil.tests.mqtt;

import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 4: Mosquitto with a TLS listener (certificate from a CA made at test time with openssl)
 * that wants a password (file made with mosquitto_passwd). Wrong CA, wrong password and a plain client
 * on the TLS port each fail at start with a message saying what to fix; the right settings connect.
 */
class TlsAndPasswordTest {
    private static final String USER = "vigil";
    private static final String PASSWORD = "correct horse";
    @TempDir
    static Path tmp;
    private static TestPki pki;
    private static Mosquitto broker;

    @BeforeAll
    static void startBroker() throws Exception {
        pki = TestPki.create(Files.createDirectories(tmp.resolve("pki")));
        broker = Mosquitto.withTls(Files.createDirectories(tmp.resolve("broker")), pki, USER, PASSWORD);
        Files.writeString(tmp.resolve("right.pw"), PASSWORD + "\n");
        Files.writeString(tmp.resolve("wrong.pw"), "battery staple\n");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static CliRun replay(String name, String url, Path ca, String passwordFile) throws Exception {
        Path cfg = TestConfigs.write(tmp, name + ".yaml", "", tmp.resolve("outbox-" + name), "drain-on-close-s: 5",
                "username: " + USER, "password-file: \"" + tmp.resolve(passwordFile) + "\"",
                "tls: {ca-file: \"" + ca + "\"}");
        return CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(), "--broker", url);
    }

    @Test
    void rightSettingsConnectOverTlsWithAPassword() throws Exception {
        try (Subscriber sub = new Subscriber(broker.url(), "vigil/+/detections/#", false)) {
            CliRun run = replay("right", broker.tlsUrl("ssl"), pki.ca(), "right.pw");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("MQTT 5"), run.err());
            List<String> printed = TestConfigs.ids(run);
            assertEquals(3, printed.size(), run.err());
            assertEquals(printed, sub.await("/detections/", 3, 10_000).stream().map(r -> r.json().get("id").asText()).toList());
        }
    }

    @Test
    void wrongCaIsRefusedNamingTheCaFile() throws Exception {
        CliRun run = replay("wrong-ca", broker.tlsUrl("ssl"), pki.otherCa(), "right.pw");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("TLS handshake failed: the broker's certificate is not signed by a CA in broker.tls.ca-file"),
                run.err());
    }

    @Test
    void wrongPasswordIsRefusedNamingTheUser() throws Exception {
        CliRun run = replay("wrong-pw", broker.tlsUrl("ssl"), pki.ca(), "wrong.pw");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("user '" + USER + "'") && run.err().contains("broker.password-file"), run.err());
    }

    @Test
    void tlsClientOnThePlainPortEndsTheRunInsteadOfRetrying() throws Exception {
        CliRun run = replay("tls-on-plain", broker.url().replace("tcp:", "ssl:"), pki.ca(), "right.pw");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("TLS handshake failed") && run.err().contains("use tcp:// for a plain listener"),
                run.err());
        assertEquals(List.of(), TestConfigs.ids(run), "nothing replayed");
    }

    @Test
    void plainClientOnTheTlsPortIsToldToUseSsl() throws Exception {
        CliRun run = replay("plain", broker.tlsUrl("tcp"), pki.ca(), "right.pw");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("use an ssl:// URL"), run.err());
    }
}
