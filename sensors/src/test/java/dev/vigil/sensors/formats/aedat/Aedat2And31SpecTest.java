package dev.vigil.sensors.formats.aedat;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.SkippedElements;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** AEDAT 2.0 and 3.1 files built from the jAER and cAER format descriptions (no real file is at hand). */
public class Aedat2And31SpecTest {

    /** Writes an AEDAT 2.0 file for {@code chip} with the given raw addresses and timestamps. */
    public static Path aedat2(Path dir, String chip, int[] addresses, int[] times) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("#!AER-DAT2.0\r\n# This is a raw AE data file created by AEFileOutputStream\r\n# AEChip: " + chip
                + "\r\n#End Of ASCII Header\r\n").getBytes(StandardCharsets.US_ASCII));
        ByteBuffer b = ByteBuffer.allocate(8 * addresses.length).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < addresses.length; i++) {
            b.putInt(addresses[i]).putInt(times[i]);
        }
        out.writeBytes(b.array());
        Path f = dir.resolve("file.aedat");
        Files.write(f, out.toByteArray());
        return f;
    }

    @Test
    void aedat2Dvs128Addresses(@TempDir Path dir) throws IOException {
        // jAER DVS128 raw address = y*256 + (127-x)*2 + polarity; bit 15 marks an external event.
        int[] addr = {10 * 256 + (127 - 3) * 2 + 1, 127 * 256 + (127 - 127) * 2, 0x8000, 0};
        Path f = aedat2(dir, "ch.unizh.ini.jaer.chip.retina.DVS128", addr, new int[] {100, 200, 250, 300});
        assertEquals(LogFormat.AEDAT2, LogFormats.detectFormat(f));
        try (SensorSource s = LogFormats.open(f)) {
            assertEquals(128, s.streams().get(0).width());
            TestData.Events e = TestData.events(s);
            assertArrayEquals(new int[] {3, 127, 127}, e.x());
            assertArrayEquals(new int[] {10, 127, 0}, e.y());
            assertArrayEquals(new int[] {1, 0, 0}, e.p());
            assertArrayEquals(new long[] {100, 200, 300}, e.t());
            assertEquals(1L, ((SkippedElements) s).skippedElements().get("external events"));
        }
    }

    @Test
    void aedat2DavisAddresses(@TempDir Path dir) throws IOException {
        // DAVIS: y bits 22-30, x bits 12-21, polarity bit 11, bit 31 = APS/IMU sample.
        int[] addr = {(179 << 22) | (239 << 12) | (1 << 11), (5 << 22) | (6 << 12), 0x8000_0000 | 1234};
        Path f = aedat2(dir, "eu.seebetter.ini.chips.davis.DAVIS240C", addr, new int[] {1, 2, 3});
        try (SensorSource s = LogFormats.open(f)) {
            assertEquals(240, s.streams().get(0).width());
            assertEquals(180, s.streams().get(0).height());
            TestData.Events e = TestData.events(s);
            assertArrayEquals(new int[] {239, 6}, e.x());
            assertArrayEquals(new int[] {179, 5}, e.y());
            assertArrayEquals(new int[] {1, 0}, e.p());
            assertEquals(1L, ((SkippedElements) s).skippedElements().get("APS/IMU samples"));
        }
    }

    static byte[] packet(int type, int size, int overflow, ByteBuffer events, int number) {
        ByteBuffer h = ByteBuffer.allocate(28 + size * number).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) type).putShort((short) 1).putInt(size).putInt(4).putInt(overflow)
                .putInt(number).putInt(number).putInt(number);
        h.put(events.array(), 0, size * number);
        return h.array();
    }

    /** Writes an AEDAT 3.1 file: two polarity packets (one invalid event), an IMU6 packet, a special packet. */
    public static Path aedat31(Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("#!AER-DAT3.1\r\n#Format: RAW\r\n#Source 1: DAVIS346B\r\n#Start-Time: 2024-01-01\r\n#!END-HEADER\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        ByteBuffer pol = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        pol.putInt((345 << 17) | (259 << 2) | 2 | 1).putInt(1000);   // valid ON at (345, 259)
        pol.putInt((10 << 17) | (20 << 2) | 0).putInt(1001);         // invalid: skipped
        pol.putInt((1 << 17) | (2 << 2) | 1).putInt(5);              // valid OFF, timestamp after an overflow
        out.writeBytes(packet(1, 8, 0, pol, 2));
        ByteBuffer pol2 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        pol2.put(pol.array(), 16, 8);
        out.writeBytes(packet(1, 8, 1, pol2, 1));
        ByteBuffer imu = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        imu.putInt(1).putInt(1500).putFloat(0.1f).putFloat(-0.2f).putFloat(0.98f).putFloat(1).putFloat(2).putFloat(3).putFloat(30);
        out.writeBytes(packet(3, 36, 0, imu, 1));
        out.writeBytes(packet(0, 8, 0, ByteBuffer.allocate(16), 2));   // special events
        Path f = dir.resolve("file31.aedat");
        Files.write(f, out.toByteArray());
        return f;
    }

    @Test
    void aedat31PolarityImuAndSkippedPackets(@TempDir Path dir) throws IOException {
        Path f = aedat31(dir);
        assertEquals(LogFormat.AEDAT31, LogFormats.detectFormat(f));
        // The file steps 35 minutes between its two events, past the default time-jump bound (60 s) that
        // would re-base the second event as damage; the overflow arithmetic is checked with a wider bound.
        FormatOptions overflowStep = FormatOptions.defaults().withMaxTimeJumpUs(1L << 32);
        try (SensorSource s = LogFormats.open(f, overflowStep)) {
            assertEquals(346, s.streams().get(0).width());
            assertEquals(StreamKind.VIBRATION, s.streams().get(1).kind());
            TestData.Events e = TestData.events(s);
            assertArrayEquals(new int[] {345, 1}, e.x());
            assertArrayEquals(new int[] {259, 2}, e.y());
            assertArrayEquals(new int[] {1, 0}, e.p());
            assertArrayEquals(new long[] {1000, (1L << 31) + 5}, e.t());
            assertEquals(1L, ((SkippedElements) s).skippedElements().get("invalid events"));
            assertEquals(2L, ((SkippedElements) s).skippedElements().get("special events"));
            assertEquals(List.of(), s.problems());
        }
        try (SensorSource s = LogFormats.open(f)) {
            assertArrayEquals(new long[] {1000, 1000}, TestData.events(s).t(), "by default the step is damage, re-based");
            assertEquals(1, s.problems().size(), s.problems()::toString);
        }
        try (SensorSource s = LogFormats.open(f)) {
            TestData.Samples imuBack = TestData.samples(s);
            assertEquals(1, imuBack.frames());
            assertEquals(1500, imuBack.firstUs());
            assertArrayEquals(new float[] {0.1f, -0.2f, 0.98f}, imuBack.samples());
        }
    }
}
