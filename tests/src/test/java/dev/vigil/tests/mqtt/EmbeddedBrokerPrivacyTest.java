package dev.vigil.tests.mqtt;

import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The zero-setup demo (a replay publishing to the embedded broker) keeps to the machine: it looks up
 * no host name and opens no connection beyond loopback (no usage telemetry), and writes nothing into
 * the directory it is started from. The child JVM runs under strace, which records every
 * {@code connect(2)}; the {@link LookupRecorder} records every name the JVM resolves.
 */
class EmbeddedBrokerPrivacyTest {
    private static final Path STRACE = Path.of("/usr/bin/strace");
    private static final Pattern ADDRESS = Pattern.compile("inet_addr\\(\"([0-9.]+)\"\\)|inet_pton\\(AF_INET6, \"([0-9a-fA-F:.]+)\"");

    private static boolean loopback(String literal) {
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new AssertionError("not an address literal: " + literal, e);
        }
    }

    /** The connect(2) calls in {@code trace} to an IPv4 or IPv6 address that is not loopback. */
    private static List<String> remoteConnects(Path trace) throws Exception {
        List<String> remote = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            Matcher m = ADDRESS.matcher(line);
            if (line.contains("connect(") && m.find() && !loopback(m.group(1) != null ? m.group(1) : m.group(2))) {
                remote.add(line);
            }
        }
        return remote;
    }

    @Test
    void theDemoReplayLooksUpAndConnectsToNothingBeyondLoopback(@TempDir Path tmp) throws Exception {
        Tools.require(STRACE, "strace");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path trace = tmp.resolve("connect.trace");
        Path lookups = tmp.resolve("lookups.txt");
        List<String> strace = List.of(STRACE.toString(), "-f", "-qq", "--seccomp-bpf", "-e", "trace=connect", "-e", "signal=none",
                "-o", trace.toString());
        try (VigilProcess vigil = VigilProcess.start(tmp, work, "demo", strace,
                List.of("-D" + LookupRecorder.FILE_PROPERTY + "=" + lookups), Map.of(),
                "replay", TestPaths.demoLog().toString(), "--max")) {
            assertEquals(0, vigil.waitFor(120_000), vigil.err());
            assertTrue(vigil.err().contains("embedded MQTT broker listening on tcp://127.0.0.1:"), vigil.err());
            assertEquals(3, vigil.jsonLines().size(), vigil.err());
        }
        assertTrue(Files.readString(trace).contains("connect("), "strace saw the connections to the embedded broker");
        List<String> names = Files.exists(lookups) ? Files.readAllLines(lookups) : List.of();
        assertEquals(List.of(), names.stream().filter(n -> !n.equals("localhost")).toList(), "host names looked up");
        assertEquals(List.of(), remoteConnects(trace), "connections beyond loopback");
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "nothing is written where Vigil was started (no .moquette_uuid)");
        }
    }
}
