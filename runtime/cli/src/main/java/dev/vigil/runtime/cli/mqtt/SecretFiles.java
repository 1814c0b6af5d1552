package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.mqtt.ConnectFailure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a secret that the config names by file ({@code broker.password-file},
 * {@code broker.commands.token-file}): the file's first line. A path may start with
 * {@value #CREDENTIALS}, the private directory where systemd puts the credentials of a unit with
 * {@code LoadCredential=} (named by the environment variable of the same name), so a secret can stay in
 * a file only root reads.
 */
final class SecretFiles {
    /** The prefix replaced by the systemd credentials directory. */
    static final String CREDENTIALS = "${CREDENTIALS_DIRECTORY}";
    private static final String VARIABLE = "CREDENTIALS_DIRECTORY";

    private SecretFiles() {
    }

    /**
     * The first line of {@code file}, named by config {@code key}; {@code environment} supplies
     * {@code CREDENTIALS_DIRECTORY}. A file that cannot be read is a {@link ConnectFailure.Kind#SETTINGS}
     * failure naming the key and the file.
     */
    static String read(String key, String file, Map<String, String> environment) throws ConnectFailure {
        String path = file;
        if (file.startsWith(CREDENTIALS)) {
            String dir = environment.get(VARIABLE);
            if (dir == null || dir.isEmpty()) {
                throw unreadable(key, file, VARIABLE + " is not set (systemd sets it for a unit with LoadCredential=)", null);
            }
            path = dir + file.substring(CREDENTIALS.length());
        }
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (NoSuchFileException e) {
            throw unreadable(key, file, "no such file" + (path.equals(file) ? "" : " " + path), e);
        } catch (AccessDeniedException e) {
            throw unreadable(key, file, "permission denied" + (path.equals(file) ? "" : " on " + path), e);
        } catch (IOException e) {
            throw unreadable(key, file, e.getMessage(), e);
        }
    }

    private static ConnectFailure unreadable(String key, String file, String why, Exception cause) {
        return new ConnectFailure(ConnectFailure.Kind.SETTINGS, key + " = " + file + " cannot be read: " + why, cause);
    }
}
