package dev.vigil.runtime.provider;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvidersTest {
    private final TestTool builtIn = new TestTool.Tool("built-in", 0);

    private Providers<TestTool> tools() {
        return Providers.of("test tool", TestTool.class, TestTool::id, builtIn);
    }

    @Test
    void builtInsComeFirstThenTheLoadersOrder() {
        assertEquals(List.of("built-in", "low", "high", "also-high", "named-only"), tools().ids());
        assertEquals(List.of("low", "high", "also-high", "named-only"),
                Providers.load(TestTool.class).stream().map(TestTool::id).toList());
    }

    @Test
    void anExplicitIdFindsThatProviderEvenWhenItIsNotRanked() {
        assertEquals("named-only", tools().ranked(TestTool::rank).find("named-only").orElseThrow().id());
        assertSame(builtIn, tools().find("built-in").orElseThrow());
        assertTrue(tools().find("missing").isEmpty());
    }

    @Test
    void autoPicksTheHighestRankTheFirstOfEqualsAndNeverANegativeRank() {
        assertEquals("high", tools().ranked(TestTool::rank).find(Providers.AUTO).orElseThrow().id());
        assertEquals("named-only", tools().ranked(t -> t.id().equals("named-only") ? 0 : -1).find(Providers.AUTO)
                .orElseThrow().id());
        assertTrue(tools().ranked(t -> -1).find(Providers.AUTO).isEmpty());
    }

    @Test
    void withoutRanksAutoIsAnOrdinaryIdAndTheBestIsTheFirst() {
        assertTrue(tools().find(Providers.AUTO).isEmpty());
        assertSame(builtIn, tools().best().orElseThrow());
        assertEquals("low", Providers.of("test tool", TestTool.class, TestTool::id).best().orElseThrow().id());
    }

    @Test
    void whatIsMissingIsReportedInOneShape() {
        assertEquals("no test tool 'lathe' (available: built-in, low, high, also-high, named-only)",
                tools().missing("lathe"));
        Providers<Runnable> none = Providers.of("runner", Runnable.class, Object::toString);
        assertTrue(none.all().isEmpty());
        assertTrue(none.best().isEmpty());
        assertEquals("no runner (available: none)", none.missing());
        assertEquals("no runner 'fast' (available: none)", none.missing("fast"));
    }
}
