package dev.vigil.boards.deb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil bench} from the distribution the build assembled measures {@code vigil run} as its launcher
 * starts it: the start-up to the first processed batch of three runs, and the resident memory of a run
 * sampled while it works; figures a board can be compared by, bounded by what a live run can take.
 */
class BenchRunsIT {
    private static final Pattern STARTUP = Pattern.compile("start-up +([0-9,]+) ms .*median of 3 runs \\(([0-9,]+) to ([0-9,]+) ms\\)");
    private static final Pattern MEMORY = Pattern.compile("resident memory +([0-9.]+) MiB +after 4 s \\(peak ([0-9.]+) MiB\\)");

    @Test
    void benchMeasuresStartupAndResidentMemoryOfLaunchedRuns(@TempDir Path home) throws Exception {
        Path launcher = AssembledDistribution.launcher();
        Command c = Command.run(home, Map.of("HOME", home.toString(), "XDG_CACHE_HOME", home.resolve("cache").toString()),
                List.of(launcher.toString(), "bench", "--seconds", "0.2", "--run-seconds", "4"));
        assertEquals(0, c.exit(), c.output());
        assertTrue(c.output().contains("vigil run as " + launcher + " starts it"), c.output());
        Matcher s = STARTUP.matcher(c.output());
        assertTrue(s.find(), c.output());
        long median = number(s.group(1));
        assertTrue(number(s.group(2)) <= median && median <= number(s.group(3)), c.output());
        assertTrue(median > 0 && median < 60_000, "a start-up the process could have taken: " + c.output());
        Matcher m = MEMORY.matcher(c.output());
        assertTrue(m.find(), c.output());
        double last = Double.parseDouble(m.group(1));
        double peak = Double.parseDouble(m.group(2));
        assertTrue(last > 10 && last <= peak && peak < 2048, "a JVM's resident memory in MiB: " + c.output());
        assertTrue(Files.isDirectory(home.resolve("cache/vigil")), "the runs used the launcher's archive directory");
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }
}
