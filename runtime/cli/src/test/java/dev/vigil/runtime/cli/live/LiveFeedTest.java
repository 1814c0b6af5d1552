package dev.vigil.runtime.cli.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.wake.WakeDecision;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing a page does reaches back into the sensing loop: queues are bounded, drops are counted. */
class LiveFeedTest {
    private static final WakeDecision QUIET = WakeDecision.quiet(false, "threshold-hysteresis", 3, 6, "");

    @Test
    void aFullFeedDropsAndCountsInsteadOfWaiting() {
        LiveFeed feed = new LiveFeed(100);
        for (int w = 0; w < 250; w++) {
            feed.window("audio", 50_000L * w, new int[] {1, 2}, QUIET);
        }
        assertEquals(150, feed.dropped());
        List<LiveFeed.Item> items = new ArrayList<>();
        assertEquals(100, feed.drainTo(items));
        assertEquals(new LiveFeed.WindowPoint("audio", 0, 3, 3, 6, WakeDecision.Outcome.QUIET), items.get(0));
    }

    @Test
    void aPageThatNeverReadsFillsOnlyItsOwnQueue() {
        LiveFeed feed = new LiveFeed();
        LiveHub hub = new LiveHub(feed, 100, () -> new ObjectMapper().createObjectNode(), new ObjectMapper().createObjectNode());
        SseClient stalled = new SseClient();
        hub.join(stalled);
        List<LiveFeed.Item> items = new ArrayList<>();
        long t = 0;
        for (int tick = 0; tick < 200; tick++) {
            for (int w = 0; w < 4; w++) {
                feed.window("audio", t += 50_000, new int[] {w}, QUIET);
            }
            hub.tick(items, tick * LiveHub.TICK_MS);
        }
        assertEquals(0, feed.dropped(), "the feed kept up");
        assertTrue(stalled.dropped() > 100, "the stalled page's queue overflowed: " + stalled.dropped());
        assertEquals(stalled.dropped(), hub.clientDrops());
        assertEquals(1, hub.clients());
        stalled.close();
        hub.tick(items, 200 * LiveHub.TICK_MS);
        assertEquals(0, hub.clients(), "a closed page is let go");
        assertEquals(stalled.dropped(), hub.clientDrops(), "its drops stay counted");
        assertEquals(1, hub.served());
    }

    @Test
    void aPageThatOpensLateGetsTheLastWindowsOfEachLane() throws Exception {
        LiveFeed feed = new LiveFeed();
        LiveHub hub = new LiveHub(feed, 10, () -> new ObjectMapper().createObjectNode(), new ObjectMapper().createObjectNode());
        List<LiveFeed.Item> items = new ArrayList<>();
        for (int w = 1; w <= 25; w++) {
            feed.window("dvs", 50_000L * w, new int[] {w}, QUIET);
        }
        hub.tick(items, 0);
        SseClient late = new SseClient();
        hub.join(late);
        hub.tick(items, 1);
        late.close();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        late.pump(got);
        String windows = got.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("data: {\"lanes\""))
                .findFirst().orElseThrow().substring(6);
        ObjectNode lane = (ObjectNode) new ObjectMapper().readTree(windows).path("lanes").path("dvs");
        assertEquals(10, lane.path("t").size(), "the history holds the last 10 windows");
        assertEquals(16, lane.path("n").get(0).asInt());
        assertEquals(1.25, lane.path("t").get(9).asDouble());
    }
}
