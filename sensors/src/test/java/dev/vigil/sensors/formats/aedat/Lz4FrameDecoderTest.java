package dev.vigil.sensors.formats.aedat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LZ4 frames built by hand from the LZ4 frame and block format specifications. */
class Lz4FrameDecoderTest {

    @Test
    void xxHash32KnownValues() {
        // Reference values published with xxHash: XXH32("", 0) and XXH32("abc", 0).
        assertEquals(0x02CC5D05, XxHash32.hash(new byte[0], 0, 0, 0));
        assertEquals(0x32D153FF, XxHash32.hash("abc".getBytes(StandardCharsets.US_ASCII), 0, 3, 0));
    }

    private static void le(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >>> 8);
        o.write(v >>> 16);
        o.write(v >>> 24);
    }

    private static ByteArrayOutputStream header(int flg) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        le(o, 0x184D2204);
        byte[] d = {(byte) flg, 0x40};
        o.writeBytes(d);
        o.write((XxHash32.hash(d, 0, 2, 0) >>> 8) & 0xFF);
        return o;
    }

    @Test
    void linkedBlocksStoredBlocksOverlappingMatchesAndChecksums() throws IOException {
        byte[] first = "abcdefgh".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream o = header(0x40 | 0x10 | 0x04); // linked blocks, block and content checksums
        le(o, 0x80000000 | first.length);                     // stored block
        o.writeBytes(first);
        le(o, XxHash32.hash(first, 0, first.length, 0));
        // compressed block: 0 literals + match (offset 8, length 4+4 = 8) reaching into the stored block,
        // then 1 literal 'x' + match (offset 1, length 4+2 = 6: overlapping run), then 2 final literals "yz".
        byte[] block = {0x04, 8, 0, 0x12, 'x', 1, 0, 0x20, 'y', 'z'};
        le(o, block.length);
        o.writeBytes(block);
        le(o, XxHash32.hash(block, 0, block.length, 0));
        le(o, 0);
        byte[] expected = "abcdefghabcdefghxxxxxxxyz".getBytes(StandardCharsets.US_ASCII);
        le(o, XxHash32.hash(expected, 0, expected.length, 0));
        byte[] frame = o.toByteArray();
        Lz4FrameDecoder d = new Lz4FrameDecoder(1 << 20);
        d.decode(frame, frame.length);
        assertArrayEquals(expected, Arrays.copyOf(d.bytes(), d.length()));

        byte[] bad = frame.clone();
        bad[bad.length - 13] ^= 1; // the last literal of the compressed block: its checksum no longer matches
        IOException e = assertThrows(IOException.class, () -> d.decode(bad, bad.length));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void offsetsBeforeTheFrameAndOutputBeyondTheCapAreRefused() {
        ByteArrayOutputStream o = header(0x60);
        byte[] block = {0x10, 'a', 5, 0, 0x10, 'b'}; // match offset 5 with only 1 byte of output
        le(o, block.length);
        o.writeBytes(block);
        le(o, 0);
        byte[] frame = o.toByteArray();
        Lz4FrameDecoder d = new Lz4FrameDecoder(1 << 20);
        assertThrows(IOException.class, () -> d.decode(frame, frame.length));

        ByteArrayOutputStream big = header(0x60);
        le(big, 0x80000000 | 60_000);
        big.writeBytes(new byte[60_000]);
        le(big, 0);
        byte[] f2 = big.toByteArray();
        IOException e = assertThrows(IOException.class, () -> new Lz4FrameDecoder(50_000).decode(f2, f2.length));
        assertTrue(e.getMessage().contains("cap"), e.getMessage());
    }
}
