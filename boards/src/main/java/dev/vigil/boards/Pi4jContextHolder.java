package dev.vigil.boards;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProviderImpl;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProviderImpl;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProviderImpl;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProviderImpl;
import dev.vigil.drivers.sensor.Pi4jContextProvider;

/**
 * The one place the process's Pi4J context is built, explicitly: I2C and SPI through the Linux
 * device files ({@code /dev/i2c-N}, {@code /dev/spidevB.C}) and GPIO through the GPIO character
 * device (libgpiod), with no auto-detection, so a mock or pigpio provider never slips in. Built on
 * first use, shut down at exit.
 */
public final class Pi4jContextHolder implements Pi4jContextProvider {
    private static Context context;

    @Override
    public Context context() {
        synchronized (Pi4jContextHolder.class) {
            if (context == null) {
                context = Pi4J.newContextBuilder()
                        .noAutoDetect()
                        .add(new LinuxFsI2CProviderImpl(), new LinuxFsSpiProviderImpl(),
                                new GpioDDigitalInputProviderImpl(), new GpioDDigitalOutputProviderImpl())
                        .enableShutdownHook()
                        .build();
            }
            return context;
        }
    }
}
