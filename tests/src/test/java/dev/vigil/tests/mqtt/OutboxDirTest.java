package dev.vigil.tests.mqtt;

import dev.vigil.runtime.outbox.Outbox;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where the outbox lives when {@code broker.outbox.dir} is not set: a directory of the user's own
 * (created 0700, checked for owner and symbolic links), never a predictable path in a directory every
 * user can write to. Another local user plays the attacker ({@code runuser -u nobody}).
 */
class OutboxDirTest {
    private static final String PLANTED = "planted-by-nobody";

    /** Runs {@code script} as user {@code nobody}; the test needs root for that. */
    private static void asNobody(Path dir, String script) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "playing another user needs root");
        Tools.require(Path.of("/usr/sbin/runuser"), "runuser (util-linux)");
        Tools.run(dir, "/usr/sbin/runuser", "-u", "nobody", "--", "sh", "-c", script);
    }

    /** A directory every user may write to, as /tmp is (mode 1777), inside the test's own. */
    private static Path sharedDir(Path tmp, String name) throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.createDirectories(tmp.resolve(name));
        Tools.run(tmp, "chmod", "1777", shared.toString());
        return shared;
    }

    /** The environment of a user whose home is {@code home}, with no state directory given. */
    private static Map<String, String> homeOnly(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_STATE_HOME", null);
        env.put("STATE_DIRECTORY", null);
        env.put("HOME", home.toString());
        return env;
    }

    private static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void anotherUsersPreparedTempDirectoryIsNeitherReadNorWritten(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false);
             Subscriber sub = new Subscriber(broker.url(), "vigil/#", false)) {
            Path shared = sharedDir(tmp, "shared");
            Path secret = tmp.resolve("secret");
            Files.writeString(secret, "root only\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Path plant = Files.createDirectories(tmp.resolve("plant"));
            try (Outbox o = Outbox.open(plant, 1 << 20, 1 << 16, false)) {
                o.append("vigil/vigil-demo/detections/dvs", ("{\"id\":\"" + PLANTED + "\"}").getBytes(StandardCharsets.UTF_8), 1, 0);
            }
            Tools.run(tmp, "chmod", "-R", "a+rX", plant.toString());
            String leaf = "vigil-outbox/vigil-demo-127.0.0.1-" + broker.port();
            asNobody(shared, "mkdir -p " + leaf + " && chmod 777 " + leaf + " && cp " + plant + "/seg-* " + leaf
                    + "/ && ln -s " + secret + " " + leaf + "/ack");

            Path home = Files.createDirectories(tmp.resolve("home"));
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", null, "drain-on-close-s: 5");
            try (VigilProcess vigil = VigilProcess.start(tmp, "vigil", List.of("-Djava.io.tmpdir=" + shared), homeOnly(home),
                    "replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(), "--broker", broker.url())) {
                assertEquals(0, vigil.waitFor(60_000), vigil.err());
                assertEquals(3, vigil.jsonLines().size(), vigil.err());
                Path outbox = home.resolve(".local/state/vigil/outbox/vigil-demo-127.0.0.1-" + broker.port());
                assertTrue(vigil.err().contains("outbox " + outbox), vigil.err());
                for (Path level : List.of(outbox.getParent().getParent(), outbox.getParent(), outbox)) {
                    assertEquals("rwx------", permissions(level), level + " is private");
                }
            }
            assertEquals("root only\n", Files.readString(secret), "the file behind the planted link is untouched");
            assertEquals(3, sub.awaitDistinctDetectionIds(3, 10_000).size());
            assertFalse(sub.distinctDetectionIds().contains(PLANTED), "the planted detection is not published as Vigil's");
        }
    }

    @Test
    void aHostileOrLinkedOutboxDirectoryIsRefusedInOneLine(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false)) {
            Path state = sharedDir(tmp, "state");
            String leaf = "vigil/outbox/vigil-demo-127.0.0.1-" + broker.port();
            asNobody(state, "mkdir -p " + leaf + " && chmod -R 777 vigil");
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", null, "drain-on-close-s: 0");
            Map<String, String> env = homeOnly(Files.createDirectories(tmp.resolve("home")));
            env.put("XDG_STATE_HOME", state.toString());
            try (VigilProcess vigil = VigilProcess.start(tmp, "hostile", List.of(), env,
                    "replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(), "--broker", broker.url())) {
                assertEquals(1, vigil.waitFor(60_000), vigil.err());
                String err = vigil.err().strip();
                assertEquals(1, err.lines().count(), err);
                assertTrue(err.contains(state.resolve("vigil").toString()) && err.contains("owned by nobody"), err);
                assertTrue(err.contains("broker.outbox.dir"), "the fix is named: " + err);
                assertTrue(vigil.jsonLines().isEmpty());
            }

            Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
            Path link = Files.createSymbolicLink(tmp.resolve("linked-outbox"), elsewhere);
            Path linked = TestConfigs.write(tmp, "linked.yaml", "", link, "drain-on-close-s: 0");
            CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", linked.toString(),
                    "--broker", broker.url());
            assertEquals(1, run.exitCode(), run.err());
            String err = run.err().strip();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains(link.toString()) && err.contains("symbolic link"), err);
            try (var files = Files.list(elsewhere)) {
                assertEquals(0, files.count(), "nothing was written through the link");
            }
        }
    }
}
