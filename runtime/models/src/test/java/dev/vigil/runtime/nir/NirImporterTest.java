package dev.vigil.runtime.nir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the importer composes the stateless nodes between neuron nodes, and what it refuses. */
class NirImporterTest {
    @TempDir
    Path tmp;

    private static NirFiles lif(NirFiles g, String name) {
        return g.node(name, "LIF", "tau", new double[] {0.01}, "r", new double[] {1}, "v_leak", new double[] {0},
                "v_threshold", new double[] {1});
    }

    @Test
    void convolutionThenAveragePoolingIsOneConvolutionWithTheWindowSummedIn() throws Exception {
        // a 1x1 kernel of weight 2, stride 1, then 2x2 average pooling: one 2x2 kernel of 0.5, stride 2
        double[][][][] kernel = {{{{2}}}};
        Path f = lif(new NirFiles(), "lif").node("in", "Input", "shape", new long[] {1, 4, 4})
                .node("c", "Conv2d", "weight", kernel, "stride", new long[] {1, 1}, "padding", new long[] {0, 0})
                .node("p", "AvgPool2d", "kernel_size", new long[] {2, 2}, "stride", new long[] {2, 2})
                .node("out", "Output", "shape", new long[] {1, 2, 2}).chain("in", "c", "p", "lif", "out")
                .write(tmp.resolve("cp.nir"));
        List<FloatLayer> layers = NirImporter.importGraph(NirReader.read(f), f.toString()).layers();
        assertEquals(1, layers.size());
        FloatLayer l = layers.getFirst();
        assertEquals(FloatLayer.Kind.CONV, l.kind());
        assertEquals(new FloatLayer.ConvGeometry(1, 2, 2, 2, 2, 0, 0, 1), l.conv());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, l.weights());
        assertArrayEquals(new int[] {1, 2, 2}, l.shape());
    }

    @Test
    void poolingAfterNeuronsFeedingWeightsIsALayerAndTheAverageGoesIntoTheWeights() throws Exception {
        double[][][][] kernel = {{{{1}}}};
        Path f = lif(lif(new NirFiles(), "a"), "b").node("in", "Input", "shape", new long[] {1, 4, 4})
                .node("c", "Conv2d", "weight", kernel)
                .node("p", "AvgPool2d", "kernel_size", new long[] {2, 2}, "stride", new long[] {2, 2})
                .node("f", "Flatten", "start_dim", 0L, "end_dim", -1L)
                .node("fc", "Linear", "weight", new double[][] {{4, 4, 4, 4}})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "c", "a", "p", "f", "fc", "b", "out")
                .write(tmp.resolve("pool.nir"));
        List<FloatLayer> layers = NirImporter.importGraph(NirReader.read(f), f.toString()).layers();
        assertEquals(List.of(FloatLayer.Kind.CONV, FloatLayer.Kind.SUMPOOL, FloatLayer.Kind.DENSE),
                layers.stream().map(FloatLayer::kind).toList());
        assertArrayEquals(new double[] {1, 1, 1, 1}, layers.get(2).weights(), "4 x 1/4");
    }

    @Test
    void consecutiveAffineNodesMultiplyOutAndANeuronAfterANeuronIsOneToOne() throws Exception {
        Path f = lif(lif(new NirFiles(), "a"), "b").node("in", "Input", "shape", new long[] {2})
                .node("w1", "Affine", "weight", new double[][] {{1, 2}}, "bias", new double[] {0.5})
                .node("w2", "Linear", "weight", new double[][] {{3}})
                .node("s", "Scale", "scale", new double[] {2})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "w1", "w2", "a", "s", "b", "out")
                .write(tmp.resolve("aff.nir"));
        List<FloatLayer> layers = NirImporter.importGraph(NirReader.read(f), f.toString()).layers();
        assertArrayEquals(new double[] {3, 6}, layers.get(0).weights());
        assertArrayEquals(new double[] {1.5}, layers.get(0).bias());
        assertEquals(FloatLayer.Kind.CONV, layers.get(1).kind(), "one weight per neuron as a 1x1 grouped convolution");
        assertArrayEquals(new double[] {2}, layers.get(1).weights());
    }

    @Test
    void refusesWhatTheDevicesCannotRunNamingTheNode() throws Exception {
        NirFiles voltage = new NirFiles().node("in", "Input", "shape", new long[] {1})
                .node("w", "Linear", "weight", new double[][] {{1}})
                .node("li", "LI", "tau", new double[] {0.01}, "r", new double[] {1}, "v_leak", new double[] {0})
                .node("w2", "Linear", "weight", new double[][] {{1}})
                .node("out", "Output", "shape", new long[] {1});
        lif(voltage, "lif").chain("in", "w", "li", "w2", "lif", "out");
        Path file = voltage.write(tmp.resolve("li.nir"));
        NirFormatException e = assertThrows(NirFormatException.class,
                () -> NirImporter.importGraph(NirReader.read(file), file.toString()));
        assertTrue(e.getMessage().contains("node 'li': LI outputs its voltage"), e.getMessage());
        NirFiles conv = new NirFiles().node("in", "Input", "shape", new long[] {1, 3, 3})
                .node("c1", "Conv2d", "weight", new double[1][1][1][1]).node("c2", "Conv2d", "weight",
                        new double[1][1][1][1]).node("out", "Output", "shape", new long[] {1, 3, 3});
        Path twice = lif(conv, "lif").chain("in", "c1", "c2", "lif", "out").write(tmp.resolve("cc.nir"));
        NirFormatException c = assertThrows(NirFormatException.class,
                () -> NirImporter.importGraph(NirReader.read(twice), twice.toString()));
        assertTrue(c.getMessage().contains("node 'c2': convolution after weights 'c1' without a neuron node"),
                c.getMessage());
    }
}
