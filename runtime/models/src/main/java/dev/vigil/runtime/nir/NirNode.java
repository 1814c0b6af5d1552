package dev.vigil.runtime.nir;

import java.util.Map;
import java.util.Set;

/**
 * One node of a NIR graph, as the NIR specification defines it (Pedersen et al., Nature
 * Communications 2024). Continuous-time neuron nodes carry time constants in seconds; the importer
 * discretises them with the step the user gives.
 */
public sealed interface NirNode {

    /** NIR's type name, e.g. {@code "CubaLIF"}. */
    String type();

    /** Graph input: {@code shape} of the data entering. */
    record Input(Tensor shape) implements NirNode {
        public String type() {
            return "Input";
        }
    }

    /** Graph output. */
    record Output(Tensor shape) implements NirNode {
        public String type() {
            return "Output";
        }
    }

    /** {@code y = W x + b}, W of shape (out, in). */
    record Affine(Tensor weight, Tensor bias) implements NirNode {
        public String type() {
            return "Affine";
        }
    }

    /** {@code y = W x}. */
    record Linear(Tensor weight) implements NirNode {
        public String type() {
            return "Linear";
        }
    }

    /** 1-D convolution, weight (out, in/groups, k). */
    record Conv1d(Tensor weight, Tensor stride, Tensor padding, Tensor dilation, Tensor groups, Tensor bias,
                  Tensor inputShape) implements NirNode {
        public String type() {
            return "Conv1d";
        }
    }

    /** 2-D convolution, weight (out, in/groups, kh, kw). */
    record Conv2d(Tensor weight, Tensor stride, Tensor padding, Tensor dilation, Tensor groups, Tensor bias,
                  Tensor inputShape) implements NirNode {
        public String type() {
            return "Conv2d";
        }
    }

    /** Sum pooling. */
    record SumPool2d(Tensor kernelSize, Tensor stride, Tensor padding) implements NirNode {
        public String type() {
            return "SumPool2d";
        }
    }

    /** Average pooling. */
    record AvgPool2d(Tensor kernelSize, Tensor stride, Tensor padding) implements NirNode {
        public String type() {
            return "AvgPool2d";
        }
    }

    /** Flattening of dimensions {@code startDim..endDim} of {@code inputType}. */
    record Flatten(Tensor startDim, Tensor endDim, Tensor inputType) implements NirNode {
        public String type() {
            return "Flatten";
        }
    }

    /** Element-wise {@code y = s x}. */
    record Scale(Tensor scale) implements NirNode {
        public String type() {
            return "Scale";
        }
    }

    /** {@code y = H(x - threshold)}. */
    record Threshold(Tensor threshold) implements NirNode {
        public String type() {
            return "Threshold";
        }
    }

    /** Element-wise delay in seconds. */
    record Delay(Tensor delay) implements NirNode {
        public String type() {
            return "Delay";
        }
    }

    /** Integrate-and-fire: {@code dv/dt = R I}, spike and reset above {@code vThreshold}. */
    record IF(Tensor r, Tensor vThreshold, Tensor vReset) implements NirNode {
        public String type() {
            return "IF";
        }
    }

    /** Leaky integrator: {@code tau dv/dt = (vLeak - v) + R I}. */
    record LI(Tensor tau, Tensor r, Tensor vLeak) implements NirNode {
        public String type() {
            return "LI";
        }
    }

    /** Leaky integrate-and-fire: LI plus spike and reset above {@code vThreshold}. */
    record LIF(Tensor tau, Tensor r, Tensor vLeak, Tensor vThreshold, Tensor vReset) implements NirNode {
        public String type() {
            return "LIF";
        }
    }

    /** Current-based LI: {@code tauSyn dI/dt = -I + wIn x}, {@code tauMem dv/dt = (vLeak - v) + R I}. */
    record CubaLI(Tensor tauSyn, Tensor tauMem, Tensor r, Tensor vLeak, Tensor wIn) implements NirNode {
        public String type() {
            return "CubaLI";
        }
    }

    /** Current-based LIF: CubaLI plus spike and reset above {@code vThreshold}. */
    record CubaLIF(Tensor tauSyn, Tensor tauMem, Tensor r, Tensor vLeak, Tensor vThreshold, Tensor vReset,
                   Tensor wIn) implements NirNode {
        public String type() {
            return "CubaLIF";
        }
    }

    /** NIR's {@code I}: {@code dv/dt = R I}, no spikes. */
    record Integrator(Tensor r) implements NirNode {
        public String type() {
            return "I";
        }
    }

    /** A nested graph ({@code NIRGraph}), flattened by {@link NirGraph#flatten()} before import. */
    record Graph(NirGraph graph) implements NirNode {
        public String type() {
            return "NIRGraph";
        }
    }

    /**
     * Parameters each node type accepts (all others are refused by name, except {@link #IGNORED}); the
     * required ones are in {@link #REQUIRED}. {@code Integrator} is read as NIR's {@code I}, the name
     * older files used.
     */
    Map<String, Set<String>> PARAMETERS = Map.ofEntries(
            Map.entry("Input", Set.of("shape", "input_type")),
            Map.entry("Output", Set.of("shape")),
            Map.entry("Affine", Set.of("weight", "bias")),
            Map.entry("Linear", Set.of("weight")),
            Map.entry("Conv1d", Set.of("weight", "stride", "padding", "dilation", "groups", "bias", "input_shape")),
            Map.entry("Conv2d", Set.of("weight", "stride", "padding", "dilation", "groups", "bias", "input_shape")),
            Map.entry("SumPool2d", Set.of("kernel_size", "stride", "padding")),
            Map.entry("AvgPool2d", Set.of("kernel_size", "stride", "padding")),
            Map.entry("Flatten", Set.of("start_dim", "end_dim", "input_type")),
            Map.entry("Scale", Set.of("scale")),
            Map.entry("Threshold", Set.of("threshold")),
            Map.entry("Delay", Set.of("delay")),
            Map.entry("IF", Set.of("r", "v_threshold", "v_reset")),
            Map.entry("LI", Set.of("tau", "r", "v_leak")),
            Map.entry("LIF", Set.of("tau", "r", "v_leak", "v_threshold", "v_reset")),
            Map.entry("CubaLI", Set.of("tau_syn", "tau_mem", "r", "v_leak", "w_in")),
            Map.entry("CubaLIF", Set.of("tau_syn", "tau_mem", "r", "v_leak", "v_threshold", "v_reset", "w_in")),
            Map.entry("I", Set.of("r")),
            Map.entry("Integrator", Set.of("r")));

    /** Entries any node may carry that do not change what it computes: read past, never refused. */
    Set<String> IGNORED = Set.of("metadata", "input_type", "output_type");

    /** Parameters that must be present. */
    Map<String, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry("Input", Set.of()),
            Map.entry("Output", Set.of()),
            Map.entry("Affine", Set.of("weight", "bias")),
            Map.entry("Linear", Set.of("weight")),
            Map.entry("Conv1d", Set.of("weight")),
            Map.entry("Conv2d", Set.of("weight")),
            Map.entry("SumPool2d", Set.of("kernel_size", "stride")),
            Map.entry("AvgPool2d", Set.of("kernel_size", "stride")),
            Map.entry("Flatten", Set.of()),
            Map.entry("Scale", Set.of("scale")),
            Map.entry("Threshold", Set.of("threshold")),
            Map.entry("Delay", Set.of("delay")),
            Map.entry("IF", Set.of("r", "v_threshold")),
            Map.entry("LI", Set.of("tau", "r", "v_leak")),
            Map.entry("LIF", Set.of("tau", "r", "v_leak", "v_threshold")),
            Map.entry("CubaLI", Set.of("tau_syn", "tau_mem", "r", "v_leak")),
            Map.entry("CubaLIF", Set.of("tau_syn", "tau_mem", "r", "v_leak", "v_threshold")),
            Map.entry("I", Set.of("r")),
            Map.entry("Integrator", Set.of("r")));
}
