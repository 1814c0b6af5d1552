package dev.vigil.boards.deb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The distribution the build assembled under {@code target/}, for tests that run its launcher as a user would. */
final class AssembledDistribution {

    private AssembledDistribution() {
    }

    /** The absolute path of its {@code bin/vigil}; an assertion error when the build assembled none. */
    static Path launcher() throws IOException {
        try (Stream<Path> dists = Files.list(Path.of("target"))) {
            return dists.map(d -> d.resolve(d.getFileName() + "/bin/vigil")).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new AssertionError("no assembled distribution under target/")).toAbsolutePath();
        }
    }
}
