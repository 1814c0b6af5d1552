package dev.vigil.boards.deb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher {@code bin/vigil} passes each JDK the options it needs and knows: native access for
 * JNA and the GPIO plugin from JDK 22 (24+ warns without it), quiet {@code sun.misc.Unsafe} from 24,
 * neither on Java 21; heap, GC and code cache for the board's memory; a class-data-sharing archive in
 * a writable directory. Run against a stand-in {@code java} that reports its version and echoes its
 * arguments.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("src/main/dist/bin/vigil").toAbsolutePath();

    private static Path fakeJdk(Path dir, int major) throws Exception {
        return fakeJdk(dir, major + ".0.2");
    }

    /**
     * A stand-in JDK without a {@code release} file that answers {@code -XshowSettings} with {@code version}, prints
     * "marked" when the launcher's archive mark is there and removes it as a JVM exiting in order does.
     */
    private static Path fakeJdk(Path dir, String version) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("jdk-" + version + "/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\n"
                + "if [ \"$1\" = -XshowSettings:properties ]; then echo '    java.version = " + version
                + "' >&2; exit 0; fi\n"
                + "for a in \"$@\"; do echo \"arg: $a\"; done\n"
                + "for a in \"$@\"; do case $a in -Dvigil.cds-marker=*) [ -e \"${a#*=}\" ] && echo marked;"
                + " rm -f \"${a#*=}\" ;; esac; done\n");
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

    @Test
    void theVersionComesFromTheReleaseFileWithoutStartingAJvm(@TempDir Path dir) throws Exception {
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"23.0.1\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\n"
                + "if [ \"$1\" = -XshowSettings:properties ]; then echo probed >&2; exit 3; fi\n"
                + "for a in \"$@\"; do echo \"arg: $a\"; done\n"
                + "for a in \"$@\"; do case $a in -Dvigil.cds-marker=*) [ -e \"${a#*=}\" ] && echo marked;"
                + " rm -f \"${a#*=}\" ;; esac; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> args = launch(dir, Map.of("JAVA_HOME", jdk.toString()));
        assertTrue(args.contains("--enable-native-access=ALL-UNNAMED"), "23 read from release: " + args);
        assertFalse(args.contains("--sun-misc-unsafe-memory-access=allow"), args::toString);
    }

    @ParameterizedTest
    @CsvSource({
        "491520, -Xmx128m",    // Zero 2 W (512 MB)
        "931840, -Xmx227m",    // 1 GB Pi 3B+ (MemTotal under 1 GiB)
        "3884000, -Xmx948m",   // 4 GB Pi 4
        "8000000, -Xmx1024m",  // 8 GB: capped at 1 GB
    })
    void theHeapsCeilingFollowsTheBoardsMemoryAndTheRestIsLeanOnEveryBoard(long memKb, String xmx, @TempDir Path dir)
            throws Exception {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "MemTotal:       " + memKb + " kB\nMemFree: 1 kB\n");
        List<String> args = launch(dir, Map.of("JAVA_HOME", fakeJdk(dir, 25).toString(), "VIGIL_MEMINFO", meminfo.toString(),
                "VIGIL_CDS", "off"));
        assertTrue(args.contains(xmx) && args.contains("-XX:+UseSerialGC"), memKb + " kB: " + args);
        assertTrue(args.containsAll(List.of("-Xms16m", "-XX:ReservedCodeCacheSize=32m", "-Xss512k",
                "-XX:TrimNativeHeapInterval=10000")), args::toString);
        assertEquals(1, args.stream().filter(a -> a.startsWith("-Xmx")).count(), args::toString);
    }

    @Test
    void theServiceKeepsItsHeapTightAndBatchCommandsKeepTheJvmsRule(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", fakeJdk(dir, 25).toString(), "VIGIL_CDS", "off");
        List<String> tight = List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:Tier3InvocationThreshold=20000",
                "-XX:Tier3MinInvocationThreshold=10000", "-XX:Tier3CompileThreshold=200000", "-Djdk.reflect.useNativeAccessorOnly=true");
        Command run = Command.run(dir, env, List.of("bash", LAUNCHER.toString(), "run", "--config", "x.yaml"));
        assertTrue(run.output().lines().map(l -> l.replace("arg: ", "")).toList().containsAll(tight), run.output());
        assertFalse(launch(dir, env).stream().anyMatch(tight::contains), "--version");
        Command eval = Command.run(dir, env, List.of("bash", LAUNCHER.toString(), "eval", "x.vlog"));
        assertFalse(eval.output().lines().map(l -> l.replace("arg: ", "")).anyMatch(tight::contains), eval.output());
    }

    @ParameterizedTest
    @CsvSource({
        "replay, '', false",     // runs a log as the service would
        "replay, on, true",
        "eval, '', true",
        "train, '', true",
        "simulate, '', true",
        "report, '', true",
        "bench, '', true",
        "run, '', false",        // the service: only on request
        "run, on, true",
        "eval, off, false",
        "devices, on, false",    // commands that run no network never load it
        "--version, '', false",
    })
    void theVectorApiIsLoadedForTheCommandsThatRunNetworks(String command, String setting, boolean loaded,
                                                          @TempDir Path dir) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", fakeJdk(dir, 25).toString(), "VIGIL_CDS", "off"));
        if (!setting.isEmpty()) {
            env.put("VIGIL_VECTOR", setting);
        }
        List<String> args = launch(LAUNCHER, dir, env, command);
        assertEquals(loaded, args.contains("--add-modules=jdk.incubator.vector"), command + " " + setting + ": " + args);
    }

    @Test
    void aWrongVectorSettingIsRefusedNamingTheVariable(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("JAVA_HOME", fakeJdk(dir, 25).toString(), "VIGIL_CDS", "off", "VIGIL_VECTOR", "yes");
        Command c = Command.run(dir, env, List.of("bash", LAUNCHER.toString(), "devices"));
        assertEquals(2, c.exit(), c.output());
        assertTrue(c.output().contains("VIGIL_VECTOR is 'yes': use on"), c.output());
    }

    @ParameterizedTest
    @CsvSource({
        "21, false, false",      // no update number: as 21.0.0
        "21-ea, false, false",
        "21.0.0, false, false",  // the option came in 21.0.1
        "21.0.1, true, true",    // experimental until 21.0.3
        "21.0.3, true, true",
        "21.0.4, true, false",   // a product option from 21.0.4
        "21.0.10, true, false",
        "22.0.1, true, false",
        "25, true, false",
    })
    void theCHeapIsTrimmedWhereTheJdkKnowsHow(String version, boolean trim, boolean unlock, @TempDir Path dir) throws Exception {
        List<String> args = launch(dir, Map.of("JAVA_HOME", fakeJdk(dir, version).toString(), "VIGIL_CDS", "off"));
        assertEquals(trim, args.contains("-XX:TrimNativeHeapInterval=10000"), version + ": " + args);
        assertEquals(unlock, args.contains("-XX:+UnlockExperimentalVMOptions"), version + ": " + args);
    }

    @Test
    void theLaunchersStartTimeIsPassedForTheStartupFigure(@TempDir Path dir) throws Exception {
        long before = System.currentTimeMillis() * 1000;
        List<String> args = launch(dir, Map.of("JAVA_HOME", fakeJdk(dir, 25).toString(), "VIGIL_CDS", "off"));
        long after = System.currentTimeMillis() * 1000 + 1000;
        String launched = args.stream().filter(a -> a.startsWith("-Dvigil.launched-us=")).findFirst().orElseThrow();
        long us = Long.parseLong(launched.substring("-Dvigil.launched-us=".length()));
        assertTrue(us >= before - 1000 && us <= after, before + " <= " + us + " <= " + after);
    }

    @Test
    void javaOptsReplaceTheMemoryDefaults(@TempDir Path dir) throws Exception {
        List<String> args = launch(dir, Map.of("JAVA_HOME", fakeJdk(dir, 25).toString(), "VIGIL_JAVA_OPTS", "-Xmx32m -Dx=1",
                "VIGIL_CDS", "off"));
        assertTrue(args.contains("-Xmx32m") && args.contains("-Dx=1"), args::toString);
        assertFalse(args.stream().anyMatch(a -> a.startsWith("-Xms") || a.equals("-XX:+UseSerialGC")
                || a.startsWith("-XX:TrimNativeHeapInterval")), args::toString);
    }

    @Test
    void aSharedArchiveIsKeptInAWritableDirectoryPerJdk(@TempDir Path dir) throws Exception {
        Archived setup = Archived.in(dir, "state dir/cds");
        Path jdk = setup.jdk();
        Path cds = setup.cds();
        Path launcher = setup.launcher();
        Map<String, String> env = setup.env();
        List<String> args = launch(launcher, dir, env, "run");
        assertTrue(args.contains("-XX:+AutoCreateSharedArchive"), args::toString);
        String archive = args.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow();
        assertTrue(archive.startsWith("-XX:SharedArchiveFile=" + cds.resolve("vigil-java25-")) && archive.endsWith(".jsa"),
                "one argument despite the space, named after the JDK and the jars: " + args);
        assertTrue(args.contains("-Xlog:cds=off,cds+dynamic=off"), "archive messages stay off stdout: " + args);
        Files.writeString(Path.of(archive.substring("-XX:SharedArchiveFile=".length())), "as the JVM leaves it on exit");
        Path stale = Files.writeString(cds.resolve("vigil-java25-1.jsa"), "");
        List<String> again = launch(launcher, dir, env, "run");
        assertTrue(again.contains(archive), "the same jars, the same archive: " + again);
        assertTrue(Files.exists(stale), "an archive is only dropped when a new one is due");
        Files.writeString(launcher.getParent().resolveSibling("lib").resolve("b.jar"), "another jar");
        List<String> changed = launch(launcher, dir, env, "run");
        assertFalse(changed.contains(archive), "other jars, another archive: " + changed);
        assertFalse(Files.exists(stale), "older archives are dropped");
        assertTrue(Files.isDirectory(cds));

        List<String> off = launch(dir, Map.of("JAVA_HOME", jdk.toString(), "VIGIL_CDS_DIR", cds.toString(), "VIGIL_CDS", "off"));
        assertFalse(off.stream().anyMatch(a -> a.contains("SharedArchive")), off::toString);

        Path file = Files.writeString(dir.resolve("not-a-dir"), "");
        List<String> blocked = launch(dir, Map.of("JAVA_HOME", jdk.toString(), "VIGIL_CDS_DIR", file.resolve("cds").toString()));
        assertFalse(blocked.stream().anyMatch(a -> a.contains("SharedArchive")), "no archive where none can be written: " + blocked);
    }

    /**
     * Only {@code vigil run} writes the archive: the JVM dumps the classes of whichever process made it and
     * never re-makes a valid one, so an archive left by {@code --version}, {@code bench} or a replay without
     * MQTT lacked the broker's and the client's classes and the service's start-up took 0.8 s instead of 0.5 s
     * for good. Other commands map the archive when it is there and never write it.
     */
    @Test
    void onlyVigilRunWritesTheArchiveOtherCommandsOnlyMapIt(@TempDir Path dir) throws Exception {
        Archived setup = Archived.in(dir, "cds");
        Path launcher = setup.launcher();
        Map<String, String> env = setup.env();
        for (String command : List.of("--version", "bench", "replay")) {
            List<String> args = launch(launcher, dir, env, command);
            assertFalse(args.stream().anyMatch(a -> a.contains("SharedArchive")), command + " before any run: " + args);
        }
        List<String> run = launch(launcher, dir, env, "run");
        String archive = run.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow();
        Files.writeString(Path.of(archive.substring("-XX:SharedArchiveFile=".length())), "as vigil run leaves it on exit");
        for (String command : List.of("--version", "bench", "replay")) {
            List<String> args = launch(launcher, dir, env, command);
            assertTrue(args.contains(archive), command + " maps the run's archive: " + args);
            assertFalse(args.contains("-XX:+AutoCreateSharedArchive"), command + " never writes it: " + args);
        }
    }

    /**
     * The JVM crashes on a damaged archive (a byte flipped almost anywhere; it checks no checksum), so a command
     * marks the archive while it maps it and the mark goes when it exits in order. A mark whose process is gone
     * (crash, kill, power cut) has the next launch drop the archive, say so in one line, and start without it;
     * the mark of a process still alive is a start under way and keeps the archive.
     */
    @Test
    void anArchiveMappedByACommandThatDiedIsDroppedAtTheNextStart(@TempDir Path dir) throws Exception {
        Archived setup = Archived.in(dir, "cds");
        Path cds = setup.cds();
        Path launcher = setup.launcher();
        Map<String, String> env = setup.env();
        List<String> run = launch(launcher, dir, env, "run");
        String option = run.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow();
        Path archive = Files.writeString(Path.of(option.substring("-XX:SharedArchiveFile=".length())), "as vigil run leaves it");
        Command mapped = Command.run(dir, env, List.of("bash", launcher.toString(), "--version"));
        assertTrue(mapped.output().contains("arg: -Dvigil.cds-marker=" + archive + ".pid-")
                && mapped.output().contains("marked"), "a command that maps the archive is marked while it runs: " + mapped.output());
        try (var marks = Files.list(cds)) {
            assertEquals(List.of(archive), marks.toList(), "the mark goes with an orderly exit");
        }

        Path alive = Files.writeString(Path.of(archive + ".pid-" + ProcessHandle.current().pid()), "");
        assertTrue(launch(launcher, dir, env, "--version").contains(option), "a start under way keeps the archive");
        Files.delete(alive);

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(Path.of(archive + ".pid-" + gone.pid()), "");
        Command after = Command.run(dir, env, List.of("bash", launcher.toString(), "--version"));
        assertEquals(0, after.exit(), after.output());
        assertTrue(after.output().contains("vigil: dropped the class-data-sharing archive " + archive + ": the command that last"
                + " mapped it (pid " + gone.pid() + ") did not exit in order"), after.output());
        assertFalse(after.output().contains("SharedArchive"), "the start goes on without it: " + after.output());
        try (var left = Files.list(cds)) {
            assertEquals(List.of(), left.toList(), "archive and mark are gone");
        }
        assertTrue(launch(launcher, dir, env, "run").contains("-XX:+AutoCreateSharedArchive"), "the next run makes a new one");
    }

    /**
     * An archive the launcher cannot drop (another user's, in a shared directory) after a command died mapping it is
     * not mapped: the start goes on without it and says why, rather than claiming it dropped it and crashing on it.
     * Here the archive's name is a non-empty directory, which {@code rm -f} cannot remove whoever runs the test.
     */
    @Test
    void anArchiveThatCannotBeDroppedIsNotMapped(@TempDir Path dir) throws Exception {
        Archived setup = Archived.in(dir, "cds");
        List<String> run = launch(setup.launcher(), dir, setup.env(), "run");
        String option = run.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow();
        Path archive = Path.of(option.substring("-XX:SharedArchiveFile=".length()));
        Files.writeString(Files.createDirectories(archive).resolve("kept"), "not removable by rm -f");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(Path.of(archive + ".pid-" + gone.pid()), "");
        Command after = Command.run(dir, setup.env(), List.of("bash", setup.launcher().toString(), "--version"));
        assertEquals(0, after.exit(), after.output());
        assertTrue(after.output().contains("vigil: cannot drop the class-data-sharing archive " + archive + ", which the command"
                + " that last mapped it (pid " + gone.pid() + ") left after it died"), after.output());
        assertFalse(after.output().contains("dropped the"), after.output());
        assertFalse(after.output().contains("SharedArchive"), "a suspect archive is not mapped: " + after.output());
    }

    /** A stand-in JDK 25, a distribution and the environment that keeps its archive in {@code cds}. */
    private record Archived(Path jdk, Path cds, Path launcher, Map<String, String> env) {
        static Archived in(Path dir, String cdsDir) throws Exception {
            Path jdk = fakeJdk(dir, 25);
            Path cds = dir.resolve(cdsDir);
            return new Archived(jdk, cds, distribution(dir), Map.of("JAVA_HOME", jdk.toString(), "VIGIL_CDS_DIR", cds.toString()));
        }
    }

    /** A copy of the launcher in {@code dir/dist/bin} beside a {@code lib} holding one jar; its path. */
    private static Path distribution(Path dir) throws Exception {
        Path launcher = Files.createDirectories(dir.resolve("dist/bin")).resolve("vigil");
        Files.copy(LAUNCHER, launcher);
        Files.writeString(Files.createDirectories(dir.resolve("dist/lib")).resolve("a.jar"), "a jar");
        return launcher;
    }

    private static List<String> launch(Path dir, Map<String, String> env) throws Exception {
        return launch(LAUNCHER, dir, env);
    }

    private static List<String> launch(Path launcher, Path dir, Map<String, String> env) throws Exception {
        return launch(launcher, dir, env, "--version");
    }

    private static List<String> launch(Path launcher, Path dir, Map<String, String> env, String command) throws Exception {
        Command c = Command.run(dir, env, List.of("bash", launcher.toString(), command));
        assertEquals(0, c.exit(), c.output());
        assertFalse(c.output().contains("probed"), "the launcher started java to learn its version: " + c.output());
        return c.output().lines().filter(l -> l.startsWith("arg: ")).map(l -> l.substring(5)).toList();
    }
}
