/**
 * iniVation AEDAT readers: 4.0 (flatbuffer packets, LZ4 frames or zstd) with a writer for tests and
 * conversion, and the older 2.0 (jAER) and 3.1 (cAER) layouts.
 */
package dev.vigil.sensors.formats.aedat;
