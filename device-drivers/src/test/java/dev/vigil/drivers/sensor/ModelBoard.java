package dev.vigil.drivers.sensor;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CBus;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import com.pi4j.io.i2c.I2CProviderBase;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBase;
import com.pi4j.io.spi.SpiConfig;
import com.pi4j.io.spi.SpiProvider;
import com.pi4j.io.spi.SpiProviderBase;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProviderImpl;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A board for tests: a Pi4J context on the mock platform whose I2C and SPI providers hand out buses
 * wired to register-level chip models, so drivers go through Pi4J's real config, registry and IO API.
 */
final class ModelBoard implements AutoCloseable {
    private final Map<String, RegisterChip> i2cChips = new HashMap<>();
    private final Map<String, SpiChip> spiChips = new HashMap<>();
    private final Context context;

    ModelBoard() {
        context = Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(new MockDigitalInputProviderImpl(), new MockDigitalOutputProviderImpl(),
                        new ModelI2CProvider(), new ModelSpiProvider())
                .build();
    }

    /** Wires {@code chip} to I2C bus {@code bus} at {@code address}. */
    ModelBoard i2c(int bus, int address, RegisterChip chip) {
        i2cChips.put(bus + "/" + address, chip);
        return this;
    }

    /** Wires {@code chip} to SPI bus {@code bus}, chip select {@code cs}. */
    ModelBoard spi(int bus, int cs, SpiChip chip) {
        spiChips.put(bus + "/" + cs, chip);
        return this;
    }

    Context context() {
        return context;
    }

    @Override
    public void close() {
        context.shutdown();
    }

    private final class ModelI2CProvider extends I2CProviderBase {
        ModelI2CProvider() {
            super("model-i2c", "Register-level chip models on I2C");
        }

        @Override
        public int getPriority() {
            return 1000;
        }

        @Override
        public I2C create(I2CConfig config) {
            RegisterChip chip = i2cChips.get(config.bus() + "/" + config.device());
            if (chip == null) {
                throw new com.pi4j.io.exception.IOException("no device answers at I2C " + config.bus() + "/0x"
                        + Integer.toHexString(config.device()));
            }
            return new ModelI2C(this, config, chip);
        }
    }

    private static final class ModelI2C extends I2CBase<I2CBus> {
        private final RegisterChip chip;

        ModelI2C(I2CProvider provider, I2CConfig config, RegisterChip chip) {
            super(provider, config, new I2CBus() {
                @Override
                public <R> R execute(I2C i2c, Callable<R> action) {
                    try {
                        return action.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new com.pi4j.io.exception.IOException(e);
                    }
                }
            });
            this.chip = chip;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("raw I2C reads are not modelled");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            throw new UnsupportedOperationException("raw I2C reads are not modelled");
        }

        @Override
        public int write(byte b) {
            throw new UnsupportedOperationException("raw I2C writes are not modelled");
        }

        @Override
        public int write(byte[] data, int offset, int length) {
            throw new UnsupportedOperationException("raw I2C writes are not modelled");
        }

        @Override
        public int readRegister(int register) {
            return chip.readRegister(register);
        }

        @Override
        public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
            throw new UnsupportedOperationException("multi-byte register addresses are not modelled");
        }

        @Override
        public int readRegister(int register, byte[] buffer, int offset, int length) {
            chip.readBurst(register, buffer, offset, length);
            return length;
        }

        @Override
        public int writeRegister(int register, byte b) {
            chip.writeRegister(register, b & 0xFF);
            return 1;
        }

        @Override
        public int writeRegister(int register, byte[] data, int offset, int length) {
            for (int i = 0; i < length; i++) {
                chip.writeRegister(register + i, data[offset + i] & 0xFF);
            }
            return length;
        }

        @Override
        public int writeRegister(byte[] register, byte[] data, int offset, int length) {
            throw new UnsupportedOperationException("multi-byte register addresses are not modelled");
        }
    }

    private final class ModelSpiProvider extends SpiProviderBase {
        ModelSpiProvider() {
            super("model-spi", "Chip models on SPI");
        }

        @Override
        public int getPriority() {
            return 1000;
        }

        @Override
        public Spi create(SpiConfig config) {
            SpiChip chip = spiChips.get(config.bus().getBus() + "/" + config.address());
            if (chip == null) {
                throw new com.pi4j.io.exception.IOException("nothing on SPI " + config.bus() + " CS"
                        + config.address());
            }
            return new ModelSpi(this, config, chip);
        }
    }

    private static final class ModelSpi extends SpiBase {
        private final SpiChip chip;

        ModelSpi(SpiProvider provider, SpiConfig config, SpiChip chip) {
            super(provider, config);
            this.chip = chip;
        }

        @Override
        public int transfer(byte[] tx, int txOffset, byte[] rx, int rxOffset, int length) {
            chip.transfer(tx, txOffset, rx, rxOffset, length);
            return length;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("half-duplex SPI is not modelled");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            throw new UnsupportedOperationException("half-duplex SPI is not modelled");
        }

        @Override
        public int write(byte b) {
            throw new UnsupportedOperationException("half-duplex SPI is not modelled");
        }

        @Override
        public int write(byte[] data, int offset, int length) {
            throw new UnsupportedOperationException("half-duplex SPI is not modelled");
        }
    }
}
