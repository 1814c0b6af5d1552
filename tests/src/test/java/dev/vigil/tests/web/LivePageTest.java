package dev.vigil.tests.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live page during {@code vigil replay --speed 1}: it streams; a browser closed and opened again gets
 * the history and streams on; a client that never reads its event stream costs the sensing loop nothing:
 * the run's figures are those of a run without any page.
 */
class LivePageTest {
    private static final double SECONDS = 30;
    private static final String AUDIO_STREAMING =
            "window.vigilLive && window.vigilLive.statusEvents > 0 && Object.keys(window.vigilLive.lanes).length === 1"
                    + " && Object.values(window.vigilLive.lanes).every(l => l.points > 0)";

    @TempDir
    Path dir;

    @Test
    void streamsDuringReplayAndNoPageChangesTheFigures() throws Exception {
        Path log = ToneBursts.write(dir.resolve("bursts.vlog"), SECONDS);
        CliRun alone = CliRun.run("replay", log.toString(), "--max", "--no-mqtt");
        assertEquals(0, alone.exitCode(), alone.err());

        try (Browser first = new Browser(1000, 900); Browser again = new Browser(1000, 900)) {
            Background replay = new Background("replay", log.toString(), "--speed", "1", "--no-mqtt", "--http", "127.0.0.1:0");
            String url = replay.livePageUrl();
            assertTrue(replay.err().contains("(loopback only)"), replay.err());
            URI uri = URI.create(url);
            try (Socket stalled = new Socket()) {
                stalled.setReceiveBufferSize(1024);
                stalled.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
                OutputStream out = stalled.getOutputStream();
                out.write(("GET /events HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();

                first.open(url, AUDIO_STREAMING, Duration.ofSeconds(20));
                int before = first.eval("window.vigilLive.lanes.audio.points").asInt();
                first.await("window.vigilLive.lanes.audio.points > " + before, Duration.ofSeconds(5));
                assertEquals(List.of(), first.consoleErrors());
                ReportInBrowserTest.assertOnlyLocal(first.requestedUrls(), url);
                first.close();

                again.open(url, AUDIO_STREAMING, Duration.ofSeconds(20));
                int history = again.eval("window.vigilLive.lanes.audio.points").asInt();
                assertTrue(history > 20, "a page opened later is sent the history first: " + history + " windows");
                again.await("window.vigilLive.detections > 0 && window.vigilLive.lanes.audio.wakes > 0", Duration.ofSeconds(10));
                again.await("window.vigilLive.lanes.audio.points > " + history, Duration.ofSeconds(5));
                JsonNode status = again.eval("window.vigilLive.status");
                assertEquals("vigil-demo", status.path("device").path("id").asText());
                assertEquals(false, status.path("mqtt").path("enabled").asBoolean());
                assertEquals("audio", status.path("lanes").get(0).path("sensor").asText());
                assertEquals(List.of(), again.consoleErrors());
                ReportInBrowserTest.assertOnlyLocal(again.requestedUrls(), url);
                again.screenshot(TestPaths.root().resolve("docs/images/live.png"));

                CliRun watched = replay.result();
                assertEquals(0, watched.exitCode(), watched.err());
                assertEquals(figures(alone.err()), figures(watched.err()), "the pages changed nothing the sensing loop counted");
                double wallS = wallSeconds(watched.err());
                assertTrue(wallS < SECONDS * 1.5 + 5, "the replay kept its pace with the pages open: " + wallS + " s for " + SECONDS + " s");
                Matcher served = Pattern.compile("vigil: live page: (\\d+) page streams? served").matcher(watched.err());
                assertTrue(served.find() && Integer.parseInt(served.group(1)) >= 3, "two browsers and the stalled client: " + watched.err());
            }
        }
    }

    /** The summary's lanes and totals, without the wall time. */
    static List<String> figures(String err) {
        List<String> lines = err.lines().dropWhile(l -> !l.startsWith("Summary of")).skip(1)
                .takeWhile(l -> l.startsWith("  ")).map(l -> l.replaceAll("; wall time .*", "")).toList();
        assertTrue(lines.size() >= 3, "no summary in " + err);
        return lines;
    }

    static double wallSeconds(String err) {
        Matcher m = Pattern.compile("wall time ([0-9.]+) s").matcher(err);
        assertTrue(m.find(), err);
        return Double.parseDouble(m.group(1));
    }
}
