package dev.vigil.sensors.formats.aedat;

/** xxHash32 as specified by its author (github.com/Cyan4973/xxHash, doc/xxhash_spec.md), for LZ4 frame checksums. */
final class XxHash32 {
    private static final int P1 = 0x9E3779B1;
    private static final int P2 = 0x85EBCA77;
    private static final int P3 = 0xC2B2AE3D;
    private static final int P4 = 0x27D4EB2F;
    private static final int P5 = 0x165667B1;

    private XxHash32() {
    }

    static int hash(byte[] b, int off, int len, int seed) {
        int p = off;
        int end = off + len;
        int acc;
        if (len >= 16) {
            int v1 = seed + P1 + P2;
            int v2 = seed + P2;
            int v3 = seed;
            int v4 = seed - P1;
            for (int limit = end - 16; p <= limit; p += 16) {
                v1 = Integer.rotateLeft(v1 + le(b, p) * P2, 13) * P1;
                v2 = Integer.rotateLeft(v2 + le(b, p + 4) * P2, 13) * P1;
                v3 = Integer.rotateLeft(v3 + le(b, p + 8) * P2, 13) * P1;
                v4 = Integer.rotateLeft(v4 + le(b, p + 12) * P2, 13) * P1;
            }
            acc = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
                    + Integer.rotateLeft(v4, 18);
        } else {
            acc = seed + P5;
        }
        acc += len;
        for (; p + 4 <= end; p += 4) {
            acc = Integer.rotateLeft(acc + le(b, p) * P3, 17) * P4;
        }
        for (; p < end; p++) {
            acc = Integer.rotateLeft(acc + (b[p] & 0xFF) * P5, 11) * P1;
        }
        acc ^= acc >>> 15;
        acc *= P2;
        acc ^= acc >>> 13;
        acc *= P3;
        acc ^= acc >>> 16;
        return acc;
    }

    private static int le(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }
}
