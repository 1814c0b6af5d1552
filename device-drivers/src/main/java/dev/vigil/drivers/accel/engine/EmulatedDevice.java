package dev.vigil.drivers.accel.engine;

import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;

/**
 * A device emulated on the {@link EventEngine}: it offers fixed capabilities, refuses a program
 * compiled for another device or one its own rules refuse ({@link #check}), and runs the rest on a new
 * engine whose integer LIF state saturates at the device's state width, routing priced by {@link #hops}.
 */
public abstract class EmulatedDevice implements NeuromorphicDevice {
    private final DeviceCapabilities capabilities;

    /** A device offering {@code capabilities}, whose id is the target it accepts. */
    protected EmulatedDevice(DeviceCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public final DeviceCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public final DeviceSession open(CompiledProgram program) throws DoesNotFitException {
        String target = program.target().id();
        if (!target.equals(capabilities.id())) {
            throw new DoesNotFitException("program compiled for '" + target + "', not for '" + capabilities.id() + "'");
        }
        check(program);
        return new EventEngine(program.network(), hops(program), capabilities.stateBits());
    }

    /**
     * Refuses, naming the layer and the rule, what {@code program} asks of the device beyond what its
     * capabilities say (e.g. a neuron option the chip lacks); nothing by default.
     */
    protected void check(CompiledProgram program) throws DoesNotFitException {
    }

    /** What routing {@code program}'s events between cores costs; null (the default) when it is not priced. */
    protected HopModel hops(CompiledProgram program) {
        return null;
    }
}
