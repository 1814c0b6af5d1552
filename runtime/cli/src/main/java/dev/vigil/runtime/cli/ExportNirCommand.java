package dev.vigil.runtime.cli;

import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.NirExport;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.nir.NirWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code vigil export-nir}: compiles a NIR model (or takes a model bundle's lane) for a device and writes the quantised network back
 * as NIR, so that what the device runs can be run in other frameworks.
 */
@Command(name = "export-nir", mixinStandardHelpOptions = true,
        description = {"Writes the network a HAL device runs, from a NIR model or a model bundle's lane, back as a NIR graph (HDF5).",
                "The model compiled for the device, its integers dequantised to float64: re-importing it for the "
                        + "same device and --dt gives the same integer program."})
final class ExportNirCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model: a NIR graph (.nir, HDF5) or a model bundle (.vigil)")
    private Path model;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true, description = "the NIR file to write")
    private Path out;

    @Option(names = "--device", paramLabel = "ID", defaultValue = "reference",
            description = "HAL device whose quantisation to export (default ${DEFAULT-VALUE})")
    private String device;

    @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "0.001",
            description = "timestep used to discretise a NIR graph's time constants (default ${DEFAULT-VALUE} s;"
                    + " a bundle's lane keeps the step it was compiled with)")
    private double dt;

    @Option(names = "--sensor", paramLabel = "SENSOR",
            description = "the bundle's lane to take (dvs, audio or vibration; needed when it holds several)")
    private String sensor;

    @Override
    public Integer call() throws Exception {
        NeuromorphicDevice hal = DeploymentOptions.device(device);
        CompilationResult compiled = NirModels.load(model, hal, dt, sensor);
        try {
            NirWriter.write(out, NirExport.graph(compiled));
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot export " + model + " for device " + device + ": " + e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(compiled.report());
        stdout.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("vigil: wrote " + out + " (" + compiled.program().network().layers().size() + " layers as "
                + device + " runs them, dt " + compiled.dt() + " s)");
        err.flush();
        return 0;
    }
}
