package dev.vigil.runtime.outbox;

/**
 * The outbox at a glance.
 *
 * @param depth          records appended and not yet acknowledged or dropped
 * @param bytes          bytes over all segment files
 * @param segments       segment files
 * @param droppedFull    records dropped, oldest first, because the size limit was reached
 * @param droppedAge     records dropped because they were older than the age limit when their turn came
 * @param droppedCorrupt records found damaged on opening (a torn tail after a crash) and discarded
 */
public record OutboxStats(long depth, long bytes, int segments, long droppedFull, long droppedAge,
                          long droppedCorrupt) {
}
