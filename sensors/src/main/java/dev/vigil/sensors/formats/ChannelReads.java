package dev.vigil.sensors.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads from a file channel, for code that addresses packets, chunks and records by offset. */
public final class ChannelReads {
    private ChannelReads() {
    }

    /**
     * Reads from file offset {@code at} until {@code b} is full or the file ends, and returns how
     * many bytes were read (fewer than {@code b} had room for only at the end of the file).
     */
    public static int readFully(FileChannel channel, ByteBuffer b, long at) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int n = channel.read(b, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
