package dev.vigil.drivers.accel.engine;

import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.SumPoolLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a network into engine layers. A sum-pooling layer that feeds another layer and sends each
 * input to at most one output is fused away: its routing becomes the next layer's {@code remap}.
 * Convolutions get a channel-interleaved internal order ({@code (y*W + x)*C + c}) so that one input
 * event touches, per kernel row, one contiguous run of neurons.
 */
final class LayerLowering {

    private LayerLowering() {
    }

    static List<EngineLayer> lower(Network network, HopModel hops) {
        List<EngineLayer> out = new ArrayList<>();
        List<Layer> layers = network.layers();
        int[] sourceToExternal = identity(network.inputs());
        int[] pendingRoute = null;
        int[] routedSources = null;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            boolean last = i == layers.size() - 1;
            if (layer instanceof SumPoolLayer pool && !last && !(layers.get(i + 1) instanceof SumPoolLayer)
                    && singleTarget(pool)) {
                if (pendingRoute == null) {
                    routedSources = sourceToExternal;
                }
                pendingRoute = compose(pendingRoute, sourceToExternal, pool);
                sourceToExternal = null;
                continue;
            }
            int[] toExternal = layer instanceof ConvLayer c ? interleaved(c.output()) : identity(layer.neurons());
            int[] toInternal = inverse(toExternal);
            int[] remap;
            SynapseTable table;
            if (layer instanceof ConvLayer c) {
                table = ConvTables.build(c, toInternal);
            } else {
                table = genericTable(layer, toInternal);
            }
            if (layer instanceof SumPoolLayer) {
                table.weightless();
            }
            if (pendingRoute != null) {
                remap = pendingRoute;
            } else {
                remap = isIdentity(sourceToExternal) ? null : sourceToExternal;
            }
            SynapseTable recurrent = layer instanceof RecurrentLayer r ? recurrentTable(r) : null;
            int[] hopSources = pendingRoute != null ? routedSources : remap != null ? remap : identity(layer.inputs());
            int[] hopCost = hops == null ? null : hopCosts(hops, i, hopSources);
            boolean delayed = layer.neuron() instanceof CubaLif cuba && cuba.delay() == 1;
            out.add(new EngineLayer(i, layer.neuron(), toExternal, remap, table, recurrent, hopCost, delayed));
            sourceToExternal = toExternal;
            pendingRoute = null;
            routedSources = null;
        }
        return out;
    }

    /** Hop cost per source index; {@code sourceToExternal} names the source neuron the hop model expects. */
    private static int[] hopCosts(HopModel hops, int layer, int[] sourceToExternal) {
        int[] cost = new int[sourceToExternal.length];
        for (int s = 0; s < cost.length; s++) {
            cost[s] = hops.hops(layer, sourceToExternal[s]);
        }
        return cost;
    }

    private static boolean singleTarget(SumPoolLayer pool) {
        return pool.stride() >= pool.kernel();
    }

    /** Source index (previous layer's internal order) to pooled output, -1 when outside every window. */
    private static int[] compose(int[] earlierRoute, int[] sourceToExternal, SumPoolLayer pool) {
        int sources = earlierRoute != null ? earlierRoute.length : sourceToExternal.length;
        int[] route = new int[sources];
        for (int s = 0; s < sources; s++) {
            int in = earlierRoute != null ? earlierRoute[s] : sourceToExternal[s];
            int[] target = {-1};
            if (in >= 0) {
                pool.fanOut(in, (t, w) -> target[0] = t);
            }
            route[s] = target[0];
        }
        return route;
    }

    private static SynapseTable genericTable(Layer layer, int[] toInternal) {
        SynapseTableBuilder b = new SynapseTableBuilder(layer.inputs());
        for (int s = 0; s < layer.inputs(); s++) {
            layer.fanOut(s, (t, w) -> b.synapse(toInternal[t], w));
            b.endSource(s);
        }
        return b.build();
    }

    private static SynapseTable recurrentTable(RecurrentLayer r) {
        SynapseTableBuilder b = new SynapseTableBuilder(r.neurons());
        for (int s = 0; s < r.neurons(); s++) {
            r.recurrentFanOut(s, b::synapse);
            b.endSource(s);
        }
        return b.build();
    }

    static int[] interleaved(FeatureShape shape) {
        int[] toExternal = new int[shape.size()];
        int c = shape.channels();
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                for (int ch = 0; ch < c; ch++) {
                    toExternal[(y * shape.width() + x) * c + ch] = shape.index(ch, y, x);
                }
            }
        }
        return toExternal;
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static boolean isIdentity(int[] map) {
        for (int i = 0; i < map.length; i++) {
            if (map[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static int[] inverse(int[] map) {
        int[] inv = new int[map.length];
        for (int i = 0; i < map.length; i++) {
            inv[map[i]] = i;
        }
        return inv;
    }
}
