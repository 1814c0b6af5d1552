package dev.vigil.runtime.cli;

import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.ModelCompiler;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compiling a NIR model named on the command line, with the commands' one-line errors. */
final class NirModels {

    private NirModels() {
    }

    /** {@code model} (a NIR file) quantised and placed for {@code device} with step {@code dt}. */
    static CompilationResult compile(Path model, NeuromorphicDevice device, double dt) throws UserError {
        if (Files.isDirectory(model)) {
            throw new UserError(model + " is a directory: give the NIR graph (.nir) the front end was compiled from"
                    + " (model bundles are not read here yet)");
        }
        if (!Files.isRegularFile(model)) {
            throw new UserError("model file not found: " + model);
        }
        if (!(dt > 0)) {
            throw new UserError("--dt " + dt + " is refused: must be positive");
        }
        try {
            return ModelCompiler.compile(model, device.capabilities(), dt);
        } catch (DoesNotFitException e) {
            throw new UserError(model + " does not fit: " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("cannot import " + model + ": " + e.getMessage());
        }
    }
}
