package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.mqtt.ConnectFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretFilesTest {
    private static final String KEY = "broker.commands.token-file";

    @Test
    void theFirstLineOfAPlainPathOrOfACredentialIsTheSecret(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("commands-token"), "s3cret\nignored\n");
        assertEquals("s3cret", SecretFiles.read(KEY, dir.resolve("commands-token").toString(), Map.of()));
        assertEquals("s3cret", SecretFiles.read(KEY, "${CREDENTIALS_DIRECTORY}/commands-token",
                Map.of("CREDENTIALS_DIRECTORY", dir.toString())));
        Files.writeString(dir.resolve("empty"), "");
        assertEquals("", SecretFiles.read(KEY, dir.resolve("empty").toString(), Map.of()));
    }

    @Test
    void anUnreadableSecretNamesTheKeyTheFileAndWhy(@TempDir Path dir) {
        ConnectFailure noVariable = assertThrows(ConnectFailure.class,
                () -> SecretFiles.read(KEY, "${CREDENTIALS_DIRECTORY}/commands-token", Map.of()));
        assertEquals("broker.commands.token-file = ${CREDENTIALS_DIRECTORY}/commands-token cannot be read:"
                + " CREDENTIALS_DIRECTORY is not set (systemd sets it for a unit with LoadCredential=)", noVariable.getMessage());
        assertEquals(ConnectFailure.Kind.SETTINGS, noVariable.kind());
        ConnectFailure missing = assertThrows(ConnectFailure.class, () -> SecretFiles.read(KEY,
                "${CREDENTIALS_DIRECTORY}/commands-token", Map.of("CREDENTIALS_DIRECTORY", dir.toString())));
        assertEquals("broker.commands.token-file = ${CREDENTIALS_DIRECTORY}/commands-token cannot be read: no such file "
                + dir.resolve("commands-token"), missing.getMessage());
    }
}
