package dev.vigil.runtime.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Figures on the console: separators, SI prefixes, nouns that agree with their count. */
class FiguresTest {

    @Test
    void countsHaveThousandsSeparators() {
        assertEquals("65,536", Figures.count(65_536));
        assertEquals("4,294,967,296", Figures.count(4_294_967_296L));
        assertEquals("999", Figures.count(999));
        assertEquals("-1,000", Figures.count(-1000));
    }

    @Test
    void nounsAgreeWithTheirCount() {
        assertEquals("1 wake", Figures.count(1, "wake", "wakes"));
        assertEquals("0 wakes", Figures.count(0, "wake", "wakes"));
        assertEquals("2,048 batches", Figures.count(2048, "batch", "batches"));
    }

    @Test
    void quantitiesTakeTheSiPrefixThatKeepsThemBetweenOneAndAThousand() {
        assertEquals("7.47 µJ", Figures.si(7.47e-6, "J"));
        assertEquals("660 nJ", Figures.si(6.6e-7, "J"));
        assertEquals("1.00 mJ", Figures.si(0.9996e-3, "J"), "rounding up crosses into the next prefix");
        assertEquals("12.5 J", Figures.si(12.5, "J"));
        assertEquals("3.20 kHz", Figures.si(3200, "Hz"));
        assertEquals("0 J", Figures.si(0, "J"));
        assertEquals("1.50 pJ", Figures.si(1.5e-12, "J"));
    }

    @Test
    void secondsWithSeparators() {
        assertEquals("6.00 s", Figures.seconds(6, 2));
        assertEquals("1,633,953,691.106 s", Figures.seconds(1_633_953_691.106, 3));
    }
}
