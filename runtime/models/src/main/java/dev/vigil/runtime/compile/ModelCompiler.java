package dev.vigil.runtime.compile;

import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.nir.NirGraph;
import dev.vigil.runtime.nir.NirImporter;
import dev.vigil.runtime.nir.NirReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The library behind {@code vigil compile}: NIR file in, quantised network placed on a device out,
 * with a printable report of per-core utilisation and quantisation errors.
 */
public final class ModelCompiler {

    private ModelCompiler() {
    }

    /**
     * Imports {@code nirFile}, discretises it with step {@code dt} seconds, quantises it into weights
     * {@code target} holds and compiles it for {@code target}. Throws {@link dev.vigil.runtime.nir.NirFormatException} for a graph it cannot
     * import (naming node and parameter) and {@link DoesNotFitException} for one the device cannot hold.
     */
    public static CompilationResult compile(Path nirFile, DeviceCapabilities target, double dt)
            throws java.io.IOException, DoesNotFitException {
        NirGraph graph = NirReader.read(nirFile);
        String name = nirFile.getFileName().toString().replaceFirst("\\.nir$", "");
        NirImporter.Imported imported = NirImporter.importGraph(graph, nirFile.toString());
        QuantisedModel model = Quantiser.quantise(nirFile.toString(), name, imported.layers(), dt, target);
        int outputs = model.network().outputs();
        List<String> readouts = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            readouts.add(outputs == 1 ? imported.output() : imported.output() + "[" + i + "]");
        }
        return new CompilationResult(model, NetworkCompiler.compile(model.network(), target), imported.inputShape(),
                readouts);
    }
}
