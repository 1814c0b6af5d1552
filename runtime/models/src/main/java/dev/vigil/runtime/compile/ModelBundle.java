package dev.vigil.runtime.compile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vigil.runtime.hal.CoreAllocation;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.NeuronModel;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.QuantizedRelu;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.Relay;
import dev.vigil.runtime.network.SumPoolLayer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Vigil model bundle: a folder with {@code manifest.json} (network structure, neuron parameters,
 * target device, placement, quantisation report, and the SHA-256 of the weights) and
 * {@code weights.bin} (every layer's integer weights, little-endian int32, layers in order, recurrent
 * weights after feed-forward ones; offsets in the manifest).
 */
public final class ModelBundle {
    /** Manifest file name. */
    public static final String MANIFEST = "manifest.json";
    /** Weights file name. */
    public static final String WEIGHTS = "weights.bin";

    private ModelBundle() {
    }

    /** Writes {@code result} into {@code dir} (created if missing); returns the weights' SHA-256 in hex. */
    public static String write(Path dir, CompilationResult result) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream weights = new ByteArrayOutputStream();
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Layer layer : result.program().network().layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", layer.name());
            l.put("kind", layer.kind());
            l.put("inputs", layer.inputs());
            l.put("neurons", layer.neurons());
            l.put("neuron", neuron(layer.neuron()));
            switch (layer) {
                case DenseLayer d -> l.put("weights", append(weights, d.weights()));
                case RecurrentLayer r -> {
                    l.put("weights", append(weights, r.weights()));
                    l.put("recurrentWeights", append(weights, r.recurrentWeights()));
                }
                case ConvLayer c -> {
                    l.put("input", List.of(c.input().channels(), c.input().height(), c.input().width()));
                    l.put("outChannels", c.outChannels());
                    l.put("kernel", List.of(c.kernelHeight(), c.kernelWidth()));
                    l.put("stride", List.of(c.strideY(), c.strideX()));
                    l.put("padding", List.of(c.padY(), c.padX()));
                    l.put("groups", c.groups());
                    l.put("weights", append(weights, c.weights()));
                }
                case SumPoolLayer p -> {
                    l.put("input", List.of(p.input().channels(), p.input().height(), p.input().width()));
                    l.put("kernel", p.kernel());
                    l.put("stride", p.stride());
                }
            }
            layers.add(l);
        }
        byte[] bytes = weights.toByteArray();
        String sha = sha256(bytes);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "vigil-model-bundle/1");
        manifest.put("network", result.program().network().name());
        manifest.put("device", result.program().target().id());
        manifest.put("dtSeconds", result.model().dt());
        manifest.put("networkInputs", result.program().network().inputs());
        manifest.put("layers", layers);
        List<Map<String, Object>> placement = new ArrayList<>();
        for (CoreAllocation a : result.program().placement()) {
            placement.add(Map.of("core", a.core(), "layer", a.layer(), "firstNeuron", a.firstNeuron(),
                    "neurons", a.neurons(), "synapses", a.synapses()));
        }
        manifest.put("placement", placement);
        manifest.put("quantisation", result.model().report().layers());
        manifest.put("weightsFile", WEIGHTS);
        manifest.put("weightsBytes", bytes.length);
        manifest.put("weightsSha256", sha);
        Files.write(dir.resolve(WEIGHTS), bytes);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(MANIFEST).toFile(),
                manifest);
        return sha;
    }

    /** Checks that {@code dir}'s weights match the SHA-256 its manifest records; returns the hash. */
    public static String verify(Path dir) throws IOException {
        Map<?, ?> manifest = new ObjectMapper().readValue(dir.resolve(MANIFEST).toFile(), Map.class);
        Object expected = manifest.get("weightsSha256");
        String actual = sha256(Files.readAllBytes(dir.resolve(WEIGHTS)));
        if (!actual.equals(expected)) {
            throw new IOException(dir.resolve(WEIGHTS) + ": SHA-256 " + actual + " does not match the manifest's "
                    + expected);
        }
        return actual;
    }

    private static Map<String, Object> neuron(NeuronModel model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.kind());
        switch (model) {
            case CubaLif c -> {
                m.put("du", c.du());
                m.put("dv", c.dv());
                m.put("biasMantissa", c.biasMantissa());
                m.put("biasExponent", c.biasExponent());
                m.put("threshold", c.threshold());
                m.put("delay", c.delay());
                if (c.biasMantissas() != null) {
                    m.put("biasMantissas", c.biasMantissas());
                }
                putIfPresent(m, "dus", c.dus());
                putIfPresent(m, "dvs", c.dvs());
                putIfPresent(m, "initialV", c.initialV());
                putIfPresent(m, "currentBias", c.currentBias());
            }
            case NeuronParams p -> {
                m.put("threshold", p.threshold());
                m.put("leakShift", p.leakShift());
                m.put("reset", p.reset().name());
                m.put("refractorySteps", p.refractorySteps());
            }
            case QuantizedRelu q -> {
                m.put("step", q.step());
                m.put("bits", q.bits());
            }
            case Relay r -> {
            }
        }
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, int[] values) {
        if (values != null) {
            m.put(key, values);
        }
    }

    private static Map<String, Integer> append(ByteArrayOutputStream out, int[] values) throws IOException {
        int offset = out.size();
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        new DataOutputStream(out).write(b.array());
        return Map.of("offset", offset, "count", values.length);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
