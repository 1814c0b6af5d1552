package dev.vigil.tests.mqtt;

import dev.vigil.runtime.cli.VigilCli;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's way to a broker password: systemd loads {@code /etc/vigil/credentials/broker-password}
 * ({@code LoadCredential=}) into a private directory it names in {@code $CREDENTIALS_DIRECTORY}, and the
 * config reads it with {@code password-file: ${CREDENTIALS_DIRECTORY}/broker-password}. Vigil runs as
 * its own process here, since the variable comes from the environment, against Mosquitto's TLS
 * listener, which wants the password.
 */
class SystemdCredentialsTest {
    private static final String USER = "vigil";
    private static final String PASSWORD = "correct horse";

    private record Run(int exit, String err) {
    }

    private static Run vigil(Path dir, String credentials, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), VigilCli.class.getName()));
        argv.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "vigil", ".err");
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        pb.environment().remove("CREDENTIALS_DIRECTORY");
        if (credentials != null) {
            pb.environment().put("CREDENTIALS_DIRECTORY", credentials);
        }
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "vigil did not finish");
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theBrokerPasswordComesFromTheDirectorySystemdNames(@TempDir Path tmp) throws Exception {
        TestPki pki = TestPki.create(Files.createDirectories(tmp.resolve("pki")));
        Path credentials = Files.createDirectories(tmp.resolve("credentials"));
        Files.writeString(credentials.resolve("broker-password"), PASSWORD + "\n");
        try (Mosquitto broker = Mosquitto.withTls(Files.createDirectories(tmp.resolve("broker")), pki, USER, PASSWORD);
             Subscriber sub = new Subscriber(broker.url(), "vigil/+/detections/#", false)) {
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", tmp.resolve("outbox"), "drain-on-close-s: 5",
                    "username: " + USER, "password-file: \"${CREDENTIALS_DIRECTORY}/broker-password\"",
                    "tls: {ca-file: \"" + pki.ca() + "\"}");
            String[] replay = {"replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(),
                    "--broker", broker.tlsUrl("ssl")};

            Run run = vigil(tmp, credentials.toString(), replay);
            assertEquals(0, run.exit(), run.err());
            assertEquals(3, sub.await("/detections/", 3, 10_000).size(), run.err());

            Run outsideSystemd = vigil(tmp, null, replay);
            assertEquals(1, outsideSystemd.exit(), outsideSystemd.err());
            assertEquals("vigil: error: broker.password-file = ${CREDENTIALS_DIRECTORY}/broker-password cannot be read:"
                    + " CREDENTIALS_DIRECTORY is not set (systemd sets it for a unit with LoadCredential=)",
                    outsideSystemd.err().strip());
        }
    }
}
