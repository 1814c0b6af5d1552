package dev.vigil.tests.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vigil eval} on the bundled demo: every lane's energy comes in parts that add up to its totals,
 * each with a source; {@code --sweep} adds the miss rate against false accepts per hour, whose operating
 * point is the evaluation's own (1 − event recall), in the table and the JSON, and only when asked.
 */
class EvalEnergyAndSweepTest {
    private static final String LABELS = "start_us,end_us,label,sensor\n1500000,2500000,motion,dvs\n3000000,3800000,speech,audio\n"
            + "4400000,5600000,bearing_fault,vibration\n";

    @TempDir
    Path dir;

    @Test
    void energyPartsAddUpAndTheSweepSitsAtTheEvaluationsOperatingPoint() throws Exception {
        Path labels = Files.writeString(dir.resolve("demo.csv"), LABELS);
        Path json = dir.resolve("demo.json");
        CliRun run = CliRun.run("eval", TestPaths.demoLog().toString(), "--labels", labels.toString(), "--board", "pi5",
                "--sweep", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        String table = String.join("\n", run.outLines());
        List<String> sensors = new ArrayList<>();
        for (JsonNode lane : report.path("lanes")) {
            String sensor = lane.path("sensor").asText();
            sensors.add(sensor);
            JsonNode energy = lane.path("energy");
            double wake = 0;
            for (JsonNode p : energy.path("wakeOnSalience")) {
                assertFalse(p.path("source").asText().isBlank(), sensor + ": every part names its source: " + p);
                wake += p.path("joules").asDouble();
            }
            double always = 0;
            for (JsonNode p : energy.path("alwaysDense")) {
                always += p.path("joules").asDouble();
            }
            assertEquals(lane.path("wakeOnSalienceJ").asDouble(), wake, 1e-9 * wake, sensor);
            assertEquals(lane.path("alwaysDenseJ").asDouble(), always, 1e-9 * always, sensor);
            assertEquals(always / wake, lane.path("energyRatio").asDouble(), 1e-9 * always / wake, sensor);
            assertEquals(2.7 * report.path("recordedS").asDouble(), energy.path("boardIdleJ").asDouble(), 1e-9,
                    sensor + ": the Pi 5's idle power over the run, outside both totals");
            assertTrue(energy.path("cpu").asText().contains("4.30 W"), "Pi 5: 7.0 - 2.7 W: " + energy.path("cpu"));
            assertTrue(table.contains("energy of " + sensor + ", part by part"), table);
        }
        JsonNode sweeps = report.path("sweeps");
        assertEquals(sensors.size(), sweeps.size());
        for (int i = 0; i < sweeps.size(); i++) {
            JsonNode sweep = sweeps.get(i);
            JsonNode lane = report.path("lanes").get(i);
            assertEquals(lane.path("sensor").asText(), sweep.path("sensor").asText());
            assertEquals(1 - lane.path("recall").asDouble(), sweep.path("operatingPoint").path("missRate").asDouble(), 1e-12,
                    "the operating point is the evaluation's event recall");
            JsonNode points = sweep.path("points");
            assertEquals(sweep.path("operatingPoint"), points.get(points.size() - 1));
            assertEquals(1.0, points.get(0).path("missRate").asDouble(), "the first point accepts nothing");
            assertTrue(table.contains("sweep of " + sweep.path("sensor").asText()), table);
        }

        CliRun plain = CliRun.run("eval", TestPaths.demoLog().toString(), "--labels", labels.toString(), "--json", json.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(0, new ObjectMapper().readTree(json.toFile()).path("sweeps").size(), "no sweep unless asked");
        assertFalse(String.join("\n", plain.outLines()).contains("sweep of"));
    }
}
