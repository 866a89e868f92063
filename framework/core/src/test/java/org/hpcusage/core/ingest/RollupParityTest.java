package org.hpcusage.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.JobStore;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.query.SyntheticJobs;
import org.hpcusage.core.report.Period;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.report.resource.ResourceReport;
import org.hpcusage.core.report.resource.ResourceReports;
import org.hpcusage.core.scoreboard.Leaderboards;
import org.hpcusage.core.scoreboard.Metric;
import org.hpcusage.core.scoreboard.Privacy;
import org.hpcusage.core.scoreboard.Window;
import org.hpcusage.core.store.Database;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-day rollups (V0005) answer exactly what the jobs table answers: every bucketed
 * resource report and every leaderboard is computed twice over the same generated store, once
 * from the rollups and once after their day list is emptied (so every reader falls back to the
 * jobs), and the rows must be equal. A third pass removes one day's jobs but keeps its rollups,
 * which only the rollup path can still count: proof that it is the path taken.
 */
class RollupParityTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final int DAYS = 40;
    private static final int JOBS_PER_DAY = 300;
    /** Mid-afternoon in Denver: the 30-day window starts inside 2026-01-06, not at midnight. */
    private static final Instant NOW = Instant.parse("2026-02-05T20:17:31Z");

    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();
    private Database db;
    private Machine derecho;

    private void store(TestingDatabase.Kind kind) throws SQLException {
        db = store.open(kind, temp);
        derecho = TestMachines.get("derecho");
        SyntheticJobs.generate(db, "derecho", derecho.zone(), FIRST, DAYS, JOBS_PER_DAY, d -> { });
        // The generator leaves ranks unset; give jobs some so memory-per-rank has buckets, and
        // some without so its filter has jobs to leave out.
        execute("UPDATE jobs SET mpiprocs = CASE WHEN id % 11 = 0 THEN NULL ELSE 1 + id % 128 END, ompthreads = 1 + id % 3");
        resummarize();
    }

    private void resummarize() {
        new SyncEngine(db, derecho, new SyncOptions(SyncMode.RESUMMARIZE, null, false, true, 1000, "zstd"),
                SyncListener.NONE).run(FIRST, FIRST.plusDays(DAYS - 1));
    }

    private void execute(String sql) throws SQLException {
        try (SqlSession session = db.writer()) {
            Connection c = session.getConnection();
            try (Statement st = c.createStatement()) {
                st.executeUpdate(sql);
            }
            session.commit();
        }
    }

    private static final List<ResourceReport> BUCKETED = List.of(ResourceReport.values()).stream()
            .filter(r -> r.dimension() != null).toList();

    /** Every bucketed report over three windows and, for the periodic ones, three groupings. */
    private List<String> allReports() {
        List<String> out = new ArrayList<>();
        LocalDate[][] windows = {{null, null}, {LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 23)},
                {LocalDate.of(2026, 2, 1), null}};
        for (ResourceReport report : BUCKETED) {
            for (LocalDate[] w : windows) {
                for (Period p : report.periodic() ? List.of(Period.DAY, Period.MONTH, Period.YEAR) : List.of(Period.DAY)) {
                    Report r = new ResourceReports(db, w[0], w[1], p).run(report, List.of(derecho), "derecho");
                    for (Map<String, Object> row : r.rows()) {
                        StringBuilder line = new StringBuilder(report.command() + " " + w[0] + ".." + w[1] + " " + p.key() + ":");
                        for (var column : r.columns()) {
                            Object v = row.get(column.key());
                            line.append(' ').append(v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v);
                        }
                        out.add(line.toString());
                    }
                }
            }
        }
        return out;
    }

    private List<String> allBoards() {
        return boards(EnumSet.allOf(Window.class));
    }

    private List<String> boards(Set<Window> windows) {
        Leaderboards b = Leaderboards.compute(db, NOW, null, (machine, status) -> !"0".equals(status), Privacy.none(), windows);
        List<String> out = new ArrayList<>();
        for (Window w : windows) {
            for (Metric m : Metric.values()) {
                out.add(w.key() + " " + m.key() + " " + b.board(w, m));
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void rollupsAnswerWhatTheJobsAnswer(TestingDatabase.Kind kind) throws SQLException {
        store(kind);
        List<String> reports = allReports();
        List<String> boards = allBoards();
        // Something to compare: every bucketed report has rows, boards have users.
        for (ResourceReport r : BUCKETED) {
            assertTrue(reports.stream().anyMatch(l -> l.startsWith(r.command() + " ")), r.command());
        }
        assertTrue(boards.get(0).contains("Ranked[rank=1"), boards.get(0));

        // The all-time boards alone (the TUI's first screen) come from the monthly rollup only.
        List<String> allTime = boards.stream().filter(l -> l.startsWith(Window.ALLTIME.key() + " ")).toList();
        assertEquals(allTime, boards(EnumSet.of(Window.ALLTIME)));

        execute("DELETE FROM rollup_days");
        assertEquals(reports, allReports());
        assertEquals(boards, allBoards());
        assertEquals(allTime, boards(EnumSet.of(Window.ALLTIME)));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void rollupsStillCountADayWhoseJobsAreGone(TestingDatabase.Kind kind) throws SQLException {
        store(kind);
        String before = jobSizesTotal();
        // All generated jobs end 2026-01-01..2026-02-09, every one in some queue of the ALL set or
        // not; whatever the total, it must not change when a rolled-up day's jobs disappear.
        execute("DELETE FROM job_charges WHERE job_id IN (SELECT id FROM jobs WHERE end_day = 20260115)");
        execute("DELETE FROM jobs WHERE end_day = 20260115");
        assertEquals(before, jobSizesTotal());
        List<String> boards = allBoards();

        execute("DELETE FROM rollup_days");   // now the jobs are read, and the day is missing
        assertFalse(before.equals(jobSizesTotal()));
        assertFalse(boards.equals(allBoards()));
    }

    /** job-sizes over all time: Σ jobs and Σ hours over its buckets. */
    private String jobSizesTotal() {
        Report r = new ResourceReports(db, null, null, Period.DAY).run(ResourceReport.JOB_SIZES, List.of(derecho), "derecho");
        long jobs = 0;
        double hours = 0;
        for (Map<String, Object> row : r.rows()) {
            jobs += ((Number) row.get("job_count")).longValue();
            hours += ((Number) row.get("hours")).doubleValue();
        }
        return jobs + " jobs, " + String.format(Locale.ROOT, "%.3f", hours) + " h";
    }
}
