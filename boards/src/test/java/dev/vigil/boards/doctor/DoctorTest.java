package dev.vigil.boards.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.boards.BoardProfiles;
import dev.vigil.runtime.cli.CommandProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil doctor} on fixture hosts and on this machine. */
class DoctorTest {

    private record Run(int exit, String out) {
        long failLines() {
            return out.lines().filter(l -> l.startsWith("[FAIL]")).count();
        }
    }

    private static Run doctor(String... args) {
        StringWriter out = new StringWriter();
        Object command = ServiceLoader.load(CommandProvider.class).stream().map(p -> p.get().command())
                .filter(c -> c instanceof DoctorCommand).findFirst().orElseThrow();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute(args);
        return new Run(exit, out.toString());
    }

    /** A Raspberry Pi 4 root: model, device nodes, groups; this process is uid 1000 in i2c and spi. */
    private static Path pi4(Path root) throws Exception {
        Files.createDirectories(root.resolve("proc/device-tree"));
        Files.write(root.resolve("proc/device-tree/model"), "Raspberry Pi 4 Model B Rev 1.4\0".getBytes());
        Files.writeString(root.resolve("proc/meminfo"), "MemTotal:        3884376 kB\n");
        Files.createDirectories(root.resolve("proc/self"));
        Files.writeString(root.resolve("proc/self/status"), "Name:\tjava\nUid:\t1000\t1000\t1000\t1000\n"
                + "Gid:\t1000\t1000\t1000\t1000\nGroups:\t4 24 997 998 1000\n");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/group"), "root:x:0:\naudio:x:29:pi\ngpio:x:996:pi\ni2c:x:997:pi\n"
                + "spi:x:998:pi\npi:x:1000:\n");
        Files.createDirectories(root.resolve("dev"));
        for (String node : List.of("i2c-1", "spidev0.0", "spidev0.1", "gpiochip0")) {
            Files.createFile(root.resolve("dev").resolve(node));
        }
        return root;
    }

    @Test
    void aWellSetUpPiPassesEveryCheckItCanSee(@TempDir Path dir) throws Exception {
        Path root = pi4(dir);
        Files.writeString(root.resolve("proc/self/status"), "Uid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\n"
                + "Groups:\t29 996 997 998\n");
        Path config = Files.writeString(dir.resolve("vigil.yaml"), "device-id: shed-pump\nbroker:\n  url: embedded\n");
        Run r = doctor("--root", root.toString(), "--config", config.toString(), "--broker", "embedded");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("pi4b (Raspberry Pi 4 Model B), detected from"), r.out());
        assertTrue(r.out().contains("heap 948 MB"), "a quarter of 3.7 GB: " + r.out());
        assertTrue(r.out().contains("2.7 W idle, 6.4 W loaded"), r.out());
        assertTrue(r.out().contains("[OK  ] I2C bus 1"), r.out());
        assertTrue(r.out().contains("[OK  ] GPIO"), r.out());
        assertTrue(r.out().contains("all checks passed"), r.out());
    }

    @Test
    void missingBusesAndGroupsFailWithHintsAndCountInTheExitCode(@TempDir Path dir) throws Exception {
        Path root = pi4(dir);
        Files.delete(root.resolve("dev/spidev0.1"));
        Files.delete(root.resolve("dev/i2c-1"));
        Run r = doctor("--root", root.toString());
        assertTrue(r.out().contains("[FAIL] I2C bus 1      /dev/i2c-1 is missing"), r.out());
        assertTrue(r.out().contains("fix: enable I2C: sudo raspi-config nonint do_i2c 0"), r.out());
        assertTrue(r.out().contains("[FAIL] SPI 0.1        /dev/spidev0.1 is missing"), r.out());
        assertTrue(r.out().contains("[OK  ] SPI 0.0"), r.out());
        assertTrue(r.out().contains("[FAIL] group gpio"), r.out());
        assertTrue(r.out().contains("fix: sudo usermod -aG gpio $USER"), r.out());
        assertTrue(r.out().contains("[FAIL] group audio"), r.out());
        assertTrue(r.out().contains("[OK  ] group i2c"), r.out());
        assertEquals(4, r.exit(), r.out());
        assertEquals(r.exit(), r.failLines());
        assertTrue(r.out().contains("4 checks failed"), r.out());
    }

    @Test
    void forcedBoardConfigModelAndBrokerAreChecked(@TempDir Path dir) throws Exception {
        Path root = pi4(dir);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "device-id: x\nbroker: [embedded\n");
        Path empty = Files.createFile(dir.resolve("model.vigil"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Run r = doctor("--root", root.toString(), "--board", "zero2w", "--config", bad.toString(),
                "--model", empty.toString(), "--broker", "tcp://127.0.0.1:" + closedPort);
        assertTrue(r.out().contains("zero2w (Raspberry Pi Zero 2 W), forced by the board setting"), r.out());
        assertTrue(r.out().contains("not valid YAML") && r.out().contains("(line 2)"), r.out());
        assertTrue(r.out().contains(empty + " is empty"), r.out());
        assertTrue(r.out().contains("127.0.0.1:" + closedPort + " unreachable"), r.out());
        assertTrue(r.out().contains("fix: start the broker"), r.out());
        assertEquals(r.failLines(), r.exit());

        try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run ok = doctor("--root", root.toString(), "--broker", "tcp://127.0.0.1:" + broker.getLocalPort());
            assertTrue(ok.out().contains("[OK  ] broker         127.0.0.1:" + broker.getLocalPort()
                    + " accepts connections"), ok.out());
        }
        Run unknown = doctor("--root", root.toString(), "--board", "pi6");
        assertTrue(unknown.out().contains("[FAIL] board") && unknown.out().contains("unknown board 'pi6'"),
                unknown.out());
    }

    @Test
    void onThisMachineItReportsTheGenericProfileAndSkipsEachMissingBusWithTheReason() {
        Assumptions.assumeFalse(Files.exists(Path.of("/proc/device-tree/model")),
                "this host has a device tree: the generic-host expectations do not apply");
        Run r = doctor();
        assertTrue(r.out().contains("board          generic (Generic Linux host), no device-tree model"), r.out());
        List<String> missing = new ArrayList<>();
        var generic = BoardProfiles.builtIn().generic();
        for (int bus : generic.i2cBuses()) {
            if (!Files.exists(Path.of("/dev/i2c-" + bus))) {
                missing.add("[SKIP] I2C bus " + bus + "      /dev/i2c-" + bus + " is missing: Generic Linux host has no I2C header");
            }
        }
        for (String spi : generic.spiDevices()) {
            if (!Files.exists(Path.of("/dev/spidev" + spi))) {
                missing.add("[SKIP] SPI " + spi + "        /dev/spidev" + spi + " is missing: Generic Linux host has no SPI header");
            }
        }
        for (String line : missing) {
            assertTrue(r.out().contains(line), line + " in:\n" + r.out());
        }
        assertTrue(r.out().contains("[SKIP] GPIO           Generic Linux host has no GPIO header"), r.out());
        assertEquals(r.failLines(), r.exit(), r.out());
    }

    /** A generic host (no device tree, no buses) and a user in 'audio' but in none of the header's groups. */
    private static Path genericHost(Path root) throws Exception {
        Files.createDirectories(root.resolve("proc/self"));
        Files.writeString(root.resolve("proc/meminfo"), "MemTotal:        8000000 kB\n");
        Files.writeString(root.resolve("proc/self/status"), "Uid:\t1000\t1000\t1000\t1000\n"
                + "Gid:\t1000\t1000\t1000\t1000\nGroups:\t29 1000\n");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/group"), "root:x:0:\naudio:x:29:me\ni2c:x:997:\nme:x:1000:\n");
        Files.createDirectories(root.resolve("dev"));
        return root;
    }

    @Test
    void aHostWithoutBusesSkipsI2cSpiAndGpioAlikeAndPassesWhenNothingElseIsWrong(@TempDir Path dir) throws Exception {
        Run r = doctor("--root", genericHost(dir.resolve("root")).toString());
        assertTrue(r.out().contains("[SKIP] I2C bus 1      /dev/i2c-1 is missing: Generic Linux host has no I2C header"), r.out());
        assertTrue(r.out().contains("[SKIP] SPI 0.0        /dev/spidev0.0 is missing: Generic Linux host has no SPI header"), r.out());
        assertTrue(r.out().contains("[SKIP] GPIO           Generic Linux host has no GPIO header"), r.out());
        assertTrue(r.out().contains("[SKIP] group i2c      this user is not in 'i2c': not needed"), r.out());
        assertEquals(0, r.failLines(), r.out());
        assertEquals(0, r.exit(), "skips are not failures: " + r.out());
        assertTrue(r.out().contains("all checks passed"), r.out());
    }

    @Test
    void theConfigIsCheckedByTheLoaderRunUsesSoAnUnknownKeyFailsAsInReplay(@TempDir Path dir) throws Exception {
        Path root = genericHost(dir.resolve("root"));
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "device-id: shed\nsensors:\n  audio:\n    bandz: 4\n");
        Run r = doctor("--root", root.toString(), "--config", typo.toString());
        assertTrue(r.out().contains("[FAIL] config         " + typo + ": unknown key 'sensors.audio.bandz'"), r.out());
        assertEquals(1, r.exit(), r.out());
        StringWriter err = new StringWriter();
        CommandLine replay = dev.vigil.runtime.cli.VigilCli.commandLine();
        replay.setErr(new PrintWriter(err));
        replay.setOut(new PrintWriter(new StringWriter()));
        assertEquals(1, replay.execute("replay", "no-such.vlog", "--config", typo.toString(), "--no-mqtt"));
        String line = r.out().lines().filter(l -> l.startsWith("[FAIL] config")).findFirst().orElseThrow();
        String doctorMessage = line.substring(line.indexOf(typo.toString()));
        assertEquals("vigil: error: " + doctorMessage, err.toString().strip(), "the same words as replay");
    }

    @Test
    void sourcesAreListedAndAnUnknownDriverFails(@TempDir Path dir) throws Exception {
        Path root = genericHost(dir.resolve("root"));
        Path none = Files.writeString(dir.resolve("none.yaml"), "device-id: shed\n");
        Run idle = doctor("--root", root.toString(), "--config", none.toString());
        assertTrue(idle.out().contains("[SKIP] sources        no live sources in " + none
                + ": the service runs nothing until a 'sources' list is added"), idle.out());
        assertEquals(0, idle.exit(), idle.out());
        Path two = Files.writeString(dir.resolve("two.yaml"), "sources:\n  - driver: synth\n  - driver: microphone\n");
        assertTrue(doctor("--root", root.toString(), "--config", two.toString()).out()
                .contains("[OK  ] sources        synth, microphone"));
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "sources:\n  - driver: adxl346\n");
        Run bad = doctor("--root", root.toString(), "--config", typo.toString());
        assertTrue(bad.out().contains("[FAIL] sources        no driver 'adxl346' (available: "), bad.out());
        assertEquals(1, bad.exit(), bad.out());
    }
}
