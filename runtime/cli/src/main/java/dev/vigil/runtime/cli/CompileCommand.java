package dev.vigil.runtime.cli;

import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.ModelBundle;
import dev.vigil.runtime.compile.ModelCompiler;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code vigil compile}: imports a NIR model, quantises it for a device, places it on the device's
 * cores, reports utilisation and quantisation error, and writes a model bundle.
 */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compiles a NIR model for a HAL device into a model bundle.",
                "Takes NIR graphs from snnTorch, Norse, Lava-dl, Sinabs, Rockpool and others; reports per-core "
                        + "utilisation and quantisation error and writes a bundle (manifest, weights, SHA-256). "
                        + "A network that does not fit is refused with the layer, the resource and both figures."})
final class CompileCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model, a NIR graph (.nir, HDF5)")
    private Path model;

    @Option(names = "--device", paramLabel = "ID", defaultValue = "reference",
            description = "target HAL device (default ${DEFAULT-VALUE}; see 'vigil devices')")
    private String device;

    @Option(names = "--dt", paramLabel = "SECONDS", defaultValue = "0.001",
            description = "timestep used to discretise the model's time constants (default ${DEFAULT-VALUE} s; the NIR paper's models use 0.0001)")
    private double dt;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the bundle (default: MODEL without .nir, plus .<device>.bundle)")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isRegularFile(model)) {
            throw new UserError("model file not found: " + model);
        }
        if (!(dt > 0)) {
            throw new UserError("--dt " + dt + " is refused: must be positive");
        }
        NeuromorphicDevice hal = DeploymentOptions.device(device);
        CompilationResult result;
        try {
            result = ModelCompiler.compile(model, hal.capabilities(), dt);
        } catch (DoesNotFitException e) {
            throw new UserError(model + " does not fit: " + e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot import " + model + ": " + e.getMessage());
        }
        stdout.println(result.report());
        Path dir = out != null ? out
                : model.resolveSibling(model.getFileName().toString().replaceFirst("\\.nir$", "") + "." + device + ".bundle");
        String sha;
        try {
            sha = ModelBundle.write(dir, result);
        } catch (IOException e) {
            throw new UserError("cannot write the bundle " + dir + ": " + e.getMessage());
        }
        err.println("vigil: wrote model bundle " + dir + " (weights sha256 " + sha + ")");
        stdout.flush();
        err.flush();
        return 0;
    }
}
