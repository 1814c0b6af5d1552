package dev.vigil.runtime.nir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading real NIR files from shared/data/nir and files written here; refusals name what they refuse. */
class NirReaderTest {
    private static final Path NIR = Path.of(System.getProperty("vigil.shared", "../shared"), "data", "nir");

    @TempDir
    Path tmp;

    @Test
    void readsNorsesLifGraph() throws Exception {
        NirGraph g = NirReader.read(NIR.resolve("lif_norse.nir"));
        assertEquals("0.1.1", g.version());
        assertEquals(List.of(new NirGraph.Edge("input", "0"), new NirGraph.Edge("0", "1"),
                new NirGraph.Edge("1", "output")), g.edges());
        NirNode.LIF lif = assertInstanceOf(NirNode.LIF.class, g.nodes().get("1"));
        assertEquals(1.0 / 400, lif.tau().get(0), 1e-9);
        assertEquals(0.1, lif.vThreshold().get(0), 1e-7);
        NirNode.Affine affine = assertInstanceOf(NirNode.Affine.class, g.nodes().get("0"));
        assertArrayEquals(new int[] {1, 1}, affine.weight().shape());
    }

    @Test
    void readsTheRecurrentBrailleGraph() throws Exception {
        NirGraph g = NirReader.read(NIR.resolve("braille_noDelay_bias_zero.nir"));
        assertEquals(7, g.nodes().size());
        assertEquals(7, g.edges().size());
        NirNode.CubaLIF lif = assertInstanceOf(NirNode.CubaLIF.class, g.nodes().get("lif1.lif"));
        assertEquals(38, lif.tauMem().size());
        assertArrayEquals(new int[] {38, 38}, ((NirNode.Affine) g.nodes().get("lif1.w_rec")).weight().shape());
        assertEquals(List.of("lif1.w_rec", "fc2"), g.targets("lif1.lif").stream().sorted().toList().reversed());
    }

    @Test
    void refusesAnUnsupportedNodeTypeByName() {
        Path f = new NirFiles().node("in", "Input", "shape", new long[] {1})
                .node("sig", "Sigmoid", "scale", new double[] {1}).node("out", "Output", "shape", new long[] {1})
                .chain("in", "sig", "out").write(tmp.resolve("sig.nir"));
        NirFormatException e = assertThrows(NirFormatException.class, () -> NirReader.read(f));
        assertTrue(e.getMessage().contains("node 'sig': unsupported node type 'Sigmoid'"), e.getMessage());
    }

    @Test
    void refusesAnUnsupportedParameterByName() {
        Path f = new NirFiles().node("in", "Input", "shape", new long[] {1})
                .node("lif", "LIF", "tau", new double[] {0.01}, "r", new double[] {1}, "v_leak", new double[] {0},
                        "v_threshold", new double[] {1}, "v_rest", new double[] {0.2})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "lif", "out")
                .write(tmp.resolve("rest.nir"));
        NirFormatException e = assertThrows(NirFormatException.class, () -> NirReader.read(f));
        assertTrue(e.getMessage().contains("node 'lif' (LIF): unsupported parameter 'v_rest'"), e.getMessage());
    }

    @Test
    void refusesAMissingParameterAndAnEdgeToNowhere() {
        Path missing = new NirFiles().node("in", "Input", "shape", new long[] {1})
                .node("lif", "LIF", "tau", new double[] {0.01}).node("out", "Output", "shape", new long[] {1})
                .chain("in", "lif", "out").write(tmp.resolve("missing.nir"));
        NirFormatException e = assertThrows(NirFormatException.class, () -> NirReader.read(missing));
        assertTrue(e.getMessage().contains("missing parameter(s) [r, v_leak, v_threshold]"), e.getMessage());
        Path dangling = new NirFiles().node("in", "Input", "shape", new long[] {1})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "ghost", "out")
                .write(tmp.resolve("dangling.nir"));
        NirFormatException d = assertThrows(NirFormatException.class, () -> NirReader.read(dangling));
        assertTrue(d.getMessage().contains("unknown node 'ghost'"), d.getMessage());
    }

    /**
     * Vigil does not ship LZ4 (lz4-java 1.8.0 has CVE-2025-12183 and CVE-2025-66566): a NIR file whose
     * datasets are LZ4-compressed is refused naming the dataset and the filter. The file is a real one
     * with its gzip filters relabelled as LZ4 (HDF5 filter 32004) in each filter pipeline message.
     */
    @Test
    void refusesLz4CompressedDatasetsByName() throws Exception {
        byte[] f = Files.readAllBytes(NIR.resolve("conv1d_audio_lif.nir"));
        byte[] deflate = "deflate\0".getBytes(StandardCharsets.US_ASCII);
        int relabelled = 0;
        for (int i = 8; i + deflate.length <= f.length; i++) {
            if (Arrays.equals(f, i, i + deflate.length, deflate, 0, deflate.length) && f[i - 8] == 1 && f[i - 7] == 0) {
                f[i - 8] = 0x04;   // filter id 1 (deflate) -> 32004 (0x7D04, LZ4), little-endian
                f[i - 7] = 0x7D;
                relabelled++;
            }
        }
        assertEquals(17, relabelled, "every chunked dataset of the file");
        Path lz4 = Files.write(tmp.resolve("lz4.nir"), f);
        NirFormatException e = assertThrows(NirFormatException.class, () -> NirReader.read(lz4));
        assertTrue(e.getMessage().startsWith(lz4 + ": node '"), e.getMessage());
        assertTrue(e.getMessage().contains("LZ4-compressed (HDF5 filter 32004), which Vigil does not read;"
                + " write the NIR file with gzip or without compression"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotHdf5() throws Exception {
        Path f = Files.writeString(tmp.resolve("text.nir"), "not an HDF5 file at all");
        NirFormatException e = assertThrows(NirFormatException.class, () -> NirReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void readsANestedGraphAndFlattensItsInputAndOutputAway() throws Exception {
        NirGraph g = NirReader.read(NIR.resolve("nested_subgraph_cuba.nir"));
        NirNode.Graph rnn = assertInstanceOf(NirNode.Graph.class, g.nodes().get("rnn"));
        assertEquals(4, rnn.graph().nodes().size());
        NirGraph flat = g.flatten();
        assertEquals(List.of("fc1", "fc2", "input", "lif_out", "output", "rnn/lif", "rnn/w_rec"),
                flat.nodes().keySet().stream().sorted().toList());
        assertEquals(List.of("fc1 -> rnn/lif", "fc2 -> lif_out", "input -> fc1", "lif_out -> output",
                "rnn/lif -> fc2", "rnn/lif -> rnn/w_rec", "rnn/w_rec -> rnn/lif"),
                flat.edges().stream().map(NirGraph.Edge::toString).sorted().toList());
    }

    @Test
    void readsPastMetadataAndTypesAndTakesNirsNameForTheIntegrator() throws Exception {
        Path f = new NirFiles().node("in", "Input", "shape", new long[] {2}, "metadata", "from a test")
                .node("w", "Linear", "weight", new double[][] {{1, 2}}, "input_type", new long[] {2})
                .node("i", "I", "r", new double[] {0.5}, "output_type", new long[] {1})
                .node("out", "Output", "shape", new long[] {1}).chain("in", "w", "i", "out")
                .write(tmp.resolve("meta.nir"));
        NirGraph g = NirReader.read(f);
        NirNode.Integrator i = assertInstanceOf(NirNode.Integrator.class, g.nodes().get("i"));
        assertEquals("I", i.type());
        assertEquals(0.5, i.r().get(0));
    }

    @Test
    void readsANamedConvolutionPadding() throws Exception {
        Path f = new NirFiles().node("in", "Input", "shape", new long[] {1, 5, 5})
                .node("c", "Conv2d", "weight", new double[1][1][3][5], "padding", "same")
                .node("out", "Output", "shape", new long[] {1, 5, 5}).chain("in", "c", "out")
                .write(tmp.resolve("same.nir"));
        NirNode.Conv2d c = assertInstanceOf(NirNode.Conv2d.class, NirReader.read(f).nodes().get("c"));
        assertArrayEquals(new int[] {1, 2}, c.padding().ints("padding"));
        Path even = new NirFiles().node("in", "Input", "shape", new long[] {1, 5, 5})
                .node("c", "Conv2d", "weight", new double[1][1][2][2], "padding", "same")
                .node("out", "Output", "shape", new long[] {1, 5, 5}).chain("in", "c", "out")
                .write(tmp.resolve("even.nir"));
        NirFormatException e = assertThrows(NirFormatException.class, () -> NirReader.read(even));
        assertTrue(e.getMessage().contains("node 'c': padding 'same' with kernel 2 pads unevenly"), e.getMessage());
    }
}
