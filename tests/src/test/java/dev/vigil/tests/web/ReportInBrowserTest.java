package dev.vigil.tests.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vigil report} opened in headless Chromium: offline, without errors, every chart holding its points. */
class ReportInBrowserTest {
    /** The demo scene's events, each on its own lane. */
    static final String DEMO_LABELS = "start_us,end_us,label,sensor\n1500000,2500000,motion,dvs\n3000000,3800000,speech,audio\n"
            + "4400000,5600000,bearing_fault,vibration\n";
    static final String READY = "window.vigilReport && window.vigilReport.ready === true";
    /** The charts' plain figures (the uPlot instances themselves do not serialise). */
    static final String CHARTS = "window.vigilReport.charts.map(({chart, ...rest}) => Object.assign(rest, {series: chart.data.length}))";

    @TempDir
    Path dir;

    @Test
    void theDemoReportOpensOfflineWithEveryChartFilled() throws Exception {
        Path labels = dir.resolve("demo.csv");
        Files.writeString(labels, DEMO_LABELS);
        Path html = dir.resolve("demo-report.html");
        Path demo = Path.of("").toAbsolutePath().relativize(TestPaths.demoLog());
        CliRun report = CliRun.run("report", demo.toString(), "--labels", labels.toString(), "-o", html.toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.err().contains("vigil: wrote " + html), report.err());
        Path json = dir.resolve("demo.eval.json");
        CliRun eval = CliRun.run("eval", TestPaths.demoLog().toString(), "--labels", labels.toString(), "--json", json.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        JsonNode expected = new ObjectMapper().readTree(json.toFile()).path("lanes");

        try (Browser b = new Browser(1100, 1000)) {
            b.open(html.toUri().toString(), READY, Duration.ofSeconds(20));
            JsonNode charts = b.eval(CHARTS);
            assertEquals(3 * 4, charts.size(), "raster, wake, energy and curve charts for each of three lanes: " + charts);
            for (JsonNode lane : expected) {
                String sensor = lane.path("sensor").asText();
                long windows = lane.path("windows").asLong();
                JsonNode raster = chart(charts, sensor, "raster");
                assertEquals(windows, raster.path("points").asLong(), sensor + ": one raster column per window");
                assertEquals(raster.path("neurons").asInt() + 1, raster.path("series").asInt());
                JsonNode wake = chart(charts, sensor, "wake");
                assertEquals(windows, wake.path("points").asLong(), sensor + ": one wake value per window");
                assertEquals(lane.path("wakes").asLong(), wake.path("wakes").asLong(), sensor + " wakes");
                assertEquals(lane.path("denseRuns").asLong(), wake.path("results").asLong(), sensor + " dense results");
                assertEquals(lane.path("refusedWakes").asLong(), wake.path("refused").asLong(), sensor + " refusals");
                assertEquals(1, wake.path("events").asInt(), sensor + ": its one labelled interval");
                assertEquals(lane.path("events").asInt() - lane.path("detectedEvents").asInt(), wake.path("misses").asInt());
                JsonNode energy = chart(charts, sensor, "energy");
                assertEquals(windows, energy.path("points").asLong());
                JsonNode figures = b.eval("JSON.parse(document.getElementById('vigil-data').textContent).lanes.find(l => l.sensor === '"
                        + sensor + "').eval");
                assertEquals(figures.path("wakeOnSalienceJ").asDouble(), energy.path("wakeOnSalienceJ").asDouble(),
                        1e-3 * figures.path("wakeOnSalienceJ").asDouble(), sensor + ": the cumulative line ends at the evaluation's total");
                assertEquals(figures.path("alwaysDenseJ").asDouble(), energy.path("alwaysDenseJ").asDouble(),
                        1e-3 * figures.path("alwaysDenseJ").asDouble());
                JsonNode curve = chart(charts, sensor, "curve");
                int distinctScores = lane.path("detectedEvents").asInt() + lane.path("falseDetectionsOnBackground").asInt()
                        + lane.path("falseDetectionsOnDistractors").asInt();
                assertEquals(1 + distinctScores, curve.path("points").asInt(), sensor + ": nothing accepted, then one point per score");
            }
            JsonNode tables = b.eval("window.vigilReport.tables");
            assertEquals(1, tables.path("dvs/confusion").asInt(), "one true class (motion) and one head label: " + tables);
            assertTrue(tables.path("audio/figures").asInt() > 20, tables.toString());
            assertEquals(List.of(), b.consoleErrors());
            assertOnlyLocal(b.requestedUrls(), html.toUri().toString());
            double readyMs = b.eval("window.vigilReport.readyMs").asDouble();
            assertTrue(readyMs < 2000, "drawn in " + readyMs + " ms");
            b.fitHeight(1100, 1500);
            b.screenshot(TestPaths.root().resolve("docs/images/report.png"));
        }
    }

    @Test
    void aSavedEvaluationMakesAReportOfItsFigures() throws Exception {
        Path labels = dir.resolve("demo.csv");
        Files.writeString(labels, DEMO_LABELS);
        Path json = dir.resolve("demo.eval.json");
        assertEquals(0, CliRun.run("eval", TestPaths.demoLog().toString(), "--labels", labels.toString(), "--json", json.toString()).exitCode());
        Path html = dir.resolve("from-eval.html");
        CliRun report = CliRun.run("report", "--from-eval", json.toString(), "-o", html.toString());
        assertEquals(0, report.exitCode(), report.err());
        try (Browser b = new Browser(1000, 800)) {
            b.open(html.toUri().toString(), READY, Duration.ofSeconds(20));
            assertEquals(0, b.eval(CHARTS).size(), "no charts without the windows");
            JsonNode tables = b.eval("window.vigilReport.tables");
            assertEquals(Set.of("dvs/figures", "audio/figures", "vibration/figures"), Set.copyOf(iterable(tables)));
            assertEquals(List.of(), b.consoleErrors());
        }
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"log\": \"x\", \"lanes\": [");
        CliRun bad = CliRun.run("report", "--from-eval", broken.toString(), "-o", dir.resolve("x.html").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().startsWith("vigil: error: " + broken + ": not a 'vigil eval --json' file: "), bad.err());
    }

    private static List<String> iterable(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    static JsonNode chart(JsonNode charts, String lane, String kind) {
        for (JsonNode c : charts) {
            if (c.path("lane").asText().equals(lane) && c.path("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no " + kind + " chart for lane " + lane + " in " + charts);
    }

    /** Every request went to {@code prefix} (the report file itself, or the page's own host) or to inline data. */
    static void assertOnlyLocal(Set<String> urls, String prefix) {
        for (String u : urls) {
            assertTrue(u.startsWith(prefix) || u.startsWith("data:"), "a request left the page: " + u + " (all: " + urls + ")");
        }
        assertTrue(!urls.isEmpty(), "the performance log saw the page load itself");
    }
}
