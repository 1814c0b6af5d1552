package dev.vigil.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Board detection from fixture {@code /proc/device-tree/model} files (NUL-terminated, as the kernel writes them). */
class BoardDetectorTest {
    private final BoardProfiles profiles = BoardProfiles.builtIn();

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(BoardDetectorTest.class.getResource("/models/" + name + ".model").toURI());
    }

    @ParameterizedTest
    @CsvSource({
        "pi5, pi5, Raspberry Pi 5 Model B Rev 1.0",
        "pi4b, pi4b, Raspberry Pi 4 Model B Rev 1.5",
        "pi3bplus, pi3bplus, Raspberry Pi 3 Model B Plus Rev 1.3",
        "zero2w, zero2w, Raspberry Pi Zero 2 W Rev 1.0",
        "cm4, cm4, Raspberry Pi Compute Module 4 Rev 1.0",
        "generic, generic, Radxa ROCK 5B",
        "pi400, generic, Raspberry Pi 400 Rev 1.0"
    })
    void detectsEveryProfileFromItsModelFile(String fixture, String expectedId, String model) throws Exception {
        DetectedBoard b = new BoardDetector(profiles, fixture(fixture)).detect(null);
        assertEquals(expectedId, b.profile().id());
        assertEquals(model, b.model(), "the trailing NUL is dropped");
    }

    @Test
    void everyProfileIsCoveredByAFixture() {
        List<String> ids = profiles.all().stream().map(BoardProfile::id).collect(Collectors.toList());
        assertEquals(List.of("pi5", "cm4", "pi4b", "pi3bplus", "zero2w", "generic"), ids);
    }

    @Test
    void aHostWithoutADeviceTreeIsGeneric(@org.junit.jupiter.api.io.TempDir Path dir) {
        DetectedBoard b = new BoardDetector(profiles, dir.resolve("missing")).detect("");
        assertEquals("generic", b.profile().id());
        assertTrue(b.how().startsWith("no device-tree model"), b.how());
        assertTrue(!b.profile().gpio(), "the generic host drives no GPIO");
    }

    @Test
    void aHostWithoutADeviceTreeIsKnownBoardlessWithoutReadingTheProfiles(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        BoardDetector lazy = new BoardDetector(() -> {
            throw new AssertionError("the profiles were read");
        }, dir.resolve("missing"));
        assertTrue(lazy.boardless(null));
        assertTrue(lazy.boardless(" "));
        assertTrue(!lazy.boardless("pi4b"), "a forced board");
        assertTrue(!new BoardDetector(profiles, fixture("generic")).boardless(""), "a model file, even of an unknown board");
        int[] reads = {0};
        BoardDetector counted = new BoardDetector(() -> {
            reads[0]++;
            return profiles;
        }, fixture("pi4b"));
        assertEquals("pi4b", counted.detect(null).profile().id());
        assertEquals("pi4b", counted.detect("").profile().id());
        assertEquals(1, reads[0], "the profiles are read once, on the first detection");
    }

    @Test
    void aSettingForcesTheBoardAndUnknownIdsAreRefused() throws Exception {
        DetectedBoard b = new BoardDetector(profiles, fixture("generic")).detect("pi4b");
        assertEquals("pi4b", b.profile().id());
        assertEquals("forced by the board setting", b.how());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BoardDetector(profiles, fixture("pi4b")).detect("pi6"));
        assertTrue(e.getMessage().contains("'pi6'") && e.getMessage().contains("zero2w"), e.getMessage());
    }

    @Test
    void profilesCarryBusesPinsAndPower() {
        BoardProfile pi4 = profiles.byId("pi4b");
        assertEquals(List.of(1), pi4.i2cBuses());
        assertEquals(List.of("0.0", "0.1"), pi4.spiDevices());
        assertEquals(17, pi4.pins().wake());
        assertEquals(2.7, pi4.power().idleW());
        assertEquals(6.4, pi4.power().loadedW());
        assertEquals(4.55, pi4.power().wattsAt(0.5), 1e-9);
        assertEquals(pi4.name(), pi4.power().name(), "the figures are named after their board");
        assertTrue(!profiles.generic().power().known());
        for (BoardProfile p : profiles.all()) {
            if (p.gpio()) {
                assertTrue(p.power().loadedW() > p.power().idleW(), p.id());
                assertTrue(p.gpioChip().startsWith("gpiochip"), p.id());
            }
        }
    }

    @Test
    void memoryDefaultsFollowTheMemoryPresent(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        BoardProfile zero = profiles.byId("zero2w");
        assertEquals(new MemoryDefaults(128, 32), MemoryDefaults.of(zero, 427));
        BoardProfile pi4 = profiles.byId("pi4b");
        assertEquals(new MemoryDefaults(256, 128), MemoryDefaults.of(pi4, 0), "unknown memory: the profile's");
        assertEquals(new MemoryDefaults(1024, 512), MemoryDefaults.of(pi4, 7_800));
        Path meminfo = dir.resolve("meminfo");
        java.nio.file.Files.writeString(meminfo, "MemTotal:         944156 kB\nMemFree:  1 kB\n");
        assertEquals(922, MemoryDefaults.totalMb(meminfo));
        assertEquals(230, MemoryDefaults.of(pi4, MemoryDefaults.totalMb(meminfo)).heapMb());
    }
}
