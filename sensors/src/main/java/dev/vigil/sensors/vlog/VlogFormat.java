package dev.vigil.sensors.vlog;

/** Constants of the Vigil recording format, version 1 (documented in {@code docs/log-format.md}). */
public final class VlogFormat {
    /** File magic, 8 ASCII bytes. */
    public static final byte[] MAGIC = {'V', 'I', 'G', 'I', 'L', 'L', 'O', 'G'};
    /** Format version written by this code. */
    public static final int VERSION = 1;
    /** Chunk sync marker: ASCII "VCHK" read as a little-endian int. */
    public static final int CHUNK_MAGIC = 0x4B484356;
    /** Bytes of a chunk header: magic, stream, flags, count, payload length, first time, CRC. */
    public static final int CHUNK_HEADER_BYTES = 28;
    /** Largest payload a reader accepts; a longer length field is treated as corruption. */
    public static final int MAX_PAYLOAD_BYTES = 64 << 20;
    /** Largest header a reader accepts. */
    public static final int MAX_HEADER_BYTES = 1 << 20;
    /** Bytes per DVS event in a chunk: int32 time delta, uint16 x, uint16 y, uint8 polarity. */
    public static final int DVS_EVENT_BYTES = 9;
    /** Longest time span of one DVS chunk, so deltas fit an int32. */
    public static final long MAX_DVS_SPAN_US = Integer.MAX_VALUE;

    private VlogFormat() {
    }
}
