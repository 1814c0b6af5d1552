package dev.vigil.runtime.hal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Vector API is used only where it is fast: its module loaded, an architecture with its intrinsics, and the
 * optimising compiler on (each checked in a JVM started for it).
 */
class VectorSupportTest {

    /** Prints {@link VectorSupport#describe()}; run in the JVMs this test starts. */
    public static void main(String[] args) {
        System.out.print(VectorSupport.describe());
    }

    @Test
    void aJvmWithTheModuleAndTheOptimisingCompilerUsesIt() throws Exception {
        String arch = System.getProperty("os.arch");
        if (arch.equals("amd64") || arch.equals("aarch64")) {
            assertTrue(VectorSupport.available(), VectorSupport.describe());
            assertEquals("Vector API loaded: the spiking engine adds and updates a vector at a time", probe(true));
        } else {
            assertTrue(probe(true).contains("no intrinsics on " + arch), probe(true));
        }
    }

    @Test
    void withoutTheOptimisingCompilerTheScalarKernelsRun() throws Exception {
        for (String option : List.of("-XX:TieredStopAtLevel=1", "-Xint")) {
            String why = probe(true, option);
            assertTrue(why.startsWith("scalar kernels: the JIT's optimising compiler is off"), option + ": " + why);
        }
    }

    @Test
    void theLastStopLevelBelowFourCountsUnlessTieredCompilationIsOff() {
        assertEquals("1", VectorSupport.stopLevel(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1")));
        assertEquals("3", VectorSupport.stopLevel(List.of("-XX:TieredStopAtLevel=4", "-XX:TieredStopAtLevel=3")));
        assertEquals(null, VectorSupport.stopLevel(List.of("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4")));
        assertEquals(null, VectorSupport.stopLevel(List.of("-XX:TieredStopAtLevel=1", "-XX:-TieredCompilation")));
        assertEquals(null, VectorSupport.stopLevel(List.of("-XX:+UseSerialGC")));
    }

    @Test
    void withoutTheModuleTheScalarKernelsRunAndTheLineSaysWhy() throws Exception {
        String why = probe(false);
        assertEquals("scalar kernels: jdk.incubator.vector not loaded (the vigil launcher adds it for simulate, train, "
                + "eval, report and bench, and with VIGIL_VECTOR=on for run and replay)", why);
    }

    /** What {@link VectorSupport#describe()} says in a JVM started with {@code options}, and the module if {@code module}. */
    private static String probe(boolean module, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (module) {
            command.add("--add-modules=" + VectorSupport.MODULE);
        }
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VectorSupportTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe JVM did not end");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
