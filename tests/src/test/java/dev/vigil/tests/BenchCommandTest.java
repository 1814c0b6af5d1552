package dev.vigil.tests;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vigil bench} describes the machine and prints each figure, positive, in a fixed layout. */
class BenchCommandTest {

    @Test
    void printsTheMachineAndPositiveFigures() {
        CliRun run = CliRun.run("bench", "--seconds", "0.3");
        assertEquals(0, run.exitCode(), run.err());
        List<String> out = run.outLines();
        assertEquals("machine", out.getFirst(), out::toString);
        for (String key : List.of("cpu", "cores", "memory", "jvm", "os", "board")) {
            assertTrue(out.stream().anyMatch(l -> l.matches("  " + key + " +\\S.*")), key + " line missing: " + out);
        }
        assertTrue(out.stream().anyMatch(l -> l.startsWith("figures (front end on device 'fast'")), out::toString);
        assertTrue(figure(out, "front end", "events/s") > 0);
        assertTrue(figure(out, "audio \\+ vibration", "x real time") > 0);
        double share = figure(out, "always-on share", "% of one core");
        assertTrue(share > 0 && share < 100, "share of one core: " + share);
        assertTrue(figure(out, "event-camera lane", "events/s") > 0);
    }

    @Test
    void refusesANonPositiveTime() {
        CliRun run = CliRun.run("bench", "--seconds", "0");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--seconds 0.0 is refused"), run.err());
    }

    private static double figure(List<String> out, String label, String unit) {
        Pattern p = Pattern.compile("  " + label + " +([0-9][0-9,.]*) " + Pattern.quote(unit) + " .*");
        for (String line : out) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return Double.parseDouble(m.group(1).replace(",", ""));
            }
        }
        throw new AssertionError("no '" + label + "' figure in " + unit + ": " + out);
    }
}
