package dev.vigil.runtime.hal;

import java.util.Set;

/**
 * Whether emulated devices may use the JDK's Vector API: its module ({@value #MODULE}, incubating up to at
 * least Java 25) must be in the boot layer, which the {@code vigil} launcher arranges for the commands that run
 * networks, and the CPU architecture must be one whose JIT turns vector operations into vector instructions
 * (64-bit x86 and ARM; elsewhere the API's pure-Java fallback would be slower than scalar code).
 */
public final class VectorSupport {
    /** The Vector API's module. */
    public static final String MODULE = "jdk.incubator.vector";
    private static final Set<String> INTRINSIC_ARCHITECTURES = Set.of("amd64", "x86_64", "aarch64");

    private VectorSupport() {
    }

    /** True when the module is loaded and the architecture has the API's intrinsics. */
    public static boolean available() {
        return ModuleLayer.boot().findModule(MODULE).isPresent()
                && INTRINSIC_ARCHITECTURES.contains(System.getProperty("os.arch"));
    }

    /** One line for a machine description: whether vector kernels run, and if not, why. */
    public static String describe() {
        if (available()) {
            return "Vector API loaded: the spiking engine adds and updates a vector at a time";
        }
        if (!INTRINSIC_ARCHITECTURES.contains(System.getProperty("os.arch"))) {
            return "scalar kernels: the Vector API has no intrinsics on " + System.getProperty("os.arch");
        }
        return "scalar kernels: " + MODULE + " not loaded (the vigil launcher adds it to the commands that run networks)";
    }
}
