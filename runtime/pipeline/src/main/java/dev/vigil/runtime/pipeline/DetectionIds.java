package dev.vigil.runtime.pipeline;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Detection ids: UUID version 7 (RFC 9562), 48 bits of Unix time in milliseconds followed by 74 random
 * bits from a {@link SecureRandom}. Unique across runs, reboots and devices without coordination (a
 * replay of the same recording gets new ids; a device whose clock counts from boot does not repeat
 * them), and ordered by creation time. An id is made once, when the detection is, and travels inside
 * its payload, so re-sends from the outbox carry the same id and consumers can de-duplicate by it.
 */
public final class DetectionIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private DetectionIds() {
    }

    /** A new id, as the canonical lowercase UUID string. */
    public static String next() {
        return next(System.currentTimeMillis());
    }

    /** A new id made at {@code unixMs}. */
    static String next(long unixMs) {
        long msb = (unixMs & 0xFFFF_FFFF_FFFFL) << 16 | VERSION_7 | RANDOM.nextInt(1 << 12);
        long lsb = VARIANT_RFC | RANDOM.nextLong() >>> 2;
        return new UUID(msb, lsb).toString();
    }
}
