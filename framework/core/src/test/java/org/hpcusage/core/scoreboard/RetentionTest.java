package org.hpcusage.core.scoreboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hpcusage.core.JobStore;
import org.hpcusage.core.TableRows;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.Pruner;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.store.Database;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention mode on LeaderboardsTest's store (hammer and negishi from sacct text, derecho from a
 * PBS day; now = 2026-01-10T00:00Z). hammer is in UTC; with 30 days kept, its days before
 * 2025-12-11 are pruned: jobs 2 (ends 2025-12-01), 3 (2024-06-01), 5 (2025-12-10 23:59:59) and
 * 6, 7, 8 (2025-06-01), six of its twelve jobs. Every board must be what it was.
 */
class RetentionTest {
    private static final Privacy PRIVACY = new Privacy(Set.of("erin"), Privacy.DEFAULT_MIN_JOBS);

    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();
    private Database db;
    private Path root;
    private Machine hammer;

    private void store(TestingDatabase.Kind kind) throws IOException {
        db = store.open(kind, temp);
        LeaderboardsTest.load(db, temp);
        root = Files.createDirectories(temp.resolve("sb"));
        hammer = TestMachines.machines().resolveForImport("hammer", "slurm");
    }

    private List<String> boards() {
        Leaderboards b = Leaderboards.compute(db, LeaderboardsTest.NOW, null, LeaderboardsTest.FAILED, PRIVACY);
        List<String> out = new ArrayList<>();
        for (Window w : Window.values()) {
            for (Metric m : Metric.values()) {
                out.add(w.key() + " " + m.key() + " " + b.board(w, m));
            }
        }
        return out;
    }

    private SyncEngine.FileResult importHammer(String text, boolean withBloom) throws IOException {
        Path file = Files.writeString(temp.resolve("hammer-" + System.nanoTime() + ".txt"), text);
        return new SyncEngine(db, hammer, SyncOptions.defaults(SyncMode.INCREMENTAL, null), SyncListener.NONE,
                withBloom ? BloomSeenJobs.under(root, "hammer") : null).importFile(file);
    }

    private long scalar(String sql) throws SQLException {
        return TableRows.scalar(db, sql);
    }

    private long hammerJobs() throws SQLException {
        return scalar("SELECT COUNT(*) FROM jobs j JOIN machines m ON m.id = j.machine_id WHERE m.name = 'hammer'");
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void pruningKeepsTheBoardsAndReSeenJobsAreNotCountedTwice(TestingDatabase.Kind kind) throws IOException, SQLException {
        store(kind);
        List<String> before = boards();
        assertEquals(12, hammerJobs());

        Pruner.Result dry = Retention.prune(db, hammer, root, 30, LeaderboardsTest.NOW, true);
        assertEquals(LocalDate.of(2025, 12, 11), dry.cutoff());
        // days 2024-06-01, 2025-06-01, 2025-12-01, 2025-12-10 with 1 + 3 + 1 + 1 jobs
        assertEquals(4, dry.days());
        assertEquals(6, dry.jobs());
        assertEquals(12, hammerJobs());

        Pruner.Result r = Retention.prune(db, hammer, root, 30, LeaderboardsTest.NOW, false);
        assertEquals(4, r.days());
        assertEquals(6, r.jobs());
        assertEquals(6, hammerJobs());
        assertEquals(0, scalar("SELECT COUNT(*) FROM job_charges c WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = c.job_id)"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM job_records c WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = c.job_id)"));
        assertEquals(before, boards());
        // Remembered in the reference's files, by UTC month of the end.
        Path seen = root.resolve("clusters/hammer/state/seen");
        assertTrue(BloomFilter.load(seen.resolve("2025-06.bloom")).contains("8"));
        assertTrue(BloomFilter.load(seen.resolve("2025-12.bloom")).contains("5"));
        assertTrue(BloomFilter.load(seen.resolve("2024-06.bloom")).contains("3"));

        // A second run has nothing left to do.
        Pruner.Result again = Retention.prune(db, hammer, root, 30, LeaderboardsTest.NOW, false);
        assertEquals(0, again.days());

        // Re-fetching the same month: the kept jobs are in the store, the pruned ones in the Bloom files.
        assertEquals(0, importHammer(LeaderboardsTest.HAMMER, true).inserted());
        assertEquals(6, hammerJobs());
        assertEquals(before, boards());
        // Without Bloom files (plain jobs import) jobs of pruned days are not stored either.
        assertEquals(0, importHammer(LeaderboardsTest.HAMMER, false).inserted());
        assertEquals(before, boards());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aNewJobOfAPrunedDayIsAddedToItsRollupsOnce(TestingDatabase.Kind kind) throws IOException, SQLException {
        store(kind);
        Retention.prune(db, hammer, root, 30, LeaderboardsTest.NOW, false);
        // Job 13: alice, 3 CPUs x 2 h = 6 core-hours, ends 2025-12-01 12:00 UTC, a pruned day.
        String job13 = "JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|AllocTRES|Submit|Start|End\n"
                + "13|alice|COMPLETED|7200|3|1|1G|cpu=3|2025-12-01T10:00:00|2025-12-01T10:00:00|2025-12-01T12:00:00\n";
        assertEquals(1, importHammer(job13, true).inserted());
        // Counted in the day's rollups and summary, then its raw row went the way of the day's others.
        assertEquals(6, hammerJobs());
        // (These sacct rows name no account or partition, so the day has no daily_summary rows.)
        assertEquals(2, scalar("SELECT SUM(r.job_count) FROM daily_user_usage r JOIN machines m ON m.id = r.machine_id "
                + "WHERE m.name = 'hammer' AND r.end_day = 20251201"));
        assertTrue(BloomFilter.load(root.resolve("clusters/hammer/state/seen/2025-12.bloom")).contains("13"));
        Leaderboards b = Leaderboards.compute(db, LeaderboardsTest.NOW, null, LeaderboardsTest.FAILED, PRIVACY);
        // alice all time 328.5 + 6 = 334.5; 365 days 324.5 + 6 = 330.5; 30 days unchanged (324).
        assertEquals(new Ranked(1, "alice", 334.5), b.board(Window.ALLTIME, Metric.CLOCK_HOURS).get(0));
        assertEquals(new Ranked(1, "alice", 330.5), b.board(Window.ROLLING_365D, Metric.CLOCK_HOURS).get(0));
        assertEquals(new Ranked(1, "alice", 324.0), b.board(Window.ROLLING_30D, Metric.CLOCK_HOURS).get(0));
        List<String> after = boards();

        assertEquals(0, importHammer(job13, true).inserted());
        assertEquals(after, boards());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void jobsArrivingForAPrunedDayAddToItsSummaryRows(TestingDatabase.Kind kind) throws IOException, SQLException {
        store(kind);
        Machine derecho = TestMachines.get("derecho");
        String perDay = "SELECT SUM(s.job_count) * 1000000 + SUM(s.cpu_hours) FROM daily_summary s "
                + "JOIN machines m ON m.id = s.machine_id WHERE m.name = 'derecho'";
        long before = scalar(perDay);
        assertTrue(before >= 4_000_000, "derecho's four hand-made jobs are summarized: " + before);
        Retention.prune(db, derecho, root, 3, LeaderboardsTest.NOW, false);
        assertEquals(0, scalar("SELECT COUNT(*) FROM jobs j JOIN machines m ON m.id = j.machine_id WHERE m.name = 'derecho'"));
        assertEquals(before, scalar(perDay));
        // Forget the pruned jobs (lose the Bloom file) and sync the day again: every job now looks
        // new, so each is added to its (user, account, queue) row: the summary doubles exactly.
        Files.delete(root.resolve("clusters/derecho/state/seen/2026-01.bloom"));
        new SyncEngine(db, derecho, SyncOptions.defaults(SyncMode.INCREMENTAL, TestMachines.handMadeDerecho()),
                SyncListener.NONE, BloomSeenJobs.under(root, "derecho")).run(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1));
        assertEquals(2 * before, scalar(perDay));
        assertEquals(0, scalar("SELECT COUNT(*) FROM jobs j JOIN machines m ON m.id = j.machine_id WHERE m.name = 'derecho'"));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aPrunedFirstDayOfAWindowCountsWhole(TestingDatabase.Kind kind) throws IOException {
        store(kind);
        // At noon, the 30-day window starts 2025-12-11T12:00Z: hammer's job 4 (bob, 1 h on 1 CPU,
        // ends 2025-12-11T00:00Z) is just out; bob's 30 days hold derecho's B only: 32.
        java.time.Instant noon = LeaderboardsTest.NOW.plusSeconds(12 * 3600);
        assertEquals(new Ranked(3, "bob", 32.0), board(noon, Window.ROLLING_30D).get(2));
        // Keeping 20 days prunes 2025-12-11 too; its jobs are gone, so the day counts whole.
        Retention.prune(db, hammer, root, 20, noon, false);
        assertEquals(new Ranked(3, "bob", 33.0), board(noon, Window.ROLLING_30D).get(2));
        // All time does not depend on where a window starts.
        assertEquals(new Ranked(3, "bob", 34.0), board(noon, Window.ALLTIME).get(2));
    }

    private List<Ranked> board(java.time.Instant now, Window w) {
        return Leaderboards.compute(db, now, null, LeaderboardsTest.FAILED, PRIVACY).board(w, Metric.CLOCK_HOURS);
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aBusyClusterIsNotPruned(TestingDatabase.Kind kind) throws IOException, SQLException {
        store(kind);
        Path state = root.resolve("clusters/hammer/state");
        Pruner.Result r = ClusterLock.tryWith(state, () -> Retention.prune(db, hammer, root, 30, LeaderboardsTest.NOW, false));
        assertNull(r);
        assertEquals(12, hammerJobs());
    }
}
