package dev.vigil.runtime.hal;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;

/**
 * Whether emulated devices may use the JDK's Vector API: its module ({@value #MODULE}, incubating up to at
 * least Java 25) must be in the boot layer, which the {@code vigil} launcher arranges for the offline commands
 * that run networks, the CPU architecture must be one whose JIT turns vector operations into vector instructions
 * (64-bit x86 and ARM), and the JIT's optimising compiler must be on: without it (-XX:TieredStopAtLevel=1 to 3,
 * -Xint) the API runs as plain Java that allocates every vector, 20 times slower than the scalar loops (measured:
 * 0.19 M against 3.9 M events/s on the DVS benchmark with TieredStopAtLevel=1).
 */
public final class VectorSupport {
    /** The Vector API's module. */
    public static final String MODULE = "jdk.incubator.vector";
    private static final Set<String> INTRINSIC_ARCHITECTURES = Set.of("amd64", "x86_64", "aarch64");

    private VectorSupport() {
    }

    /** True when the module is loaded, the architecture has the API's intrinsics and the optimising compiler is on. */
    public static boolean available() {
        return Verdict.WHY_NOT == null;
    }

    /** One line for a machine description: whether vector kernels run, and if not, why. */
    public static String describe() {
        return available() ? "Vector API loaded: the spiking engine adds and updates a vector at a time"
                : "scalar kernels: " + Verdict.WHY_NOT;
    }

    /**
     * The level the JVM's options stop tiered compilation at, when it is below the optimising compiler's (4) and
     * tiered compilation is on (without it only the optimising compiler runs); else null. The last setting wins.
     */
    static String stopLevel(List<String> jvmOptions) {
        String level = null;
        boolean tiered = true;
        for (String o : jvmOptions) {
            if (o.startsWith("-XX:TieredStopAtLevel=")) {
                level = o.substring("-XX:TieredStopAtLevel=".length());
            } else if (o.equals("-XX:-TieredCompilation")) {
                tiered = false;
            } else if (o.equals("-XX:+TieredCompilation")) {
                tiered = true;
            }
        }
        return tiered && level != null && !level.equals("4") ? level : null;
    }

    /** Decided once, on first use (the JVM's options come from its management classes). */
    private static final class Verdict {
        static final String WHY_NOT = whyNot();

        private static String whyNot() {
            if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
                return MODULE + " not loaded (the vigil launcher adds it for simulate, train, eval, report and bench, "
                        + "and with VIGIL_VECTOR=on for run and replay)";
            }
            String arch = System.getProperty("os.arch");
            if (!INTRINSIC_ARCHITECTURES.contains(arch)) {
                return "the Vector API has no intrinsics on " + arch;
            }
            String stopAt = stopLevel(ManagementFactory.getRuntimeMXBean().getInputArguments());
            if (System.getProperty("java.vm.info", "").contains("interpreted mode") || stopAt != null) {
                return "the JIT's optimising compiler is off (" + (stopAt != null ? "-XX:TieredStopAtLevel=" + stopAt : "-Xint")
                        + "), and without it the Vector API is slower than scalar loops";
            }
            return null;
        }
    }
}
