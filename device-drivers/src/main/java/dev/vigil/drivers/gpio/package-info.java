/**
 * GPIO lines around the pipeline: a {@link dev.vigil.drivers.gpio.WakeLine} raised on wake (a pulse or
 * a level, so a host can power a heavier stage), a {@link dev.vigil.drivers.gpio.StatusLed} showing the
 * runtime's health, and a {@link dev.vigil.drivers.gpio.CaptureButton} whose long press asks for a
 * labelled learning capture. Each takes its Pi4J line in the constructor.
 */
package dev.vigil.drivers.gpio;
