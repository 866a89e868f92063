package org.hpcusage.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.SummaryMapper;
import org.hpcusage.testkit.db.TestingDatabase;
import org.hpcusage.testkit.db.TestingDatabase.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The timeseries fast path (reference §8.6): over the {@link QueryFixture} store plus two jobs
 * that summaries leave out, with every derecho day of January and February 2026 summarized by
 * the sync's own statements, the series read from daily_summary equals the one scanned from
 * jobs, on both dialects, for every filter the summaries can answer, every period and owner
 * ranking; and the fast path is taken exactly when the reference says.
 *
 * <p>Extra jobs (derecho, America/Denver): J10 alice, no account, gpu, ends 2026-01-12 18:30 UTC
 * (local 11:30, day 20260112), 128 cpu-h, 4 gpu-h, factor 1.0; J11 bob, UCSD0047, no queue,
 * ends 2026-01-20 21:00 UTC (day 20260120), 10 cpu-h, 0 gpu-h, factor 1.5.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummarySeriesTest {
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate FEB_28 = LocalDate.of(2026, 2, 28);

    private QueryStores stores;

    @BeforeAll
    void open(@TempDir Path temp) {
        stores = new QueryStores(temp);
    }

    @AfterAll
    void close() {
        stores.close();
    }

    /** The fixture store with J10, J11 and summaries of every derecho day of Jan and Feb 2026. */
    private JobQuery query(Kind kind) throws Exception {
        Database db = stores.get(kind);
        try (SqlSession s = db.writer()) {
            Connection c = s.getConnection();
            try (Statement st = c.createStatement()) {
                if (scalar(st, "SELECT COUNT(*) FROM jobs WHERE id = 10") == 0) {
                    st.execute("INSERT INTO jobs (id, machine_id, job_id, submit, name, user_id, account_id, queue_id, qos_id, "
                            + "status, \"end\", end_day, elapsed, eligible_secs, numnodes, numcpus, numgpus) VALUES "
                            + "(10, (SELECT id FROM machines WHERE name = 'derecho'), '7100001.desched1', 1767225600, 'j10', "
                            + "(SELECT id FROM users WHERE username = 'alice'), NULL, (SELECT id FROM queues WHERE queue_name = 'gpu'), "
                            + "(SELECT id FROM job_qos WHERE name = 'regular'), '0', 1768242600, 20260112, 3600, 0, 1, 128, 4), "
                            + "(11, (SELECT id FROM machines WHERE name = 'derecho'), '7100002.desched1', 1767225600, 'j11', "
                            + "(SELECT id FROM users WHERE username = 'bob'), (SELECT id FROM accounts WHERE account_name = 'UCSD0047'), "
                            + "NULL, (SELECT id FROM job_qos WHERE name = 'premium'), '0', 1768942800, 20260120, 600, 0, 1, 60, 0)");
                    st.execute("INSERT INTO job_charges (job_id, cpu_hours, gpu_hours, memory_hours, charge_version, qos_factor) "
                            + "VALUES (10, 128.0, 4.0, 0.0, 1, 1.0), (11, 10.0, 0.0, 0.0, 1, 1.5)");
                }
                long machine = scalar(st, "SELECT id FROM machines WHERE name = 'derecho'");
                SummaryMapper summaries = s.getMapper(SummaryMapper.class);
                for (LocalDate d = JAN_1; !d.isAfter(FEB_28); d = d.plusDays(1)) {
                    summarize(summaries, machine, d);
                }
            }
            s.commit();
        }
        return stores.derecho(kind);
    }

    /** What the sync does for one day (SyncEngine.summarize). */
    private static void summarize(SummaryMapper summaries, long machine, LocalDate d) {
        summaries.deleteDay(machine, d.toString());
        int day = d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
        if (summaries.insertDay(machine, d.toString(), day) == 0) {
            summaries.insertMarker(machine, d.toString());
        }
    }

    private static long scalar(Statement st, String sql) throws SQLException {
        try (var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JobFilter window(LocalDate start, LocalDate end, UnaryOperator<JobFilter.Builder> more) {
        return more.apply(JobFilter.builder().start(start).end(end)).build();
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void theSummaryPathGivesTheJobsPathsSeries(Kind kind) throws Exception {
        JobQuery q = query(kind);
        List<UnaryOperator<JobFilter.Builder>> filters = List.of(
                b -> b, b -> b.user("alice"), b -> b.user("bob"), b -> b.user("nobody"),
                b -> b.account("UCSD0047"), b -> b.accounts(List.of("NCAR0001", "NOPE")), b -> b.accounts(List.of()),
                b -> b.queue("gpu"), b -> b.queue("develop"), b -> b.user("alice").queue("gpu"),
                b -> b.user("bob").account("UCSD0047"));
        List<Owners> rankings = new ArrayList<>();
        rankings.add(null);
        rankings.add(Owners.top(2));
        rankings.add(new Owners(5, Metric.JOB_COUNT, Dimension.ACCOUNT));
        int compared = 0;
        for (LocalDate[] w : new LocalDate[][] {{JAN_1, FEB_28}, {LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 12)},
                {LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 3)}}) {
            for (UnaryOperator<JobFilter.Builder> more : filters) {
                JobFilter f = window(w[0], w[1], more);
                assertTrue(q.timeseriesFromSummaries(f), "summaries cover " + f);
                for (BandPeriod period : BandPeriod.values()) {
                    for (Owners owners : rankings) {
                        assertSameSeries(q.timeseries(period, f, owners, false), q.timeseries(period, f, owners, true),
                                kind + " " + period + " " + owners + " " + f);
                        compared++;
                    }
                }
            }
        }
        assertEquals(3 * 11 * BandPeriod.values().length * 3, compared);
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void summaryDaysAndTheJobsTheyLeaveOutAddUpByHand(Kind kind) throws Exception {
        JobQuery q = query(kind);
        JobFilter f = window(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 12), b -> b);
        Timeseries t = q.timeseries(BandPeriod.DAY, f, Owners.top(2), true);
        // Jan 10: J1, J2, J3 (J3 ends 19:00 local): 128 + 512 + 64 cpu-h, 2 gpu-h, charges
        // 128×1 + 512×1.5 + 64×1 = 960. Jan 11: nothing. Jan 12: J4 (bob, 32 cpu-h, 1 gpu-h,
        // factor 0.7) from the summary and J10 (alice, no account: 128 cpu-h, 4 gpu-h) from jobs.
        assertEquals(List.of(3L, 0L, 2L), t.bands().stream().map(b -> b.usage().jobCount()).toList());
        assertEquals(704.0, t.bands().get(0).usage().cpuHours(), 1e-9);
        assertEquals(960.0, t.bands().get(0).usage().cpuCharges(), 1e-9);
        assertEquals(160.0, t.bands().get(2).usage().cpuHours(), 1e-9);
        assertEquals(5.0, t.bands().get(2).usage().gpuHours(), 1e-9);
        assertEquals(32 * 0.7 + 128.0, t.bands().get(2).usage().cpuCharges(), 1e-9);
        // Owners by hours over the window: alice 128 + 512 + 128 + 4 = 772, bob 64 + 2 + 32 + 1 = 99.
        assertEquals(List.of("alice", "bob"), List.copyOf(t.bands().get(2).owners().keySet()));
        assertEquals(1, t.bands().get(2).owners().get("alice").jobCount(), "J10 only, though it has no summary");
        assertEquals(128.0, t.bands().get(2).owners().get("alice").cpuHours(), 1e-9);
        assertEquals(2, t.bands().get(0).owners().get("alice").jobCount());
        assertEquals(5, t.totalCount());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void theSummaryPathReallyReadsTheSummaries(Kind kind) throws Exception {
        JobQuery q = query(kind);
        Database db = stores.get(kind);
        JobFilter f = window(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 10), b -> b);
        try {
            // A summary that disagrees with its jobs (as if stale): only the summary path sees it.
            update(db, "UPDATE daily_summary SET job_count = job_count + 100 WHERE date = '2026-01-10' AND user_id IS NOT NULL");
            // Jan 10 has two summary rows: (alice, NCAR0001, cpu) for J1 + J2, (bob, UCSD0047, gpu) for J3.
            assertEquals(2, countRows(db, "SELECT COUNT(*) FROM daily_summary WHERE date = '2026-01-10' AND user_id IS NOT NULL"));
            assertEquals(3 + 2 * 100, q.timeseries(BandPeriod.DAY, f, null, true).totalCount());
            assertEquals(3, q.timeseries(BandPeriod.DAY, f, null, false).totalCount());
        } finally {
            update(db, "UPDATE daily_summary SET job_count = job_count - 100 WHERE date = '2026-01-10' AND user_id IS NOT NULL");
        }
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void onlyAnswerableFiltersOverCoveredWindowsTakeTheFastPath(Kind kind) throws Exception {
        JobQuery q = query(kind);
        LocalDate jan10 = LocalDate.of(2026, 1, 10);
        LocalDate jan31 = LocalDate.of(2026, 1, 31);
        // Conditions a summary row cannot answer.
        for (UnaryOperator<JobFilter.Builder> more : List.<UnaryOperator<JobFilter.Builder>>of(
                b -> b.qos("regular"), b -> b.exitStatus("0"), b -> b.jobId("6049117"), b -> b.names(List.of("ens_*")),
                b -> b.min(JobFilter.Range.NODES, 2L), b -> b.start(null), b -> b.end(null))) {
            JobFilter f = window(jan10, jan31, more);
            assertFalse(q.timeseriesFromSummaries(f), "not answerable: " + f);
        }
        // Days after Feb 28 have no summary and no job: accepted while at most 62 of them.
        assertTrue(q.timeseriesFromSummaries(window(jan10, FEB_28.plusDays(62), b -> b)), "62 empty days probed");
        assertFalse(q.timeseriesFromSummaries(window(jan10, FEB_28.plusDays(63), b -> b)), "63 unsummarized days");
        Database db = stores.get(kind);
        try {
            // Jan 20 has jobs (J5, J11): without its summary the window is not covered.
            update(db, "DELETE FROM daily_summary WHERE date = '2026-01-20'");
            assertFalse(q.timeseriesFromSummaries(window(jan10, jan31, b -> b)), "a day with jobs and no summary");
            assertTrue(q.timeseriesFromSummaries(window(jan10, LocalDate.of(2026, 1, 19), b -> b)), "window before it");
            // Jan 15 has no job: without its summary row (a marker) the window is still covered.
            update(db, "DELETE FROM daily_summary WHERE date = '2026-01-15'");
            assertTrue(q.timeseriesFromSummaries(window(jan10, LocalDate.of(2026, 1, 19), b -> b)), "an empty day probed");
        } finally {
            query(kind);
        }
    }

    private static void assertSameSeries(Timeseries jobs, Timeseries summary, String what) {
        assertEquals(jobs.start(), summary.start(), what);
        assertEquals(jobs.end(), summary.end(), what);
        assertEquals(jobs.nullCount(), summary.nullCount(), what);
        assertEquals(jobs.totalCount(), summary.totalCount(), what);
        assertSameUsage(jobs.totals(), summary.totals(), what + " totals");
        assertEquals(jobs.bands().size(), summary.bands().size(), what);
        for (int i = 0; i < jobs.bands().size(); i++) {
            Timeseries.TimeBand a = jobs.bands().get(i);
            Timeseries.TimeBand b = summary.bands().get(i);
            String band = what + " band " + a.label();
            assertEquals(a.label(), b.label(), band);
            assertEquals(a.start(), b.start(), band);
            assertEquals(a.end(), b.end(), band);
            assertSameUsage(a.usage(), b.usage(), band);
            if (a.owners() == null) {
                assertEquals(null, b.owners(), band);
                continue;
            }
            assertEquals(List.copyOf(a.owners().keySet()), List.copyOf(b.owners().keySet()), band + " owners");
            for (Map.Entry<String, Usage> e : a.owners().entrySet()) {
                assertSameUsage(e.getValue(), b.owners().get(e.getKey()), band + " owner " + e.getKey());
            }
        }
    }

    /** Counts exactly; hours and charges to 1e-9 (summed in another order). */
    private static void assertSameUsage(Usage a, Usage b, String what) {
        assertEquals(a.jobCount(), b.jobCount(), what);
        assertEquals(a.cpuHours(), b.cpuHours(), 1e-9, what);
        assertEquals(a.gpuHours(), b.gpuHours(), 1e-9, what);
        assertEquals(a.cpuCharges(), b.cpuCharges(), 1e-9, what);
        assertEquals(a.gpuCharges(), b.gpuCharges(), 1e-9, what);
    }

    private static void update(Database db, String sql) throws SQLException {
        try (SqlSession s = db.writer(); Statement st = s.getConnection().createStatement()) {
            st.executeUpdate(sql);
            s.commit();
        }
    }

    private static long countRows(Database db, String sql) throws SQLException {
        try (SqlSession s = db.reader(); Statement st = s.getConnection().createStatement()) {
            return scalar(st, sql);
        }
    }
}
