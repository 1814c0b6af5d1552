package dev.vigil.boards.deb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher {@code bin/vigil} passes each JDK the options it needs and knows: native access for
 * JNA and the GPIO plugin from JDK 22 (24+ warns without it), quiet {@code sun.misc.Unsafe} from 24,
 * neither on Java 21. Run against a stand-in {@code java} that reports its version and echoes its
 * arguments.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("src/main/dist/bin/vigil").toAbsolutePath();

    private static Path fakeJdk(Path dir, int major) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("jdk-" + major + "/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "if [ \"$1\" = -XshowSettings:properties ]; then echo '    java.specification.version = " + major
                + "' >&2; exit 0; fi\n"
                + "for a in \"$@\"; do echo \"arg: $a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.getParent();
    }

    @ParameterizedTest
    @CsvSource({"21, false, false", "22, true, false", "23, true, false", "24, true, true", "25, true, true"})
    void optionsFollowTheJdk(int major, boolean nativeAccess, boolean unsafe, @TempDir Path dir) throws Exception {
        Path jdk = fakeJdk(dir, major);
        Command c = Command.run(dir, Map.of("JAVA_HOME", jdk.toString()), List.of("bash", LAUNCHER.toString(), "--version"));
        assertEquals(0, c.exit(), c.output());
        List<String> args = c.output().lines().filter(l -> l.startsWith("arg: ")).map(l -> l.substring(5)).toList();
        assertEquals(nativeAccess, args.contains("--enable-native-access=ALL-UNNAMED"), "Java " + major + ": " + args);
        assertEquals(unsafe, args.contains("--sun-misc-unsafe-memory-access=allow"), "Java " + major + ": " + args);
        assertTrue(args.contains("dev.vigil.runtime.cli.VigilCli") && args.getLast().equals("--version"), args::toString);
        assertFalse(args.contains(""), "no empty argument where an option is left out: " + args);
    }
}
