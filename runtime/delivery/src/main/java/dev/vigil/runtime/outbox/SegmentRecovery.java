package dev.vigil.runtime.outbox;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks one segment file record by record after a restart. Damage costs the damaged records only:
 * recovery skips to the next sound record (see {@link RecordCodec#resync}), moves the records from
 * there into a segment file of their own ({@code seg-<its sequence number>.log}, so that every file
 * stays a gapless run), cuts the damaged file where the damage began, and reports exactly which
 * sequence numbers were lost. Each finding is logged with the file and offset.
 */
final class SegmentRecovery {

    /**
     * What recovery made of a file.
     *
     * @param segment   the sound records before the damage (the whole file when there was none)
     * @param firstLost the first lost sequence number
     * @param lost      how many consecutive sequence numbers from {@code firstLost} were lost
     * @param rest      the file now holding the sound records after the damage, to check next
     */
    record Result(Segment segment, long firstLost, long lost, Optional<Path> rest) {
    }

    private SegmentRecovery() {
    }

    /**
     * Recovers {@code file}; {@code nextFirstSeq} is the next segment's first sequence number, absent
     * for the newest segment.
     */
    static Result recover(Path file, OptionalLong nextFirstSeq) throws IOException {
        long first = Segment.firstSeqOf(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            int size = (int) Math.min(ch.size(), Integer.MAX_VALUE);
            if (size == 0) {
                Logger.info("outbox {}: empty segment (nothing was written to it), removed", file);
                return new Result(Segment.recovered(file, first, first - 1, 0), first, 0, Optional.empty());
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            int pos = 0;
            long seq = first;
            while (pos < size) {
                switch (RecordCodec.verify(map, pos, seq)) {
                    case RecordCodec.Intact intact -> {
                        pos += intact.length();
                        seq++;
                    }
                    case RecordCodec.Damaged d -> {
                        Segment before = Segment.recovered(file, first, seq - 1, pos);
                        Optional<RecordCodec.Found> next = RecordCodec.resync(map, pos, seq, nextFirstSeq.orElse(Long.MAX_VALUE));
                        if (next.isPresent()) {
                            Path rest = moveRest(file, map, next.get());
                            long lost = next.get().seq() - seq;
                            Logger.warn("outbox {} offset {}: {}; {} record(s) lost, the next sound record (sequence {}) is {} bytes on",
                                    file, pos, d.detail(), lost, next.get().seq(), next.get().pos() - pos);
                            ch.truncate(pos);
                            return new Result(before, seq, lost, Optional.of(rest));
                        }
                        long lost = tailLost(file, map, pos, seq, d, nextFirstSeq);
                        ch.truncate(pos);
                        return new Result(before, seq, lost, Optional.empty());
                    }
                }
            }
            return new Result(Segment.recovered(file, first, seq - 1, size), seq, 0, Optional.empty());
        }
    }

    /**
     * How many records the damaged end of a file, from {@code pos} with no sound record after it, held:
     * exactly up to the next segment when there is one; in the newest segment, none for a record torn by
     * a crash mid-append (it was being written and had not yet been reported), else the damaged frames.
     */
    private static long tailLost(Path file, MappedByteBuffer map, int pos, long seq, RecordCodec.Damaged d,
                                 OptionalLong nextFirstSeq) {
        int bytes = map.limit() - pos;
        if (nextFirstSeq.isPresent()) {
            long lost = Math.max(0, nextFirstSeq.getAsLong() - seq);
            Logger.warn("outbox {} offset {}: {}; cut the segment there ({} bytes): {} record(s) lost", file, pos, d.detail(),
                    bytes, lost);
            return lost;
        }
        if (d.damage() == Damage.TORN_HEADER || d.damage() == Damage.TORN_BODY) {
            Logger.warn("outbox {} offset {}: {}; cut the segment there ({} bytes): the record being written when Vigil "
                    + "stopped, not yet reported", file, pos, d.detail(), bytes);
            return 0;
        }
        OptionalLong frames = RecordCodec.framesToEnd(map, pos);
        if (frames.isPresent() && frames.getAsLong() > 0) {
            Logger.warn("outbox {} offset {}: {}; cut the segment there ({} bytes): {} record(s) lost", file, pos, d.detail(),
                    bytes, frames.getAsLong());
            return frames.getAsLong();
        }
        Logger.warn("outbox {} offset {}: {}; cut the segment there ({} bytes): at least 1 record lost (how many is not known)",
                file, pos, d.detail(), bytes);
        return 1;
    }

    /**
     * Writes the records from {@code next} to the end of the file into the segment file named for
     * {@code next}'s sequence number (through a temporary file, forced, then renamed into place, so a
     * crash leaves either no file or the whole one).
     */
    private static Path moveRest(Path file, MappedByteBuffer map, RecordCodec.Found next) throws IOException {
        Path rest = Segment.fileFor(file.getParent(), next.seq());
        Path tmp = rest.resolveSibling(rest.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            var tail = map.slice(next.pos(), map.limit() - next.pos());
            while (tail.hasRemaining()) {
                out.write(tail);
            }
            out.force(false);
        }
        return Files.move(tmp, rest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
