package org.hpcusage.core.scoreboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.hpcusage.core.util.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pruned-job memory on the reference's Bloom files: month by UTC end, saved on demand, never silently reset. */
class BloomSeenJobsTest {
    @TempDir
    Path temp;

    @Test
    void remembersByTheUtcMonthOfTheEndOnceSaved() throws IOException {
        BloomSeenJobs seen = new BloomSeenJobs(temp, 1000);
        // 2025-08-31T23:30-07:00 is 2025-09-01T06:30Z: the September file.
        Instant end = Instant.parse("2025-09-01T06:30:00Z");
        seen.add("12345", end);
        assertTrue(seen.contains("12345", end));
        assertFalse(Files.exists(temp.resolve("seen/2025-09.bloom")));
        seen.save();
        BloomFilter f = BloomFilter.load(temp.resolve("seen/2025-09.bloom"));
        assertTrue(f.contains("12345"));
        // The reference's sizing for 1 000 ids (slurm-scoreboard.md §3.2): m = 19 171, k = 13.
        assertTrue(f.m() == 19_171 && f.k() == 13);
        BloomSeenJobs reopened = new BloomSeenJobs(temp, 1000);
        assertTrue(reopened.contains("12345", end));
        assertFalse(reopened.contains("12345", Instant.parse("2025-08-31T06:30:00Z")));   // August: another file
        assertFalse(reopened.contains("12345", null));
    }

    @Test
    void aMonthAnnouncedBusyGetsAFilterSizedForItAndFilesAreReadableByAll() throws IOException {
        BloomSeenJobs seen = new BloomSeenJobs(temp, 1000);
        seen.expect(java.time.YearMonth.of(2025, 9), 1500);
        seen.expect(java.time.YearMonth.of(2025, 9), 500);
        seen.add("1", Instant.parse("2025-09-02T00:00:00Z"));
        seen.add("2", Instant.parse("2025-10-02T00:00:00Z"));
        seen.save();
        // 2 000 announced, half again: 3 000 ids at p 1e-4 -> m = ceil(3000 ln(10^4) / (ln 2)^2) = 57 511, k = 13.
        BloomFilter busy = BloomFilter.load(temp.resolve("seen/2025-09.bloom"));
        assertTrue(busy.m() == 57_511 && busy.k() == 13, busy.header());
        // October announced nothing: the default size.
        assertTrue(BloomFilter.load(temp.resolve("seen/2025-10.bloom")).m() == 19_171);
        assertTrue(java.nio.file.Files.getPosixFilePermissions(temp.resolve("seen/2025-09.bloom"))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
    }

    @Test
    void anUnreadableFileIsAnErrorNotAFreshStart() throws IOException {
        Files.createDirectories(temp.resolve("seen"));
        Files.writeString(temp.resolve("seen/2025-09.bloom"), "{\"k\": 13, \"m\": 19171, \"n\": 1, \"p\": 0.0001}\nshort");
        BloomSeenJobs seen = new BloomSeenJobs(temp, 1000);
        UserException e = assertThrows(UserException.class, () -> seen.contains("1", Instant.parse("2025-09-02T00:00:00Z")));
        assertTrue(e.getMessage().contains("2025-09") && e.getMessage().contains("count them twice"), e.getMessage());
    }
}
