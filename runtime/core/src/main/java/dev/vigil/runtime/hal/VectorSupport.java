package dev.vigil.runtime.hal;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
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

    /** Decided once, on first use (asking the JVM for its compiler settings loads its management classes). */
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
            try {
                HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                boolean compiler = Boolean.parseBoolean(vm.getVMOption("UseCompiler").getValue());
                boolean tiered = Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue());
                int stopAt = Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue());
                if (!compiler || (tiered && stopAt < 4)) {
                    return "the JIT's optimising compiler is off (-Xint or -XX:TieredStopAtLevel=" + stopAt
                            + "), and without it the Vector API is slower than scalar loops";
                }
                return null;
            } catch (RuntimeException | LinkageError e) {
                return "cannot tell whether the JIT's optimising compiler is on (" + e + ")";
            }
        }
    }
}
