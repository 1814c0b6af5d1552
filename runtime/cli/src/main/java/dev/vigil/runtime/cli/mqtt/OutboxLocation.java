package dev.vigil.runtime.cli.mqtt;

import dev.vigil.runtime.outbox.PrivateDirectory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the outbox lives when {@code broker.outbox.dir} is not set: never a predictable path in a
 * directory every user can write to. For a broker, a directory per device and broker,
 * {@code <device-id>-<host>-<port>}, in the user's own state directory: under {@code $STATE_DIRECTORY}
 * (systemd's {@code StateDirectory=}) as {@code outbox/<...>}, else under {@code $XDG_STATE_HOME}, else
 * under {@code ~/.local/state}, as {@code vigil/outbox/<...>}; every level Vigil owns is created
 * {@code 0700} or checked ({@link PrivateDirectory}). For the embedded broker, a fresh private temporary
 * directory with a random name.
 */
public final class OutboxLocation {

    private OutboxLocation() {
    }

    /** The outbox directory for {@code deviceId} publishing to {@code brokerUrl}, given the process environment. */
    static Path forBroker(String deviceId, String brokerUrl, Map<String, String> env) throws IOException {
        URI u = URI.create(brokerUrl);
        String leaf = deviceId + "-" + u.getHost() + "-" + (u.getPort() < 0 ? 1883 : u.getPort());
        String state = env.get("STATE_DIRECTORY");
        if (state != null && !state.isBlank()) {
            return PrivateDirectory.under(Path.of(state.split(":")[0]), "outbox", leaf);
        }
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return PrivateDirectory.under(base, "vigil", "outbox", leaf);
    }

    /**
     * The directory event clips go to when {@code events.clips.dir} is not set: {@code clips} under
     * {@code $STATE_DIRECTORY}, else {@code vigil/clips} under {@code $XDG_STATE_HOME} or
     * {@code ~/.local/state}, created {@code 0700} or checked like the outbox's.
     */
    public static Path forClips(Map<String, String> env) throws IOException {
        String state = env.get("STATE_DIRECTORY");
        if (state != null && !state.isBlank()) {
            return PrivateDirectory.under(Path.of(state.split(":")[0]), "clips");
        }
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "state");
        return PrivateDirectory.under(base, "vigil", "clips");
    }

    /** A new temporary directory only this user can enter, for an outbox that lives as long as the run. */
    static Path forEmbedded() throws IOException {
        return Files.createTempDirectory("vigil-outbox-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
