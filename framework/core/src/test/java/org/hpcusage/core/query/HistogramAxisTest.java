package org.hpcusage.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hpcusage.core.TestMachines;
import org.junit.jupiter.api.Test;

/** The bucket tables of the reference (§8.3), their invariants and the per-machine caps. */
class HistogramAxisTest {
    private static final long G = 1024L * 1024 * 1024;

    private static List<String> labels(List<Band> bands) {
        return bands.stream().map(Band::label).toList();
    }

    @Test
    void tablesAreTheReferences() {
        assertEquals(List.of("<1m", "1-5m", "5-15m", "15-30m", "30-60m", "1-2h", "2-4h", "4-8h", "8-12h", "12-24h", "1-2d", ">2d"),
                labels(HistogramAxis.WAIT.bands()));
        assertEquals(List.of("0", "1", "2", "3-4", "5-8", "9-16", "17-32", "33-64", "65-128", "129-256", "257-512", "513-1024",
                "1025-2048", ">2048"), labels(HistogramAxis.NODES.bands()));
        assertEquals(new Band(">2048", 2049L, null), HistogramAxis.NODES.bands().get(13));
        assertEquals(List.of("0", "1", "2", "3-4", "5-8", "9-16", "17-32", "33-64", "65-128", "129-512", "513-2048", "2049-8192",
                "8193-32768", ">32768"), labels(HistogramAxis.CPUS.bands()));
        assertEquals(List.of("0", "1", "2", "3-4", "5-8", "9-16", "17-32", "33-64", "65-128", "129-256", ">256"),
                labels(HistogramAxis.GPUS.bands()));
        assertEquals(List.of("<30s", "30s-30m", "30-60m", "1-5h", "5-12h", "12-18h", ">18h"), labels(HistogramAxis.DURATION.bands()));
        assertEquals(List.of(new Band("<1GB", 0L, G - 1), new Band("1-10GB", G, 10 * G), new Band("10-50GB", 10 * G + 1, 50 * G),
                new Band("50-100GB", 50 * G + 1, 100 * G), new Band("100-500GB", 100 * G + 1, 500 * G),
                new Band("500-1000GB", 500 * G + 1, 1000 * G), new Band(">1000GB", 1000 * G + 1, null)), HistogramAxis.MEMORY.bands());
        assertEquals(HistogramAxis.MEMORY.bands(), HistogramAxis.MEMORY_USED.bands());
        assertEquals(new Band("over request", null, -1L), HistogramAxis.MEMORY_WASTED.bands().get(0));
        assertEquals(HistogramAxis.MEMORY.bands(), HistogramAxis.MEMORY_WASTED.bands().subList(1, 8));
        assertEquals("reqmem", HistogramAxis.MEMORY.column());
        assertEquals("min_memory_wasted", HistogramAxis.MEMORY_WASTED.range().minParam());
    }

    @Test
    void validationRejectsBrokenTables() {
        assertThrows(IllegalStateException.class, () -> HistogramAxis.validate("x", List.of(), false));
        assertThrows(IllegalStateException.class, () -> HistogramAxis.validate("x",
                List.of(new Band("a", 1L, 5L), new Band("b", 6L, null)), false), "must start at 0");
        assertThrows(IllegalStateException.class, () -> HistogramAxis.validate("x",
                List.of(new Band("a", 0L, 5L), new Band("b", 7L, null)), false), "gap");
        assertThrows(IllegalStateException.class, () -> HistogramAxis.validate("x",
                List.of(new Band("a", 0L, 5L), new Band("a", 6L, null)), false), "duplicate label");
        assertThrows(IllegalStateException.class, () -> HistogramAxis.validate("x",
                List.of(new Band("a", 0L, 5L), new Band("b", 6L, 9L)), false), "last band open");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> HistogramAxis.parse("colour"));
        assertTrue(unknown.getMessage().startsWith("Unknown dimension: colour"), unknown.getMessage());
        assertEquals(HistogramAxis.MEMORY_WASTED, HistogramAxis.parse("memory-wasted"));
    }

    @Test
    void casperShipsTheReferenceCapsAndDerechoNone() {
        Map<HistogramAxis, Integer> casper = JobQuery.caps(TestMachines.get("casper").definition());
        assertEquals(Map.of(HistogramAxis.NODES, 128, HistogramAxis.CPUS, 1024, HistogramAxis.GPUS, 32), casper);
        assertEquals(Map.of(), JobQuery.caps(TestMachines.get("derecho").definition()));
        // casper axes: nodes 0 … 33-64, >64; cpus 0 … 129-512, >512; gpus 0 … 9-16, >16.
        List<Band> nodes = HistogramAxis.NODES.bands(128);
        assertEquals(List.of("0", "1", "2", "3-4", "5-8", "9-16", "17-32", "33-64", ">64"), labels(nodes));
        assertEquals(List.of("0", "1", "2", "3-4", "5-8", "9-16", "17-32", "33-64", "65-128", "129-512", ">512"),
                labels(HistogramAxis.CPUS.bands(1024)));
        assertEquals(List.of("0", "1", "2", "3-4", "5-8", "9-16", ">16"), labels(HistogramAxis.GPUS.bands(32)));
        assertEquals(HistogramAxis.WAIT.bands(), HistogramAxis.WAIT.bands(1), "only count axes are capped");
    }

    @Test
    void bucketCaseSendsNullsFirstThenTheFirstBandHoldingTheValue() {
        assertEquals("CASE WHEN j.elapsed IS NULL THEN -1 WHEN j.elapsed <= 29 THEN 0 WHEN j.elapsed <= 1799 THEN 1 "
                + "WHEN j.elapsed <= 3599 THEN 2 WHEN j.elapsed <= 17999 THEN 3 WHEN j.elapsed <= 43199 THEN 4 "
                + "WHEN j.elapsed <= 64799 THEN 5 ELSE 6 END", JobQuery.bucketCase(HistogramAxis.DURATION, HistogramAxis.DURATION.bands()));
    }
}
