/**
 * The on-disk outbox: a bounded, append-only queue of segment files with a CRC per record, where
 * detections wait until the broker has acknowledged them. It survives a kill and a restart, drains in
 * order, and drops its oldest segment (counted) when it reaches its size limit. {@link
 * dev.vigil.runtime.outbox.Outbox} is the whole of it seen from outside, in a directory that {@link
 * dev.vigil.runtime.outbox.PrivateDirectory} makes sure is the user's own; inside, {@code RecordCodec}
 * names the record layout, {@code Segment} is one segment file, {@code SegmentRecovery} checks one
 * after a restart (skipping damage to the next sound record), {@code AckFile} holds the acknowledged
 * position and drop counters, and {@code Damage} what recovery can find wrong with a record.
 */
package dev.vigil.runtime.outbox;
