package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * The on-disk outbox where detections wait for the broker.
 *
 * @param dir            its directory; empty means one per device and broker in the user's own state
 *                       directory ({@code $STATE_DIRECTORY}, {@code $XDG_STATE_HOME} or {@code ~/.local/state}),
 *                       or a private temporary one with the embedded broker
 * @param maxBytes       size limit over all segment files; past it the oldest segment is dropped
 * @param segmentBytes   size at which a new segment file is started
 * @param maxAgeS        detections older than this are dropped instead of sent (0 = no limit)
 * @param fsync          {@code batch}: force each detection to disk as it is stored, before it is printed
 *                       or sent; {@code never}: leave it to the OS (survives a process kill, not a power cut)
 * @param inflight       QoS 1/2 messages sent but not yet acknowledged, at most
 * @param drainOnCloseS  at shutdown, how long to wait for the outbox to drain before leaving it on disk
 */
public record OutboxConfig(String dir, long maxBytes, int segmentBytes, int maxAgeS, String fsync, int inflight,
                           int drainOnCloseS) {
    public OutboxConfig {
        dir = dir == null ? "" : dir;
        if (maxBytes < 4096 || maxBytes > (1L << 40)) {
            throw new BadValueException("max-bytes", maxBytes, "must be between 4096 and 2^40");
        }
        inRange("segment-bytes", segmentBytes, 1024, 1 << 30);
        if (segmentBytes > maxBytes) {
            throw new BadValueException("segment-bytes", segmentBytes, "must not exceed max-bytes (" + maxBytes + ")");
        }
        inRange("max-age-s", maxAgeS, 0, 365 * 86_400);
        if (!("batch".equals(fsync) || "never".equals(fsync))) {
            throw new BadValueException("fsync", fsync, "use batch or never");
        }
        inRange("inflight", inflight, 1, 1000);
        inRange("drain-on-close-s", drainOnCloseS, 0, 3600);
    }

    /** A copy in {@code newDir}. */
    public OutboxConfig withDir(String newDir) {
        return new OutboxConfig(newDir, maxBytes, segmentBytes, maxAgeS, fsync, inflight, drainOnCloseS);
    }
}
