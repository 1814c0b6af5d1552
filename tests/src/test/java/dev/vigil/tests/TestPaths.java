package dev.vigil.tests;

import java.nio.file.Path;

/** Where the project and the shared data live, as Surefire passes them. */
public final class TestPaths {

    private TestPaths() {
    }

    /** The project's root directory. */
    public static Path root() {
        return Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    }

    /** The bundled example recording. */
    public static Path demoLog() {
        return root().resolve("examples/demo.vlog");
    }

    /** The shared data directory beside the project. */
    public static Path shared() {
        return Path.of(System.getProperty("vigil.shared", root().resolve("../shared").toString())).toAbsolutePath().normalize();
    }
}
