package org.hpcusage.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference's argument syntaxes and bucket edges (fs-scans §5, §6.5), its tested cases. */
class ScanArgumentsTest {

    @Test
    void sizes() {
        assertEquals(1024, ScanArguments.size("1024"));
        assertEquals(0, ScanArguments.size("0"));
        assertEquals(512, ScanArguments.size("512B"));
        assertEquals(1000, ScanArguments.size("1KB"));
        assertEquals(1_000_000_000_000_000L, ScanArguments.size("1PB"));
        assertEquals(1024, ScanArguments.size("1KiB"));
        assertEquals(1L << 50, ScanArguments.size("1PiB"));
        assertEquals(1024, ScanArguments.size("1K"));
        assertEquals(1L << 50, ScanArguments.size("1P"));
        assertEquals(1L << 30, ScanArguments.size("1gib"));
        assertEquals(1L << 30, ScanArguments.size("1GIB"));
        assertEquals(500_000_000, ScanArguments.size("500mb"));
        assertEquals(536_870_912, ScanArguments.size("0.5GiB"));
        assertEquals(1_500_000, ScanArguments.size("1.5MB"));
        assertEquals(100_000_000, ScanArguments.size("  100MB  "));
        assertThrows(IllegalArgumentException.class, () -> ScanArguments.size("100XB"));
        assertThrows(IllegalArgumentException.class, () -> ScanArguments.size("abc"));
    }

    @Test
    void counts() {
        assertEquals(500, ScanArguments.count("500"));
        assertEquals(0, ScanArguments.count("0"));
        assertEquals(1000, ScanArguments.count("1K"));
        assertEquals(10_000, ScanArguments.count("10K"));
        assertEquals(1_000_000, ScanArguments.count("1M"));
        assertEquals(10_000_000, ScanArguments.count("10M"));
        assertEquals(5000, ScanArguments.count("5k"));
        assertEquals(2_000_000, ScanArguments.count("2m"));
        assertEquals(1500, ScanArguments.count("1.5K"));
        assertEquals(100_000, ScanArguments.count("  100K  "));
        assertThrows(IllegalArgumentException.class, () -> ScanArguments.count("100G"));
        assertThrows(IllegalArgumentException.class, () -> ScanArguments.count("abc"));
    }

    @Test
    void dates() {
        LocalDateTime now = LocalDateTime.parse("2024-02-29T13:14:15");
        assertEquals("2026-01-15 00:00:00", ScanArguments.date("2026-01-15", now));
        // years: same day and time; 29 February clamps to the 28th (D22: the reference fails)
        assertEquals("2021-02-28 13:14:15", ScanArguments.date("3yrs", now));
        assertEquals("2023-02-28 13:14:15", ScanArguments.date("1yr", now));
        // months: day clamped to 28 first, as the reference does
        assertEquals("2023-12-28 13:14:15", ScanArguments.date("2MO", now));
        assertThrows(IllegalArgumentException.class, () -> ScanArguments.date("2026-02-30", now));
        assertThrows(IllegalArgumentException.class, () -> ScanArguments.date("yesterday", now));
    }

    @Test
    void bucketEdges() {
        long scan = NaiveTime.of(LocalDateTime.parse("2026-01-15T00:00:00"));
        long day = 86_400;
        // §5.1 tested cases: 2025-12-31 → 0, 2025-12-01 → 1, 2025-01-15 → 4, 2024-01-15 → 5, 2023-01-15 → 6
        List<String> atimes = List.of("2025-12-31T00:00:00", "2025-12-01T00:00:00", "2025-01-15T00:00:00",
                "2024-01-15T00:00:00", "2023-01-15T00:00:00");
        List<Integer> expected = List.of(0, 1, 4, 5, 6);
        for (int i = 0; i < atimes.size(); i++) {
            assertEquals(expected.get(i), Buckets.access(NaiveTime.of(LocalDateTime.parse(atimes.get(i))), scan, false), atimes.get(i));
        }
        assertEquals(9, Buckets.access(0, scan, true));
        assertEquals(0, Buckets.access(scan - 29 * day, scan, false));
        assertEquals(1, Buckets.access(scan - 31 * day, scan, false));
        assertEquals(0, Buckets.access(scan + day, scan, false), "a future atime");
        int[] ages = {15, 45, 120, 270, 500, 900, 1200, 1800, 2400, 3000};
        for (int i = 0; i < ages.length; i++) {
            assertEquals(i, Buckets.access(scan - ages[i] * day, scan, false));
        }
        // §5.2: 512 → 0, 5 KiB → 1, 50 KiB → 2, 1 MiB → 4, 1 GiB → 7, 200 GiB → 9, 1023 → 0, 1024 → 1
        assertEquals(0, Buckets.size(512));
        assertEquals(1, Buckets.size(5 * 1024));
        assertEquals(2, Buckets.size(50 * 1024));
        assertEquals(4, Buckets.size(1 << 20));
        assertEquals(7, Buckets.size(1L << 30));
        assertEquals(9, Buckets.size(200L << 30));
        assertEquals(0, Buckets.size(1023));
        assertEquals(1, Buckets.size(1024));
        assertEquals("< 1 Month", Buckets.ACCESS_LABELS.get(0));
        assertEquals("7+ Years", Buckets.ACCESS_LABELS.get(9));
        assertEquals("100 GiB+", Buckets.SIZE_LABELS.get(9));
    }
}
