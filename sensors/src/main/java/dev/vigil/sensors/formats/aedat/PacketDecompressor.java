package dev.vigil.sensors.formats.aedat;

import io.airlift.compress.zstd.ZstdDecompressor;
import io.airlift.compress.zstd.ZstdInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Turns an AEDAT 4.0 packet payload into its flatbuffer bytes. LZ4 payloads are LZ4 <em>frames</em>
 * (possibly several linked blocks, some stored uncompressed), decoded by {@link Lz4FrameDecoder};
 * zstd payloads go through aircompressor's pure-Java decoder; uncompressed payloads are used as they
 * are. Output never grows beyond the cap.
 */
final class PacketDecompressor {
    private final Aedat4Compression compression;
    private final int cap;
    private final ZstdDecompressor zstd = new ZstdDecompressor();
    private final Lz4FrameDecoder lz4;
    private byte[] out = new byte[1 << 16];
    private byte[] current = out;
    private int length;

    PacketDecompressor(Aedat4Compression compression, int cap) {
        this.compression = compression;
        this.cap = cap;
        this.lz4 = new Lz4FrameDecoder(cap);
    }

    /** Decompresses {@code in[0, n)}; the result is {@link #bytes()}{@code [0, }{@link #length()}{@code )}. */
    void decompress(byte[] in, int n) throws IOException {
        switch (compression) {
            case NONE -> {
                current = in;
                length = n;
            }
            case LZ4, LZ4_HIGH -> {
                lz4.decode(in, n);
                current = lz4.bytes();
                length = lz4.length();
            }
            case ZSTD, ZSTD_HIGH -> {
                decompressZstd(in, n);
                current = out;
            }
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
        return current;
    }

    int length() {
        return length;
    }
}
