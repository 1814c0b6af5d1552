/**
 * The on-disk outbox: a bounded, append-only queue of segment files with a CRC per record, where
 * detections wait until the broker has acknowledged them. It survives a kill and a restart, drains in
 * order, and drops its oldest segment (counted) when it reaches its size limit.
 */
package dev.vigil.runtime.outbox;
