package dev.vigil.runtime.cli;

import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.BundleException;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.FrontEnd;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.ModelCompiler;
import dev.vigil.runtime.compile.QuantisationReport;
import dev.vigil.runtime.compile.QuantisedModel;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Compiling a NIR model or a bundle's lane named on the command line, with the commands' one-line errors. */
final class NirModels {

    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private NirModels() {
    }

    /**
     * {@code model} placed for {@code device}: a NIR file (HDF5) compiled with step {@code dt}, or a
     * model bundle's lane ({@code sensor}, needed when it holds several) at the step it was compiled with.
     */
    static CompilationResult load(Path model, NeuromorphicDevice device, double dt, String sensor) throws UserError {
        if (isNir(model)) {
            if (sensor != null) {
                throw new UserError("--sensor " + sensor + " is refused: " + model + " is a NIR graph with one input;"
                        + " --sensor picks a lane of a model bundle");
            }
            return compile(model, device, dt);
        }
        return compile(lane(model, sensor), device);
    }

    /** The lane of the bundle in {@code file} that {@code sensor} names, or its only lane. */
    static BundleLane lane(Path file, String sensor) throws UserError {
        ModelBundle bundle;
        try {
            bundle = BundleCodec.read(file, ConfigLoader.defaults());
        } catch (BundleException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot read model bundle " + file + ": " + e.getMessage());
        }
        if (sensor == null) {
            if (bundle.lanes().size() != 1) {
                throw new UserError(file + " holds " + bundle.lanes().size() + " lanes (" + bundle.sensors()
                        + "): pick one with --sensor");
            }
            return bundle.lanes().getFirst();
        }
        Sensor s = Sensor.named(sensor).orElseThrow(() -> new UserError("--sensor " + sensor
                + " is refused: use dvs, audio or vibration"));
        return bundle.lane(s).orElseThrow(() -> new UserError(file + " holds no " + s.label() + " lane (it holds: "
                + bundle.sensors() + ")"));
    }

    /** {@code lane}'s integer network placed for {@code device}, with its quantisation report. */
    static CompilationResult compile(BundleLane lane, NeuromorphicDevice device) throws UserError {
        FrontEnd f = lane.frontEnd();
        try {
            return new CompilationResult(new QuantisedModel(f.network(), new QuantisationReport(f.quantisation()),
                    f.dtSeconds()), NetworkCompiler.compile(f.network(), device.capabilities()),
                    f.inputShape().stream().mapToInt(Integer::intValue).toArray(), f.readouts());
        } catch (DoesNotFitException e) {
            throw new UserError("lane " + lane.sensor().label() + "'s " + f.describe() + " does not fit device '"
                    + device.capabilities().id() + "': " + e.getMessage());
        }
    }

    /** Whether {@code model} names a NIR graph (an HDF5 file, or no file: compiling it says what is wrong), not a bundle. */
    static boolean isNir(Path model) throws UserError {
        return !Files.isRegularFile(model) || isHdf5(model);
    }

    private static boolean isHdf5(Path file) throws UserError {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(HDF5_MAGIC.length), HDF5_MAGIC);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** {@code model} (a NIR file) quantised and placed for {@code device} with step {@code dt}. */
    static CompilationResult compile(Path model, NeuromorphicDevice device, double dt) throws UserError {
        if (Files.isDirectory(model)) {
            throw new UserError(model + " is a directory: give a NIR graph (.nir) or a model bundle (.vigil)");
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
