package dev.vigil.runtime.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8DepthwiseConv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Op;
import dev.vigil.runtime.dense.Int8Pool2d;
import dev.vigil.runtime.dense.Kernel;
import dev.vigil.runtime.dense.Pooling;
import dev.vigil.runtime.network.FeatureShape;

import java.util.Base64;
import java.util.Locale;

/**
 * One int8 layer of a bundle's dense head as JSON, by {@code kind}: {@code dense}, {@code conv2d},
 * {@code depthwise2d} or {@code pool2d}. Keys added after the first bundles (a convolution's stride
 * and padding, a requantisation multiplier) are written only when they differ from what older
 * bundles meant without them (stride 1, no padding, multiplier 1), so those files read as before and
 * write back to the same bytes.
 */
final class Int8OpJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Int8OpJson() {
    }

    /** {@code op} as a JSON object. */
    static ObjectNode write(Int8Op op) {
        ObjectNode l = NODES.objectNode();
        switch (op) {
            case Int8Layer d -> {
                l.put("kind", "dense").put("inputs", d.inputs()).put("outputs", d.outputs());
                weighted(l, d.weights(), d.bias(), d.multiplier(), d.shift(), d.relu());
            }
            case Int8Conv2d c -> {
                l.put("kind", "conv2d").put("in-channels", c.inChannels()).put("height", c.height()).put("width", c.width())
                        .put("out-channels", c.outChannels()).put("kh", c.kh()).put("kw", c.kw());
                if (!c.kernel().isValid()) {
                    strideAndPadding(l, c.kernel());
                }
                weighted(l, c.weights(), c.bias(), c.multiplier(), c.shift(), c.relu());
            }
            case Int8DepthwiseConv2d d -> {
                shape(l.put("kind", "depthwise2d"), d.input());
                l.put("kh", d.kernel().height()).put("kw", d.kernel().width());
                strideAndPadding(l, d.kernel());
                weighted(l, d.weights(), d.bias(), d.multiplier(), d.shift(), d.relu());
            }
            case Int8Pool2d p -> {
                l.put("kind", "pool2d").put("pooling", p.pooling().name().toLowerCase(Locale.ROOT));
                shape(l, p.input());
                l.put("kh", p.kernel().height()).put("kw", p.kernel().width())
                        .put("stride-y", p.kernel().strideY()).put("stride-x", p.kernel().strideX());
            }
        }
        return l;
    }

    private static void shape(ObjectNode l, FeatureShape s) {
        l.put("channels", s.channels()).put("height", s.height()).put("width", s.width());
    }

    private static void strideAndPadding(ObjectNode l, Kernel k) {
        l.put("stride-y", k.strideY()).put("stride-x", k.strideX()).put("pad-y", k.padY()).put("pad-x", k.padX());
    }

    private static void weighted(ObjectNode l, byte[] weights, int[] bias, int multiplier, int shift, boolean relu) {
        if (multiplier != 1) {
            l.put("multiplier", multiplier);
        }
        l.put("shift", shift).put("relu", relu);
        ArrayNode b = l.putArray("bias");
        for (int v : bias) {
            b.add(v);
        }
        l.put("weights", Base64.getEncoder().encodeToString(weights));
    }

    /**
     * The layer in {@code l}, found at {@code at} (e.g. {@code lanes[0].model.layers[2]}).
     *
     * @throws BundleException naming the field that is missing or wrong
     */
    static Int8Op read(JsonNode l, String at) throws BundleException {
        String kind = l.path("kind").asText();
        try {
            return switch (kind) {
                case "dense" -> new Int8Layer(integer(l, at, "inputs"), integer(l, at, "outputs"), weights(l, at), bias(l, at),
                        l.path("multiplier").asInt(1), integer(l, at, "shift"), relu(l, at));
                case "conv2d" -> new Int8Conv2d(new FeatureShape(integer(l, at, "in-channels"), integer(l, at, "height"),
                        integer(l, at, "width")), integer(l, at, "out-channels"), kernel(l, at, 1, 0), weights(l, at),
                        bias(l, at), l.path("multiplier").asInt(1), integer(l, at, "shift"), relu(l, at));
                case "depthwise2d" -> new Int8DepthwiseConv2d(shape(l, at), kernel(l, at, null, null), weights(l, at),
                        bias(l, at), l.path("multiplier").asInt(1), integer(l, at, "shift"), relu(l, at));
                case "pool2d" -> new Int8Pool2d(pooling(l, at), shape(l, at), new Kernel(integer(l, at, "kh"),
                        integer(l, at, "kw"), integer(l, at, "stride-y"), integer(l, at, "stride-x"), 0, 0));
                default -> throw new BundleException(at + ".kind '" + kind + "' is not dense, conv2d, depthwise2d or pool2d");
            };
        } catch (IllegalArgumentException e) {
            throw new BundleException(at + ": " + e.getMessage());
        }
    }

    private static FeatureShape shape(JsonNode l, String at) throws BundleException {
        return new FeatureShape(integer(l, at, "channels"), integer(l, at, "height"), integer(l, at, "width"));
    }

    /** The kernel; stride and padding default to {@code stride}/{@code pad} when given, else are required. */
    private static Kernel kernel(JsonNode l, String at, Integer stride, Integer pad) throws BundleException {
        return new Kernel(integer(l, at, "kh"), integer(l, at, "kw"), optional(l, at, "stride-y", stride),
                optional(l, at, "stride-x", stride), optional(l, at, "pad-y", pad), optional(l, at, "pad-x", pad));
    }

    private static int optional(JsonNode l, String at, String key, Integer otherwise) throws BundleException {
        return otherwise != null && l.path(key).isMissingNode() ? otherwise : integer(l, at, key);
    }

    private static Pooling pooling(JsonNode l, String at) throws BundleException {
        String p = l.path("pooling").asText();
        return switch (p) {
            case "max" -> Pooling.MAX;
            case "average" -> Pooling.AVERAGE;
            default -> throw new BundleException(at + ".pooling '" + p + "' is not max or average");
        };
    }

    private static int integer(JsonNode l, String at, String key) throws BundleException {
        JsonNode v = l.path(key);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new BundleException(at + "." + key + " is missing or not an integer");
        }
        return v.asInt();
    }

    private static boolean relu(JsonNode l, String at) throws BundleException {
        JsonNode v = l.path("relu");
        if (!v.isBoolean()) {
            throw new BundleException(at + ".relu is missing or not true/false");
        }
        return v.asBoolean();
    }

    private static byte[] weights(JsonNode l, String at) throws BundleException {
        try {
            return Base64.getDecoder().decode(l.path("weights").asText());
        } catch (IllegalArgumentException e) {
            throw new BundleException(at + ".weights is not Base64");
        }
    }

    private static int[] bias(JsonNode l, String at) throws BundleException {
        JsonNode b = l.path("bias");
        int[] bias = new int[b.size()];
        for (int k = 0; k < bias.length; k++) {
            if (!b.get(k).canConvertToInt() || !b.get(k).isIntegralNumber()) {
                throw new BundleException(at + ".bias[" + k + "] is not an integer");
            }
            bias[k] = b.get(k).asInt();
        }
        return bias;
    }
}
