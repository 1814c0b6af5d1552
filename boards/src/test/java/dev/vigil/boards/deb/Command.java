package dev.vigil.boards.deb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external tool with a time limit, capturing stdout and stderr together. */
record Command(int exit, String output) {

    static Command run(Path dir, Map<String, String> env, List<String> argv) throws IOException, InterruptedException {
        Path log = Files.createTempFile("vigil-cmd", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(argv + " did not finish in 5 minutes");
            }
            return new Command(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static Command run(List<String> argv) throws IOException, InterruptedException {
        return run(Path.of("."), Map.of(), argv);
    }

    /** Whether {@code tool} is on the PATH. */
    static boolean available(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
