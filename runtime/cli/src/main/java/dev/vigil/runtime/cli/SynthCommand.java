package dev.vigil.runtime.cli;

import dev.vigil.sensors.synth.SceneGenerator;
import dev.vigil.sensors.synth.SceneSpec;
import dev.vigil.sensors.vlog.VlogWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code vigil synth}: writes the seeded three-sensor demo scene as a Vigil recording. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Writes a seeded synthetic scene as a Vigil recording.",
                "The scene: a moving edge (event camera), a spoken-band burst in noise (audio) and a "
                        + "bearing-fault impulse train (vibration)."})
final class SynthCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "the recording to write (.vlog)")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default ${DEFAULT-VALUE})", defaultValue = "7")
    private long seed;

    @Override
    public Integer call() throws Exception {
        SceneSpec scene = SceneSpec.demo(seed);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write " + out + ": directory " + parent + " does not exist");
        }
        long chunks;
        try (VlogWriter w = new VlogWriter(out, SceneGenerator.streams())) {
            new SceneGenerator(scene).writeTo(w);
            chunks = w.chunks();
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println(ConsoleLines.note(String.format(Locale.ROOT, "wrote %s: %.1f s scene, seed %d, %s, %s",
                out, scene.durationS(), seed, Figures.count(chunks, "chunk", "chunks"), Figures.count(Files.size(out), "byte", "bytes"))));
        return 0;
    }
}
