/**
 * Vibration logs: CSV (a time column plus one to three axes, header names and units detected) and
 * MATLAB level-5 {@code .mat} files as the CWRU bearing data set ships them.
 */
package dev.vigil.sensors.formats.vibration;
