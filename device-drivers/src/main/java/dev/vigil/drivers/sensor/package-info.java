/**
 * Live vibration sources on Pi4J buses: the ADXL345 and MPU-6050 accelerometers and the MCP3008 ADC.
 * Each chip driver is a {@link dev.vigil.drivers.sensor.FrameReader} that takes its bus in the
 * constructor; {@link dev.vigil.drivers.sensor.GuardedSampleSource} turns a reader into a
 * {@link dev.vigil.sensors.SensorSource} with timestamps, retries with backoff and a health state.
 * Providers found by {@link java.util.ServiceLoader} open them from config settings.
 */
package dev.vigil.drivers.sensor;
