package dev.vigil.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vigil simulate` and `vigil export-nir` on the NIR paper's models and the fixtures of ../shared/data/nir. */
class SimulateCommandTest {

    private static Path nir(String name) {
        return TestPaths.shared().resolve("data/nir").resolve(name);
    }

    /** lif_exact.csv's input column (one spike where it is 1) as a step,channel CSV. */
    private static Path lifInput(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(nir("lif_exact.csv"));
        StringBuilder csv = new StringBuilder("step,channel\n");
        for (int s = 0; s < lines.size(); s++) {
            if (Double.parseDouble(lines.get(s).split(",")[0]) != 0) {
                csv.append(s).append(",0\n");
            }
        }
        return Files.writeString(dir.resolve("lif_input.csv"), csv);
    }

    /** The CSV rows (not the '# ' summary) of a run. */
    private static List<String> rows(CliRun run) {
        return run.outLines().stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void lifNeuronSpikesAtTheNirPapersStepsOnTheGoldenAndTheLoihiClassDevice(@TempDir Path dir) throws Exception {
        Path input = lifInput(dir);
        CliRun golden = CliRun.run("simulate", nir("lif_norse.nir").toString(), "--input", input.toString(),
                "--dt", "0.0001", "--steps", "1000");
        assertEquals(0, golden.exitCode(), golden.err());
        assertEquals(List.of("neuron,readout,count,spike_steps", "0,output,4,460 510 710 760"), rows(golden));
        assertTrue(golden.outLines().stream().anyMatch(l -> l.startsWith("# device reference: 1000 steps") && l.endsWith(", 1 core")),
                String.join("\n", golden.outLines()));
        assertTrue(golden.outLines().stream().anyMatch(l -> l.startsWith("# energy: ")), golden.outLines().toString());
        CliRun loihi = CliRun.run("simulate", nir("lif_norse.nir").toString(), "--input", input.toString(),
                "--dt", "0.0001", "--steps", "1000", "--device", "loihi");
        assertEquals(0, loihi.exitCode(), loihi.err());
        assertEquals("0,output,4,461 511 711 761", rows(loihi).get(1));
    }

    @Test
    void brailleNetworkRunsOnEveryDevice() {
        List<List<String>> outputs = new ArrayList<>();
        for (String device : List.of("reference", "fast", "loihi", "akida")) {
            CliRun run = CliRun.run("simulate", nir("braille_noDelay_bias_zero.nir").toString(), "--input",
                    nir("nested_subgraph_cuba_input.csv").toString(), "--dt", "0.0001", "--device", device);
            assertEquals(0, run.exitCode(), device + ": " + run.err());
            List<String> rows = rows(run);
            assertEquals(8, rows.size(), device + ": a header and the 7 Braille classes: " + rows);
            assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("# device " + device + ": 300 steps")),
                    run.outLines().toString());
            int spikes = rows.stream().skip(1).mapToInt(r -> Integer.parseInt(r.split(",")[2])).sum();
            assertTrue(spikes > 0, device + ": the readout spikes on 300 steps of 10 % input: " + rows);
            outputs.add(rows);
        }
        assertEquals(outputs.get(0), outputs.get(1), "the fast device runs the golden device's program bit for bit");
    }

    @Test
    void convolutionalFixtureReadsEventCameraFramesFromCsvAndNpyAlike(@TempDir Path dir) throws Exception {
        Path frames = nir("nmnist_sample_frames_1ms.csv");
        CliRun csv = CliRun.run("simulate", nir("conv_dvs_sumpool_if.nir").toString(), "--input", frames.toString(),
                "--device", "fast", "--out", dir.resolve("spikes.csv").toString());
        assertEquals(0, csv.exitCode(), csv.err());
        List<String> written = Files.readAllLines(dir.resolve("spikes.csv"));
        assertEquals(7, written.size(), written.toString());
        assertTrue(written.get(1).startsWith("0,output[0],35,21 24 26 29 33"), "fixtures_reference.json's output 0: "
                + written.get(1));
        Path npy = framesAsNpy(frames, dir.resolve("frames.npy"));
        CliRun array = CliRun.run("simulate", nir("conv_dvs_sumpool_if.nir").toString(), "--input", npy.toString(),
                "--device", "fast");
        assertEquals(0, array.exitCode(), array.err());
        assertEquals(written, rows(array));
    }

    /** The frames CSV as an NPY array of shape (310, 2, 34, 34), uint8. */
    private static Path framesAsNpy(Path csv, Path npy) throws IOException {
        byte[] data = new byte[310 * 2 * 34 * 34];
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int index = ((Integer.parseInt(f[0]) * 2 + Integer.parseInt(f[1])) * 34 + Integer.parseInt(f[2])) * 34
                    + Integer.parseInt(f[3]);
            data[index] = (byte) Integer.parseInt(f[4]);
        }
        String header = "{'descr': '|u1', 'fortran_order': False, 'shape': (310, 2, 34, 34), }";
        header = header + " ".repeat(63 - (10 + header.length()) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return Files.write(npy, b.array());
    }

    @Test
    void badInputIsOneLineNamingTheFileAndWhatIsSupported(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "step,channel\n0,0\n3,7\n");
        CliRun channel = CliRun.run("simulate", nir("lif_norse.nir").toString(), "--input", bad.toString());
        assertEquals(1, channel.exitCode());
        assertTrue(channel.err().contains("bad.csv:line 3: channel 7 outside 0..0"), channel.err());
        assertEquals(1, channel.err().strip().lines().count(), channel.err());
        Path far = Files.writeString(dir.resolve("far.csv"), "step,channel\n0,0\n2000000000,0\n");
        CliRun steps = CliRun.run("simulate", nir("lif_norse.nir").toString(), "--input", far.toString());
        assertEquals(1, steps.exitCode(), steps.err());
        assertTrue(steps.err().contains("far.csv:line 3: step 2,000,000,000 outside 0..9,999,999"), steps.err());
        assertEquals(1, steps.err().strip().lines().count(), steps.err());
        Path frames = Files.writeString(dir.resolve("frames.csv"), "step,polarity,y,x,count\n0,0,0,0,1\n");
        CliRun shape = CliRun.run("simulate", nir("lif_norse.nir").toString(), "--input", frames.toString());
        assertEquals(1, shape.exitCode());
        assertTrue(shape.err().contains("frames.csv: event-camera frames need a (C, H, W) input, the model takes [1]"),
                shape.err());
    }

    private static Path audio(String name) {
        return TestPaths.shared().resolve("data/audio").resolve(name);
    }

    private static Path nmnist() {
        return TestPaths.shared().resolve("data/event-camera/nmnist_tonic_sample.bin");
    }

    /** The number after {@code key} in the '# ' line starting with {@code prefix}. */
    private static long figure(CliRun run, String prefix, String key) {
        String line = run.outLines().stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(
                () -> new AssertionError("no line " + prefix + " in " + run.outLines()));
        String[] words = line.split("[ ,:]+");
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals(key)) {
                return Long.parseLong(words[i - 1]);
            }
        }
        throw new AssertionError("no '" + key + "' in " + line);
    }

    @Test
    void nmnistRecordingThroughTheEventCameraEncoderGivesTheSpikesOfTheReferenceFrames() throws Exception {
        CliRun frames = CliRun.run("simulate", nir("conv_dvs_sumpool_if.nir").toString(), "--input",
                nir("nmnist_sample_frames_1ms.csv").toString(), "--device", "fast");
        CliRun recording = CliRun.run("simulate", nir("conv_dvs_sumpool_if.nir").toString(), "--input",
                nmnist().toString(), "--device", "fast");
        assertEquals(0, recording.exitCode(), recording.err());
        // Tonic's ToFrame(1 ms) from the first event (654 us) is what the lane's encoder gives with the default
        // (pass-through) filter and a 34x34 camera cropped at factor 1; the 2 events of the partial last step
        // (step 310) are the only extra input, and reach no output before the frames end.
        assertEquals(rows(frames), rows(recording));
        assertEquals(Files.size(nmnist()) / 5, figure(recording, "# device fast", "input"), "every event of the file");
        assertEquals(figure(frames, "# device fast", "input") + 2, figure(recording, "# device fast", "input"));
        assertTrue(recording.outLines().stream().anyMatch(l -> l.startsWith("# input: " + nmnist() + " stream 0 'n-mnist'"
                + " (dvs) through event grid 34x34 x 2 polarities") && l.endsWith("step 0 at 654 us")),
                recording.outLines().toString());
        assertTrue(recording.outLines().stream().anyMatch(l -> l.startsWith("# device fast: 311 steps")),
                recording.outLines().toString());
    }

    @Test
    void audioRecordingRunsThroughTheFilterbankTheConfigSetsUp(@TempDir Path dir) throws Exception {
        Path rise = Files.writeString(dir.resolve("rise.yaml"), "sensors:\n  audio:\n    spikes: rise\n");
        Path model = nir("conv1d_audio_lif.nir");
        CliRun yes = CliRun.run("simulate", model.toString(), "--input", audio("speechcommands_yes_1000ms_tflm.wav").toString(),
                "--config", rise.toString());
        assertEquals(0, yes.exitCode(), yes.err());
        assertEquals(5, rows(yes).size(), "a header and the 4 outputs: " + rows(yes));
        assertTrue(yes.outLines().stream().anyMatch(l -> l.startsWith("# input: ") && l.contains("(audio) through 16 bands")
                && l.contains("rising spikes only")), "one band per input: " + yes.outLines());
        assertTrue(yes.outLines().stream().anyMatch(l -> l.startsWith("# device reference: 1000 steps")), yes.outLines().toString());
        assertTrue(figure(yes, "# device", "input") > 0 && figure(yes, "# device", "output") > 0, yes.outLines().toString());
        CliRun silence = CliRun.run("simulate", model.toString(), "--input",
                audio("speechcommands_silence_1000ms_tflm.wav").toString(), "--config", rise.toString());
        assertEquals(0, silence.exitCode(), silence.err());
        assertEquals(0, figure(silence, "# device", "input"), "a silent clip stays under the filterbank's floor");
        assertEquals(0, figure(silence, "# device", "output"));
        CliRun defaults = CliRun.run("simulate", model.toString(), "--input",
                audio("speechcommands_yes_1000ms_tflm.wav").toString());
        assertEquals(0, defaults.exitCode(), defaults.err());
        assertTrue(defaults.outLines().stream().anyMatch(l -> l.startsWith("# input: ") && l.contains("through 16 bands")
                && l.contains("above an adaptive floor")), "one channel per band above its floor by default: " + defaults.outLines());
    }

    @Test
    void aRecordingTheModelCannotTakeIsOneLineNamingBothShapesAndTheSetting(@TempDir Path dir) throws Exception {
        String wav = audio("speechcommands_yes_1000ms_tflm.wav").toString();
        Path delta = Files.writeString(dir.resolve("delta.yaml"), "sensors:\n  audio:\n    spikes: rise-fall\n");
        CliRun narrow = CliRun.run("simulate", nir("lif_norse.nir").toString(), "--input", wav, "--config", delta.toString());
        assertEquals(1, narrow.exitCode());
        assertTrue(narrow.err().contains("model 'lif_norse' takes 1 inputs (shape 1); the audio encoder gives 2 channel(s)"
                + " per band (rise, fall)") && narrow.err().contains("set sensors.audio.spikes (rise-fall, rise or above-floor)")
                && narrow.err().contains("'vigil simulate --config FILE' sets them"), narrow.err());
        assertEquals(1, narrow.err().strip().lines().count(), narrow.err());
        CliRun oneBand = CliRun.run("simulate", nir("lif_norse.nir").toString(), "--input", wav);
        assertEquals(0, oneBand.exitCode(), oneBand.err());
        assertTrue(oneBand.outLines().stream().anyMatch(l -> l.contains("through 1 band 100-6000 Hz above an adaptive floor")),
                "above-floor spikes (the default) give one channel per band, so one input is one band: " + oneBand.outLines());
        CliRun noCamera = CliRun.run("simulate", nir("conv_dvs_sumpool_if.nir").toString(), "--input", wav);
        assertEquals(1, noCamera.exitCode());
        assertTrue(noCamera.err().contains("holds no dvs stream (it holds: audio 'speechcommands_yes_1000ms_tflm.wav');"
                + " model 'conv_dvs_sumpool_if' takes input 2x34x34"), noCamera.err());
        Path roi = Files.writeString(dir.resolve("roi.yaml"), "sensors:\n  dvs:\n    filter:\n      roi-x1: 19\n");
        CliRun cropped = CliRun.run("simulate", nir("conv_dvs_sumpool_if.nir").toString(), "--input", nmnist().toString(),
                "--config", roi.toString());
        assertEquals(1, cropped.exitCode());
        assertTrue(cropped.err().contains("takes 2x34x34 (polarity x H x W); the event camera gives 20x34 after"
                + " sensors.dvs.filter") && cropped.err().contains("sensors.dvs.fit: stretch"), cropped.err());
        assertEquals(1, cropped.err().strip().lines().count(), cropped.err());
        CliRun stretched = CliRun.run("simulate", nir("conv_dvs_sumpool_if.nir").toString(), "--input", nmnist().toString(),
                "--config", Files.writeString(dir.resolve("stretch.yaml"), "sensors:\n  dvs:\n    fit: stretch\n"
                        + "    filter:\n      roi-x1: 19\n").toString());
        assertEquals(0, stretched.exitCode(), "the fix the message names works: " + stretched.err());
    }

    @Test
    void exportedNirRunsAsTheModelItCameFrom(@TempDir Path dir) throws Exception {
        Path exported = dir.resolve("cuba.loihi.nir");
        CliRun export = CliRun.run("export-nir", nir("nested_subgraph_cuba.nir").toString(), "--device", "loihi",
                "-o", exported.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(export.err().contains("wrote " + exported), export.err());
        assertTrue(String.join("\n", export.outLines()).contains("quantisation"), export.outLines().toString());
        String input = nir("nested_subgraph_cuba_input.csv").toString();
        CliRun original = CliRun.run("simulate", nir("nested_subgraph_cuba.nir").toString(), "--input", input,
                "--device", "loihi");
        CliRun again = CliRun.run("simulate", exported.toString(), "--input", input, "--device", "loihi");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(rows(original), rows(again));
    }
}
