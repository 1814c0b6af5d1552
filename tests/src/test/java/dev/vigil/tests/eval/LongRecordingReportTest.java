package dev.vigil.tests.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.sensors.StreamKind;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import dev.vigil.tests.web.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vigil report} on a long evaluation recording: keywords in looped background noise with speech
 * distractors, labelled. By default 20 minutes, which already merges columns (24,000 windows into 6,000);
 * {@code -Dvigil.report.long-s=10800} makes it the 3-hour recording of the acceptance. The figures
 * go to {@code tests/target/report-long.txt}. The time limit is on the CPU time of the command's thread,
 * which other work on a shared machine does not inflate; the wall time is written beside it.
 */
class LongRecordingReportTest {
    private static final double SECONDS = Double.parseDouble(System.getProperty("vigil.report.long-s", "1200"));

    @TempDir
    Path dir;

    @Test
    void aLongRecordingsReportStaysSmallAndOpensFast() throws Exception {
        float[] noise = RealRecordings.wav("audio/speechcommands_noise_1000ms_tflm.wav");
        float[] speech = RealRecordings.wav("audio/librispeech_i_tell_you_alif.wav");
        float[] four = RealRecordings.wav("audio/speechcommands_yes_no_go_stop_alif.wav");
        MixtureLog m = new MixtureLog(StreamKind.AUDIO, 16_000, SECONDS, noise, 0.5);
        for (double t = 30; t + 4 < SECONDS; t += 45) {
            m.add(t, speech, 0.5, "speech");
        }
        int k = 0;
        for (double t = 5; t + 1 < SECONDS; t += 15, k++) {
            if (Math.abs((t - 30) % 45) < 4.5) {
                t += 5;
            }
            m.add(t, Arrays.copyOfRange(four, 16_000 * (k % 4), 16_000 * (k % 4 + 1)), 1.0, "keyword");
        }
        Path log = m.write(dir, "long");
        Path config = dir.resolve("audio.yaml");
        Files.writeString(config, "sensors:\n  dvs:\n    enabled: false\n  vibration:\n    enabled: false\n");
        Path html = dir.resolve("long.html");

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        CliRun run = CliRun.run("report", log.toString(), "--labels", dir.resolve("long.csv").toString(), "--negative", "speech",
                "--config", config.toString(), "-o", html.toString());
        double cpuS = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wallS = (System.nanoTime() - wall0) / 1e9;
        assertEquals(0, run.exitCode(), run.err());
        long bytes = Files.size(html);
        long windows = Math.round(SECONDS / 0.05);
        int perColumn = 1;
        while ((windows + perColumn - 1) / perColumn > 8192) {
            perColumn *= 2;
        }

        try (Browser b = new Browser(1200, 900)) {
            b.open(html.toUri().toString(), "window.vigilReport && window.vigilReport.ready === true", Duration.ofSeconds(60));
            double openMs = b.eval("window.vigilReport.openMs").asDouble();
            JsonNode raster = b.eval("window.vigilReport.charts.filter(c => c.kind === 'raster').map(c => c.points)");
            String figures = String.format(Locale.ROOT, "report of %.0f s of audio (%d windows): %.2f MB written in %.1f s CPU"
                            + " (%.1f s wall); opened in Chromium in %.0f ms; %d columns of %d windows%n",
                    SECONDS, windows, bytes / 1e6, cpuS, wallS, openMs, raster.get(0).asInt(), perColumn);
            Files.writeString(TestPaths.root().resolve("tests/target/report-long.txt"), figures);
            System.out.print(figures);
            assertEquals((windows + perColumn - 1) / perColumn, raster.get(0).asLong(), "columns after merging");
            assertTrue(bytes < 5_000_000, figures);
            assertTrue(cpuS < 60, figures);
            assertTrue(openMs < 2000, figures);
            assertEquals(List.of(), b.consoleErrors());
        }
    }
}
