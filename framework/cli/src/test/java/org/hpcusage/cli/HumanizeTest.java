package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The examples of slurm-scoreboard.md §6.6, verbatim. */
class HumanizeTest {
    @Test
    void formatsAsTheReferenceTui() {
        assertEquals("0", Humanize.of(0));
        assertEquals("2.5", Humanize.of(2.5));
        assertEquals("0.123", Humanize.of(0.1234));
        assertEquals("0", Humanize.of(0.0004));
        assertEquals("1000", Humanize.of(999.9996));
        assertEquals("1.00k", Humanize.of(1000));
        assertEquals("1.23k", Humanize.of(1234.5));
        assertEquals("1000.00k", Humanize.of(999999));
        assertEquals("2.50M", Humanize.of(2.5e6));
        assertEquals("3210.00G", Humanize.of(3.21e12));
        assertEquals("-1234.5", Humanize.of(-1234.5));
        assertEquals("40", Humanize.of(40.0));
    }

    @Test
    void roundsHalfEvenOnTheBinaryValue() {
        // 1.125 is exact in binary: half-even keeps 1.12 (String.format would give 1.13)
        assertEquals("1.12k", Humanize.of(1125));
        // 0.0005 is slightly above in binary (0.000500000000000000010...): up to 0.001
        assertEquals("0.001", Humanize.of(0.0005));
    }
}
