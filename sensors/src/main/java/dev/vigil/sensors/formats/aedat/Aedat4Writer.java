package dev.vigil.sensors.formats.aedat;

import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.lz4.Lz4Compressor;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes AEDAT 4.0 files that DV and Vigil read: one polarity stream (id 0, EVTS) and optionally one
 * IMU stream (id 1, IMUS), packets compressed as LZ4 frames (independent 64 KB blocks) or zstd. No
 * FileDataTable is written ({@code dataTablePosition = -1}). Used to convert recordings and to test
 * the compressed paths with files Vigil writes.
 */
public final class Aedat4Writer implements AutoCloseable {
    private final OutputStream out;
    private final Aedat4Compression compression;
    private static final int LZ4_FRAME_MAGIC = 0x184D2204;
    private static final int LZ4_BLOCK = 64 << 10;
    private final ZstdCompressor zstd = new ZstdCompressor();
    private final Lz4Compressor lz4 = new Lz4Compressor();
    private final ByteArrayOutputStream lz4Buffer = new ByteArrayOutputStream(1 << 16);
    private ByteBuffer packet = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] compressed = new byte[1 << 16];

    /**
     * Creates {@code file} for a {@code width}×{@code height} camera named {@code source}; with
     * {@code withImu} an IMU stream is declared too (it may stay without packets).
     */
    public Aedat4Writer(Path file, Aedat4Compression compression, String source, int width, int height,
                        boolean withImu) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.compression = compression;
        writeHeader(source, width, height, withImu);
    }

    private void writeHeader(String source, int width, int height, boolean withImu) throws IOException {
        String comp = switch (compression) {
            case NONE -> "NONE";
            case LZ4, LZ4_HIGH -> "LZ4";
            case ZSTD, ZSTD_HIGH -> "ZSTD";
        };
        StringBuilder xml = new StringBuilder("<dv version=\"2.0\">\n<node name=\"outInfo\" path=\"/mainloop/Recorder/outInfo/\">\n");
        xml.append(streamXml(0, "EVTS", comp, source, width, height));
        if (withImu) {
            xml.append(streamXml(1, "IMUS", comp, source, 0, 0));
        }
        xml.append("</node>\n</dv>\n");
        byte[] info = xml.toString().getBytes(StandardCharsets.UTF_8);
        // Layout (offsets from the buffer start): root, "IOHE", vtable at 8, table at 24, string at 44.
        ByteBuffer b = ByteBuffer.allocate(48 + info.length + 1 + 3).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(24).put("IOHE".getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 10).putShort((short) 20).putShort((short) 4).putShort((short) 8).putShort((short) 16);
        b.position(24);
        b.putInt(24 - 8).putInt(compression.code()).putLong(-1L).putInt(44 - 40);
        b.putInt(info.length).put(info).put((byte) 0);
        int size = (b.position() + 3) & ~3;
        out.write(Aedat4Reader.MAGIC);
        writeInt(out, size);
        out.write(b.array(), 0, size);
    }

    private static String streamXml(int id, String type, String comp, String source, int w, int h) {
        String path = "/mainloop/Recorder/outInfo/" + id + "/";
        return "<node name=\"" + id + "\" path=\"" + path + "\">\n"
                + "<attr key=\"compression\" type=\"string\">" + comp + "</attr>\n"
                + "<attr key=\"typeIdentifier\" type=\"string\">" + type + "</attr>\n"
                + "<node name=\"info\" path=\"" + path + "info/\">\n"
                + (w > 0 ? "<attr key=\"sizeX\" type=\"int\">" + w + "</attr>\n<attr key=\"sizeY\" type=\"int\">" + h + "</attr>\n" : "")
                + "<attr key=\"source\" type=\"string\">" + source + "</attr>\n"
                + "<attr key=\"tsOffset\" type=\"long\">0</attr>\n</node>\n</node>\n";
    }

    /** Writes events {@code [from, to)} of {@code batch} as one EVTS packet of stream 0. */
    public void writeEvents(EventBatch batch, int from, int to) throws IOException {
        int n = to - from;
        // root, "EVTS", vtable at 8, table at 16 (vector offset at 20), vector length at 28, structs from 32.
        ByteBuffer b = packet(32 + 16 * n);
        b.putInt(16).put("EVTS".getBytes(StandardCharsets.US_ASCII));
        b.putShort((short) 6).putShort((short) 8).putShort((short) 4).putShort((short) 0);
        b.putInt(16 - 8).putInt(28 - 20).putInt(0).putInt(n);
        for (int i = from; i < to; i++) {
            b.putLong(batch.t(i)).putShort((short) batch.x(i)).putShort((short) batch.y(i))
                    .put((byte) batch.p(i)).put((byte) 0).putShort((short) 0);
        }
        writePacket(0, b);
    }

    /** Writes the frames of a 3-axis {@code batch} (accelerations in g) as one IMUS packet of stream 1. */
    public void writeImu(SampleBatch batch) throws IOException {
        int n = batch.size();
        int tables = (44 + 4 * n + 7) & ~7;
        ByteBuffer b = packet(tables + 32 * n);
        b.putInt(32).put("IMUS".getBytes(StandardCharsets.US_ASCII));
        // IMU table vtable at 8: timestamp at 8, temperature at 4, accelerometer X/Y/Z at 16/20/24.
        b.putShort((short) 14).putShort((short) 28).putShort((short) 8).putShort((short) 4)
                .putShort((short) 16).putShort((short) 20).putShort((short) 24).putShort((short) 0);
        // IMUPacket vtable at 24, table at 32 with the vector offset at 36, vector at 40.
        b.putShort((short) 6).putShort((short) 8).putShort((short) 4).putShort((short) 0);
        b.putInt(32 - 24).putInt(40 - 36).putInt(n);
        float[] s = batch.samples();
        for (int i = 0; i < n; i++) {
            int table = tables + 32 * i;
            b.putInt(44 + 4 * i, table - (44 + 4 * i));
            b.putInt(table, table - 8).putFloat(table + 4, 25f).putLong(table + 8, batch.timeOf(i))
                    .putFloat(table + 16, s[3 * i]).putFloat(table + 20, s[3 * i + 1]).putFloat(table + 24, s[3 * i + 2]);
        }
        b.position(tables + 32 * n);
        writePacket(1, b);
    }

    private ByteBuffer packet(int bytes) {
        if (packet.capacity() < bytes + 4) {
            packet = ByteBuffer.allocate(Math.max(bytes + 4, packet.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
        }
        packet.clear();
        packet.putInt(bytes);
        return packet.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private void writePacket(int stream, ByteBuffer body) throws IOException {
        int len = 4 + body.position();
        byte[] raw = packet.array();
        writeInt(out, stream);
        switch (compression) {
            case NONE -> {
                writeInt(out, len);
                out.write(raw, 0, len);
            }
            case LZ4, LZ4_HIGH -> {
                lz4Buffer.reset();
                writeLz4Frame(raw, len);
                writeInt(out, lz4Buffer.size());
                lz4Buffer.writeTo(out);
            }
            case ZSTD, ZSTD_HIGH -> {
                int max = zstd.maxCompressedLength(len);
                if (compressed.length < max) {
                    compressed = new byte[max];
                }
                int n = zstd.compress(raw, 0, len, compressed, 0, max);
                writeInt(out, n);
                out.write(compressed, 0, n);
            }
        }
    }

    /**
     * Writes an LZ4 frame (lz4 frame format 1.6.x): magic, FLG (version 1, independent blocks), BD
     * (64 KB blocks), header checksum, then each block compressed with aircompressor's block
     * compressor, or stored when compression does not pay, and the end mark.
     */
    private void writeLz4Frame(byte[] raw, int len) throws IOException {
        writeInt(lz4Buffer, LZ4_FRAME_MAGIC);
        byte[] descriptor = {0x60, 0x40};
        lz4Buffer.write(descriptor, 0, 2);
        lz4Buffer.write((XxHash32.hash(descriptor, 0, 2, 0) >>> 8) & 0xFF);
        int max = lz4.maxCompressedLength(LZ4_BLOCK);
        if (compressed.length < max) {
            compressed = new byte[max];
        }
        for (int from = 0; from < len; from += LZ4_BLOCK) {
            int n = Math.min(LZ4_BLOCK, len - from);
            int c = lz4.compress(raw, from, n, compressed, 0, max);
            if (c < n) {
                writeInt(lz4Buffer, c);
                lz4Buffer.write(compressed, 0, c);
            } else {
                writeInt(lz4Buffer, n | 0x80000000);
                lz4Buffer.write(raw, from, n);
            }
        }
        writeInt(lz4Buffer, 0);
    }

    private static void writeInt(OutputStream o, int v) throws IOException {
        o.write(v);
        o.write(v >>> 8);
        o.write(v >>> 16);
        o.write(v >>> 24);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
