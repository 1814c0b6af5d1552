package dev.vigil.runtime.events;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory clips are written to, kept within its caps: after each clip, clips older than the age
 * limit are deleted, then the oldest until the rest fit the size limit (the newest clip is always kept).
 * Only files named as clips ({@code <sensor>-<event id>.<wav|csv|vlog>}) are counted or deleted.
 */
public final class ClipStore {
    private final Path dir;
    private final long maxBytes;
    private final long maxAgeMs;

    /** Clips in {@code dir}, at most {@code maxBytes} together and {@code maxAgeMs} old (0 = no age limit). */
    public ClipStore(Path dir, long maxBytes, long maxAgeMs) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.maxAgeMs = maxAgeMs;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** The size limit of all clips together, bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Where the clip of event {@code id} of {@code sensor} goes. */
    Path fileFor(String sensor, String id, String extension) {
        return dir.resolve(sensor + "-" + id + "." + extension);
    }

    /** Deletes clips beyond the caps, as of {@code nowMs}, sparing {@code keep}. */
    void prune(Path keep, long nowMs) throws IOException {
        List<Path> clips = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(ClipStore::isClip).forEach(clips::add);
        }
        clips.sort(Comparator.comparing(ClipStore::modified).thenComparing(Path::toString));
        long total = 0;
        List<Path> kept = new ArrayList<>();
        for (Path c : clips) {
            if (!c.equals(keep) && maxAgeMs > 0 && nowMs - modified(c).toMillis() > maxAgeMs) {
                delete(c, "older than the age limit");
            } else {
                kept.add(c);
                total += Files.size(c);
            }
        }
        for (Path c : kept) {
            if (total <= maxBytes) {
                break;
            }
            if (!c.equals(keep)) {
                total -= Files.size(c);
                delete(c, "the clips exceed the size limit");
            }
        }
    }

    private static void delete(Path c, String why) throws IOException {
        Files.deleteIfExists(c);
        Logger.debug("deleted clip {}: {}", c, why);
    }

    private static boolean isClip(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && n.contains("-") && (n.endsWith(".wav") || n.endsWith(".csv") || n.endsWith(".vlog"));
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
