package dev.vigil.sensors.formats.aedat;

import io.airlift.compress.zstd.ZstdDecompressor;
import io.airlift.compress.zstd.ZstdInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Turns an AEDAT 4.0 packet payload into its flatbuffer bytes. LZ4 payloads are LZ4 <em>frames</em>
 * (possibly several linked blocks, some stored uncompressed), decoded by Apache Commons Compress's
 * {@link FramedLZ4CompressorInputStream}, which keeps the 64 KB window across dependent blocks;
 * zstd payloads go through aircompressor's pure-Java decoder. Output never grows beyond the cap.
 */
final class PacketDecompressor {
    private final Aedat4Compression compression;
    private final int cap;
    private final ZstdDecompressor zstd = new ZstdDecompressor();
    private byte[] out = new byte[1 << 16];
    private int length;

    PacketDecompressor(Aedat4Compression compression, int cap) {
        this.compression = compression;
        this.cap = cap;
    }

    /** Decompresses {@code in[0, n)}; the result is {@link #bytes()}{@code [0, }{@link #length()}{@code )}. */
    void decompress(byte[] in, int n) throws IOException {
        switch (compression) {
            case NONE -> {
                ensure(n);
                System.arraycopy(in, 0, out, 0, n);
                length = n;
            }
            case LZ4, LZ4_HIGH -> drain(new FramedLZ4CompressorInputStream(new ByteArrayInputStream(in, 0, n), true));
            case ZSTD, ZSTD_HIGH -> decompressZstd(in, n);
            default -> throw new IllegalStateException("unhandled compression " + compression);
        }
    }

    private void decompressZstd(byte[] in, int n) throws IOException {
        long size = ZstdDecompressor.getDecompressedSize(in, 0, n);
        if (size >= 0 && size <= cap) {
            ensure((int) size);
            length = zstd.decompress(in, 0, n, out, 0, (int) size);
        } else if (size > cap) {
            throw new IOException("zstd frame declares " + size + " bytes, over the " + cap + "-byte cap");
        } else {
            drain(new ZstdInputStream(new ByteArrayInputStream(in, 0, n)));
        }
    }

    private void drain(InputStream s) throws IOException {
        try (s) {
            length = 0;
            while (true) {
                if (length == out.length) {
                    if (length >= cap) {
                        if (s.read() < 0) {
                            return;
                        }
                        throw new IOException("decompressed packet exceeds the " + cap + "-byte cap");
                    }
                    ensure(Math.min(cap, length * 2));
                }
                int r = s.read(out, length, out.length - length);
                if (r < 0) {
                    return;
                }
                length += r;
            }
        }
    }

    private void ensure(int n) {
        if (n > out.length) {
            out = Arrays.copyOf(out, Math.max(n, Math.min(cap, out.length * 2)));
        }
    }

    byte[] bytes() {
        return out;
    }

    int length() {
        return length;
    }
}
