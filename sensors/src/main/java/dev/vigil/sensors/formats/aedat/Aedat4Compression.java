package dev.vigil.sensors.formats.aedat;

/** The packet compression an AEDAT 4.0 IOHeader declares (the {@code CompressionType} enum). */
public enum Aedat4Compression {
    /** Packets stored as plain flatbuffers. */
    NONE,
    /** LZ4 frames. */
    LZ4,
    /** LZ4 frames written at the high-compression level (same decoding). */
    LZ4_HIGH,
    /** zstd frames. */
    ZSTD,
    /** zstd frames written at a high level (same decoding). */
    ZSTD_HIGH;

    /** The value stored in the IOHeader. */
    public int code() {
        return ordinal();
    }

    /** The compression stored as {@code code}, or {@code null} when unknown. */
    static Aedat4Compression ofCode(int code) {
        return code >= 0 && code < values().length ? values()[code] : null;
    }
}
