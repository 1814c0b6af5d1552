/**
 * Merging live sources: each source is read on its own thread and its batches are copied into pooled
 * batches handed to the pipeline through a bounded queue. When the pipeline falls behind, new batches
 * are dropped and counted, never buffered without bound.
 */
package dev.vigil.sensors.mux;
