package dev.vigil.runtime.cli;

import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DeviceProvider;
import dev.vigil.runtime.hal.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code vigil devices}: lists the HAL devices found on the class path. */
@Command(name = "devices", mixinStandardHelpOptions = true, description = "Lists the HAL devices available to run the spiking front end.")
final class DevicesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-12s %6s %14s %16s %8s  %s%n", "id", "cores", "neurons/core", "synapses/core", "weights", "description");
        String auto = Devices.find(Devices.AUTO).map(DeviceProvider::id).orElse("");
        for (DeviceProvider p : Devices.available()) {
            DeviceCapabilities c = p.create().capabilities();
            out.printf("%-12s %6s %14s %16s %7db  %s%n", p.id() + (p.id().equals(auto) ? " *" : ""),
                    Figures.count(c.cores()), Figures.count(c.neuronsPerCore()), Figures.count(c.synapsesPerCore()),
                    c.weightBits(), c.description());
        }
        out.println("* chosen by device.id: auto (the default)");
        out.flush();
        return 0;
    }
}
