package dev.vigil.tests.mqtt;

import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chaos: a live Vigil (the synthetic scene, about ten detections a second) publishes to a real
 * Mosquitto while, at random moments, the broker is stopped and started again, hung with SIGSTOP and
 * let go, and Vigil is killed with SIGKILL and started again on the same outbox (each of these, and a
 * quiet spell, once per round of four in random order). Afterwards every
 * detection any Vigil printed must have arrived at an independent subscriber at least once, in the
 * order it was printed per sensor; duplicates are counted, not refused.
 *
 * <p>Length: {@code -Dvigil.chaos.seconds=N} or the environment variable {@code VIGIL_CHAOS_SECONDS}
 * (default 30, enough for CI; at least 20); seed: {@code -Dvigil.chaos.seed=N} (default: random,
 * printed).
 */
class ChaosTest {

    private static long setting(String property, String env, long otherwise) {
        String v = System.getProperty(property, System.getenv(env));
        return v == null || v.isBlank() ? otherwise : Long.parseLong(v.strip());
    }

    private static VigilProcess vigil(Path tmp, int n, Path cfg, Mosquitto broker) throws Exception {
        return VigilProcess.start(tmp, "vigil-" + n, "run", "--config", cfg.toString(), "--broker", broker.url());
    }

    private static Map<String, List<String>> bySensor(List<String> ids, Map<String, String> sensorOf) {
        Map<String, List<String>> out = new HashMap<>();
        for (String id : ids) {
            out.computeIfAbsent(sensorOf.get(id), s -> new ArrayList<>()).add(id);
        }
        return out;
    }

    @Test
    void everyPrintedDetectionArrivesInOrderThroughStopsHangsAndKills(@TempDir Path tmp) throws Exception {
        long seconds = Math.max(20, setting("vigil.chaos.seconds", "VIGIL_CHAOS_SECONDS", 30));
        long seed = setting("vigil.chaos.seed", "VIGIL_CHAOS_SEED", new Random().nextLong());
        Random random = new Random(seed);
        Path outbox = tmp.resolve("outbox");
        Path cfg = TestConfigs.write(tmp, "live.yaml", "sources:\n  - driver: synth\n" + TestConfigs.MANY_DETECTIONS,
                outbox, "drain-on-close-s: 0", "keep-alive-s: 5");
        List<String> printedLines = new ArrayList<>();
        Map<String, Integer> actions = new HashMap<>();
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), true);
             Subscriber sub = new Subscriber(broker.url(), "vigil/+/detections/#", true)) {
            int incarnation = 0;
            VigilProcess vigil = vigil(tmp, incarnation, cfg, broker);
            try {
                long end = System.currentTimeMillis() + seconds * 1000;
                Deque<Integer> round = new ArrayDeque<>();
                while (System.currentTimeMillis() < end) {
                    Thread.sleep(500 + random.nextInt(2500));
                    if (round.isEmpty()) {
                        List<Integer> all = new ArrayList<>(List.of(0, 1, 2, 3));
                        Collections.shuffle(all, random);
                        round.addAll(all);
                    }
                    switch (round.removeFirst()) {
                        case 0 -> {
                            actions.merge("broker stopped", 1, Integer::sum);
                            broker.stop();
                            Thread.sleep(300 + random.nextInt(2700));
                            broker.start();
                        }
                        case 1 -> {
                            actions.merge("broker hung", 1, Integer::sum);
                            broker.hang();
                            Thread.sleep(500 + random.nextInt(5500));
                            broker.resume();
                        }
                        case 2 -> {
                            actions.merge("vigil killed", 1, Integer::sum);
                            vigil.kill();
                            printedLines.addAll(vigil.jsonLines());
                            vigil = vigil(tmp, ++incarnation, cfg, broker);
                        }
                        default -> actions.merge("quiet", 1, Integer::sum);
                    }
                }
                vigil.kill();
                printedLines.addAll(vigil.jsonLines());
            } finally {
                vigil.close();
            }

            Path drain = TestConfigs.write(tmp, "drain.yaml", TestConfigs.NO_SENSORS, outbox, "drain-on-close-s: 60");
            CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", drain.toString(),
                    "--broker", broker.url());
            assertEquals(0, run.exitCode(), run.err());

            List<String> printed = TestConfigs.ids(printedLines);
            Map<String, String> sensorOf = new HashMap<>();
            for (String line : printedLines) {
                sensorOf.put(TestConfigs.ids(List.of(line)).getFirst(), line.replaceAll(".*\"sensor\":\"(\\w+)\".*", "$1"));
            }
            Set<String> wanted = new LinkedHashSet<>(printed);
            long deadline = System.currentTimeMillis() + 30_000;
            while (!new LinkedHashSet<>(sub.distinctDetectionIds()).containsAll(wanted) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            List<String> arrived = sub.distinctDetectionIds();
            List<String> missing = printed.stream().filter(id -> !arrived.contains(id)).toList();
            List<String> arrivedPrinted = arrived.stream().filter(wanted::contains).toList();
            long duplicates = sub.detectionMessages() - arrived.size();
            String summary = "chaos: seed " + seed + ", " + seconds + " s, " + actions + ", " + (incarnation + 1)
                    + " Vigil process(es): " + printed.size() + " detection(s) printed, " + arrived.size()
                    + " distinct arrived (" + (arrived.size() - arrivedPrinted.size()) + " stored but not yet printed at a kill), "
                    + duplicates + " duplicate(s)";
            System.out.println(summary);
            assertEquals(printed.size(), wanted.size(), "ids are unique: " + summary);
            assertTrue(printed.size() >= seconds, "Vigil kept detecting, about ten a second when not killed: " + summary);
            assertEquals(List.of(), missing, "printed but never delivered: " + summary);
            assertEquals(bySensor(printed, sensorOf), bySensor(arrivedPrinted, sensorOf), "first arrivals in printed order per sensor: " + summary);
        }
    }
}
