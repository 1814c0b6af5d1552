package dev.vigil.runtime.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AckFileTest {

    private static AckFile.State reread(Path dir) throws IOException {
        try (AckFile f = AckFile.open(dir)) {
            return f.read();
        }
    }

    @Test
    void aNewFileHoldsNothing(@TempDir Path dir) throws IOException {
        assertEquals(AckFile.State.NONE, reread(dir));
    }

    @Test
    void whatIsWrittenIsReadBackAfterReopening(@TempDir Path dir) throws IOException {
        try (AckFile f = AckFile.open(dir)) {
            f.write(new AckFile.State(99, 1, 2, 3));
            f.write(new AckFile.State(1L << 40, 7, 8, 9));
        }
        assertEquals(new AckFile.State(1L << 40, 7, 8, 9), reread(dir), "rewritten in place, the last write wins");
        assertEquals(36, Files.size(dir.resolve("ack")));
    }

    @Test
    void aDamagedShortOrNegativeFileCountsAsNone(@TempDir Path dir) throws IOException {
        try (AckFile f = AckFile.open(dir)) {
            f.write(new AckFile.State(50, 1, 2, 3));
        }
        Path file = dir.resolve("ack");
        byte[] bytes = Files.readAllBytes(file);
        bytes[3] ^= 0x01;
        Files.write(file, bytes);
        assertEquals(AckFile.State.NONE, reread(dir), "a flipped bit fails the CRC");

        try (AckFile f = AckFile.open(dir)) {
            f.write(new AckFile.State(50, 1, 2, 3));
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(35);
        }
        assertEquals(AckFile.State.NONE, reread(dir), "a short file");

        try (AckFile f = AckFile.open(dir)) {
            f.write(new AckFile.State(-1, 1, 2, 3));
        }
        assertEquals(AckFile.State.NONE, reread(dir), "a negative sequence number, even under a good CRC");
    }
}
