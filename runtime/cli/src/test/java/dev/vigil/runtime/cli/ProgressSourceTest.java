package dev.vigil.runtime.cli;

import dev.vigil.sensors.vlog.VlogReader;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress reports on a recording read as fast as possible: how much of it, and how fast. */
class ProgressSourceTest {
    private static final Path DEMO = Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo.vlog");
    private static final Pattern LINE = Pattern.compile("vigil: ([0-9.]+) s of the recording processed in [0-9]+ s \\(([0-9.]+)x real time\\)");

    @Test
    void reportsTheRecordedTimeProcessedRisingToTheEndAndPassesEveryBatchThrough() throws Exception {
        StringWriter text = new StringWriter();
        int batches = 0;
        int plain = 0;
        try (VlogReader direct = new VlogReader(DEMO)) {
            while (direct.next() != null) {
                plain++;
            }
        }
        try (ProgressSource s = new ProgressSource(new VlogReader(DEMO), new PrintWriter(text), 0)) {
            while (s.next() != null) {
                batches++;
            }
        }
        assertEquals(plain, batches, "every batch passes through");
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.size() > 10, "interval 0 reports at every batch: " + lines.size());
        double previous = -1;
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            double s = Double.parseDouble(m.group(1));
            assertTrue(s >= previous, "recorded time never goes back: " + line);
            previous = s;
        }
        assertTrue(previous > 5.9 && previous <= 6.0, "the demo is 6 s long: last report " + previous);
    }

    @Test
    void aLongIntervalStaysQuietOnAShortRecording() throws Exception {
        StringWriter text = new StringWriter();
        try (ProgressSource s = new ProgressSource(new VlogReader(DEMO), new PrintWriter(text))) {
            int read = 0;
            while (s.next() != null) {
                read++;
            }
            assertTrue(read > 0);
        }
        assertEquals("", text.toString());
    }
}
