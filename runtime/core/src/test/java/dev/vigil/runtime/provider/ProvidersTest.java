package dev.vigil.runtime.provider;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvidersTest {
    private final TestTool first = new TestTool.Tool("built-in", 0);
    private final TestTool second = new TestTool.Tool("second", 5);

    private Providers<TestTool> tools() {
        return Providers.of("test tool", TestTool.class, TestTool::id, first, second);
    }

    @Test
    void builtInsComeFirstThenWhatTheLoaderFinds() {
        assertEquals(List.of("built-in", "second", "loaded"), tools().ids());
        assertEquals(List.of("loaded"), Providers.load(TestTool.class).stream().map(TestTool::id).toList());
    }

    @Test
    void anExplicitIdFindsThatProviderWhateverItsRank() {
        assertEquals("loaded", tools().ranked(t -> -1).find("loaded").orElseThrow().id());
        assertSame(first, tools().find("built-in").orElseThrow());
        assertTrue(tools().find("missing").isEmpty());
    }

    @Test
    void autoPicksTheHighestRankTheFirstOfEqualsAndNeverANegativeRank() {
        assertSame(second, tools().ranked(TestTool::rank).find(Providers.AUTO).orElseThrow());
        assertEquals("loaded", tools().ranked(t -> t.id().equals("loaded") ? 3 : -1).find(Providers.AUTO)
                .orElseThrow().id());
        assertTrue(tools().ranked(t -> -1).find(Providers.AUTO).isEmpty());
    }

    @Test
    void withoutRanksAutoIsAnOrdinaryIdAndTheBestIsTheFirst() {
        assertTrue(tools().find(Providers.AUTO).isEmpty());
        assertSame(first, tools().best().orElseThrow());
        assertEquals("loaded", Providers.of("test tool", TestTool.class, TestTool::id).best().orElseThrow().id());
    }

    @Test
    void whatIsMissingIsReportedInOneShape() {
        assertEquals("no test tool 'lathe' (available: built-in, second, loaded)", tools().missing("lathe"));
        Providers<Runnable> none = Providers.of("runner", Runnable.class, Object::toString);
        assertTrue(none.all().isEmpty());
        assertTrue(none.best().isEmpty());
        assertEquals("no runner (available: none)", none.missing());
        assertEquals("no runner 'fast' (available: none)", none.missing("fast"));
    }
}
