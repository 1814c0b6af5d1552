package dev.vigil.tests.web;

import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may see the live page: on loopback by default; listening beyond loopback only with a token, which
 * every request must then carry; and with the page off, nothing listens at all.
 */
class HttpAccessTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    /**
     * Listening on every address (0.0.0.0) with a token. The request reaches that listener through
     * 127.0.0.1, since tests here may send traffic to loopback only; the rule depends on where the page
     * listens, not on where a request comes from, so a request from the network meets the same refusal.
     */
    @Test
    void beyondLoopbackEveryRequestMustCarryTheToken() throws Exception {
        Path cfg = dir.resolve("http.yaml");
        Files.writeString(cfg, "http:\n  address: 0.0.0.0\n  token: s3cret\n");
        Background replay = new Background("replay", TestPaths.demoLog().toString(), "--speed", "1", "--no-mqtt",
                "--config", cfg.toString(), "--http", "0");
        URI page = URI.create(replay.livePageUrl());
        assertEquals("0.0.0.0", page.getHost());
        assertTrue(replay.err().contains("(listening beyond loopback: every request must carry ?token=<http.token>)"), replay.err());
        assertTrue(!replay.err().contains("s3cret"), "the token itself is never printed");
        String base = "http://127.0.0.1:" + page.getPort();
        assertEquals(401, get(base + "/").statusCode());
        assertEquals(401, get(base + "/status.json?token=wrong").statusCode());
        assertEquals(401, get(base + "/events").statusCode());
        HttpResponse<String> ok = get(base + "/status.json?token=s3cret");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("\"id\":\"vigil-demo\""), ok.body());
        assertEquals(200, get(base + "/?token=s3cret").statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/?token=s3cret"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode(), "read-only");
        assertEquals(0, replay.result().exitCode());
    }

    @Test
    void beyondLoopbackWithoutATokenItDoesNotStart() {
        CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt", "--http", "0.0.0.0:0");
        assertEquals(1, run.exitCode());
        assertEquals("vigil: error: http.address 0.0.0.0 listens beyond loopback: set http.token, which every request must"
                + " then carry as ?token=", run.err().strip().lines().reduce((a, b) -> b).orElse(""));
    }

    @Test
    void withoutHttpNothingListensAndWithItOneSocketDoes() throws Exception {
        Set<Long> before = listening();
        Background quiet = new Background("replay", TestPaths.demoLog().toString(), "--speed", "1", "--no-mqtt");
        awaitReplaying(quiet);
        Set<Long> during = listening();
        during.removeAll(before);
        assertEquals(Set.of(), during, "a replay without --http opens no listening socket");
        assertEquals(0, quiet.result().exitCode());

        Background served = new Background("replay", TestPaths.demoLog().toString(), "--speed", "1", "--no-mqtt", "--http", "127.0.0.1:0");
        served.livePageUrl();
        Set<Long> withPage = listening();
        withPage.removeAll(before);
        assertEquals(1, withPage.size(), "with --http, the page's socket (this check sees listening sockets)");
        assertEquals(0, served.result().exitCode());
    }

    private static void awaitReplaying(Background run) throws InterruptedException {
        for (int i = 0; i < 400 && !run.err().contains("vigil: replaying"); i++) {
            Thread.sleep(25);
        }
        assertTrue(run.err().contains("vigil: replaying"), run.err());
        Thread.sleep(500);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Inodes of this process's listening TCP sockets: /proc/net/tcp{,6} in state LISTEN, held by one of its descriptors. */
    static Set<Long> listening() throws IOException {
        Set<Long> held = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        held.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        Set<Long> listening = new HashSet<>();
        for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.trim().split("\\s+");
                long inode = Long.parseLong(f[9]);
                if (f[3].equals("0A") && held.contains(inode)) {
                    listening.add(inode);
                }
            }
        }
        return listening;
    }
}
