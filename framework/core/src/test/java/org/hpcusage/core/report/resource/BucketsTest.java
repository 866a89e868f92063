package org.hpcusage.core.report.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket tables: contiguous, gap-free, labelled as the reference writes ranges. */
class BucketsTest {

    /** The band a value falls in: the first whose limit it is below, else the open one. */
    private static String band(Dimension d, long value) {
        for (Bucket b : d.buckets()) {
            if (b.limit() == null || value < b.limit()) {
                return b.label();
            }
        }
        throw new AssertionError("no open band");
    }

    @Test
    void everyTableEndsWithOneOpenBandAndAscends() {
        for (Dimension d : Dimension.values()) {
            List<Bucket> table = d.buckets();
            assertNull(table.get(table.size() - 1).limit(), d.name());
            for (int i = 1; i < table.size() - 1; i++) {
                assertEquals(true, table.get(i).limit() > table.get(i - 1).limit(), d + " " + table.get(i));
            }
        }
    }

    @Test
    void gpuTableStartsAtZeroAndKeepsTheReferenceLabels() {
        assertEquals(List.of("0", "1", "2", "3", "4", "5-7", "8", "9-16", "17-32", "33-64", "65-96", "97-128",
                "129-256", "257-320", ">320"), Dimension.GPUS.buckets().stream().map(Bucket::label).toList());
        assertEquals("0", band(Dimension.GPUS, 0));
        assertEquals("3", band(Dimension.GPUS, 3));
        assertEquals("5-7", band(Dimension.GPUS, 6));
        assertEquals("257-320", band(Dimension.GPUS, 320));
        assertEquals(">320", band(Dimension.GPUS, 321));
    }

    @Test
    void nodeAndCoreTablesHaveAZeroBand() {
        assertEquals("0", band(Dimension.NODES, 0));
        assertEquals("1025-2048", band(Dimension.NODES, 2048));
        assertEquals(">2048", band(Dimension.NODES, 2049));
        assertEquals("0", band(Dimension.CORES, 0));
        assertEquals("33-48", band(Dimension.CORES, 48));
        assertEquals(">128", band(Dimension.CORES, 129));
    }

    @Test
    void memoryTableHasNoGaps() {
        long gb = 1L << 30;
        assertEquals("<1", band(Dimension.MEMORY, gb - 1));
        assertEquals("1-10", band(Dimension.MEMORY, gb));
        assertEquals("1-10", band(Dimension.MEMORY, 10 * gb));
        assertEquals("11-50", band(Dimension.MEMORY, 10 * gb + 1));   // 10.000001 GB: a gap in the reference
        assertEquals("11-50", band(Dimension.MEMORY, 21 * gb / 2));   // 10.5 GB
        assertEquals("501-1000", band(Dimension.MEMORY, 1000 * gb));
        assertEquals(">1000", band(Dimension.MEMORY, 1000 * gb + 1));
    }

    @Test
    void bucketSqlIsOneCaseOfIntegerComparisons() {
        assertEquals("CASE WHEN j.numnodes IS NULL THEN -1 WHEN j.numnodes < 1 THEN 0 WHEN j.numnodes < 2 THEN 1"
                + " WHEN j.numnodes < 3 THEN 2 WHEN j.numnodes < 5 THEN 3 WHEN j.numnodes < 9 THEN 4"
                + " WHEN j.numnodes < 17 THEN 5 WHEN j.numnodes < 33 THEN 6 WHEN j.numnodes < 65 THEN 7"
                + " WHEN j.numnodes < 129 THEN 8 WHEN j.numnodes < 257 THEN 9 WHEN j.numnodes < 513 THEN 10"
                + " WHEN j.numnodes < 1025 THEN 11 WHEN j.numnodes < 2049 THEN 12 ELSE 13 END", Dimension.NODES.bucketSql());
        // Jobs without elapsed are filtered out, so no NULL branch.
        assertEquals(true, Dimension.DURATION.bucketSql().startsWith("CASE WHEN j.elapsed < 30 THEN 0"));
        assertEquals(true, Dimension.MEMORY_PER_RANK.bucketSql().contains(
                "WHEN j.memory < 134217728 * (CAST(j.mpiprocs AS BIGINT) * j.ompthreads * j.numnodes) THEN 0"));
    }
}
