package dev.vigil.tests.eval;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Minimal decoders for the shared test recordings, written from the formats as SOURCES.md describes
 * them (16-bit PCM WAV; uncompressed MAT level 5 with double vectors). Test fixtures only: the product's
 * readers live in {@code sensors/formats}.
 */
final class RealRecordings {

    private RealRecordings() {
    }

    static Path shared(String relative) {
        return Path.of(System.getProperty("vigil.shared", "../shared")).resolve("data").resolve(relative);
    }

    /** Mono 16-bit PCM samples scaled to [-1, 1). */
    static float[] wav(String relative) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(shared(relative))).order(ByteOrder.LITTLE_ENDIAN);
        b.position(12);
        while (b.remaining() >= 8) {
            String id = new String(new byte[] {b.get(), b.get(), b.get(), b.get()}, StandardCharsets.US_ASCII);
            int size = b.getInt();
            if (id.equals("data")) {
                float[] s = new float[size / 2];
                for (int i = 0; i < s.length; i++) {
                    s[i] = b.getShort() / 32768f;
                }
                return s;
            }
            b.position(b.position() + size + (size & 1));
        }
        throw new IOException(relative + ": no data chunk");
    }

    /** The double vector named {@code name} in a level-5 MAT file (uncompressed miMATRIX elements). */
    static double[] mat(String relative, String name) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(shared(relative))).order(ByteOrder.LITTLE_ENDIAN);
        b.position(128);
        while (b.remaining() >= 8) {
            int type = b.getInt();
            int size = b.getInt();
            int start = b.position();
            if (type == 14) {
                ByteBuffer m = b.slice(start, size).order(ByteOrder.LITTLE_ENDIAN);
                m.position(16); // array flags
                int dimBytes = m.getInt(m.position() + 4);
                m.position(m.position() + 8 + pad8(dimBytes));
                String varName = readName(m);
                if (varName.equals(name)) {
                    int dataType = m.getInt();
                    int dataBytes = m.getInt();
                    if (dataType != 9) {
                        throw new IOException(relative + ": " + name + " is stored as type " + dataType + ", not miDOUBLE");
                    }
                    double[] v = new double[dataBytes / 8];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = m.getDouble();
                    }
                    return v;
                }
            }
            b.position(start + pad8(size));
        }
        throw new IOException(relative + ": no variable " + name);
    }

    private static String readName(ByteBuffer m) {
        int tag = m.getInt();
        int len;
        if ((tag >>> 16) != 0) {
            len = tag >>> 16;
            byte[] n = new byte[len];
            m.get(n);
            m.position(m.position() + 4 - len);
            return new String(n, StandardCharsets.US_ASCII);
        }
        len = m.getInt();
        byte[] n = new byte[len];
        m.get(n);
        m.position(m.position() + pad8(len) - len);
        return new String(n, StandardCharsets.US_ASCII);
    }

    private static int pad8(int n) {
        return (n + 7) & ~7;
    }
}
