package dev.vigil.boards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap and queue sizes for a board with a given amount of memory: a quarter of the memory present for
 * the heap, between 128 MB and 1 GB (the rule the launcher {@code bin/vigil} applies), and queues
 * scaled from the profile's in proportion to the heap; the profile's own figures (for its smallest
 * variant) when the memory is unknown.
 *
 * @param heapMb       JVM maximum heap, MB
 * @param queueBatches capacity of each inter-stage queue, in batches
 */
public record MemoryDefaults(int heapMb, int queueBatches) {
    private static final int MIN_HEAP_MB = 128;
    private static final int MAX_HEAP_MB = 1024;

    /** Defaults for {@code profile} on a host with {@code totalMb} MB (0 or less: unknown). */
    public static MemoryDefaults of(BoardProfile profile, long totalMb) {
        if (totalMb <= 0) {
            return new MemoryDefaults(profile.heapMb(), profile.queueBatches());
        }
        int heap = (int) Math.max(MIN_HEAP_MB, Math.min(MAX_HEAP_MB, totalMb / 4));
        int queue = (int) Math.max(16, (long) profile.queueBatches() * heap / profile.heapMb());
        return new MemoryDefaults(heap, queue);
    }

    /** MemTotal from a {@code /proc/meminfo}-style file in MB, or 0 when unreadable. */
    public static long totalMb(Path meminfo) {
        try {
            for (String line : Files.readAllLines(meminfo)) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
