package org.hpcusage.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.JobStore;
import org.hpcusage.core.TableRows;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.query.SyntheticJobs;
import org.hpcusage.core.store.Database;
import org.hpcusage.spi.accounting.AccountingGenerator;
import org.hpcusage.spi.Settings;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's one-read tally of a day writes exactly the rows the grouped statements write
 * (PostgreSQL's path, and SQLite's before): same keys, same counts, and sums equal to ten
 * significant digits. The store has the awkward cases: jobs without a queue, user, account,
 * status, CPU count or elapsed time, jobs without a charge row, other QoS factors, and jobs the
 * memory-per-rank filter leaves out.
 */
class DayTallyTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final int DAYS = 3;

    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();

    @Test
    void tallyWritesTheRowsTheGroupedStatementsWrite() throws SQLException {
        Database db = store.open(TestingDatabase.Kind.SQLITE, temp);
        SyntheticJobs.generate(db, "derecho", ZoneId.of("America/Denver"), FIRST, DAYS, 400, d -> { });
        try (SqlSession session = db.writer()) {
            Connection c = session.getConnection();
            execute(c, "UPDATE jobs SET mpiprocs = CASE WHEN id % 11 = 0 THEN NULL ELSE 1 + id % 128 END, ompthreads = 1 + id % 3");
            execute(c, "UPDATE jobs SET queue_id = NULL WHERE id % 13 = 0");
            execute(c, "UPDATE jobs SET user_id = NULL WHERE id % 17 = 0");
            execute(c, "UPDATE jobs SET account_id = NULL WHERE id % 19 = 0");
            execute(c, "UPDATE jobs SET numcpus = NULL, elapsed = NULL WHERE id % 23 = 0");
            execute(c, "UPDATE jobs SET status = NULL WHERE id % 29 = 0");
            execute(c, "DELETE FROM job_charges WHERE job_id % 7 = 0");
            execute(c, "UPDATE job_charges SET qos_factor = 1.5 WHERE job_id % 5 = 0");
            long machineId = scalar(c, "SELECT id FROM machines WHERE name = 'derecho'");
            int compared = 0;
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = FIRST.plusDays(d);
                String date = day.toString();
                int endDay = Machine.yyyymmdd(day);
                clear(c, machineId, date, endDay);
                int groupedRows = DayAggregates.grouped(session, machineId, date, endDay);
                List<String> grouped = dump(c, machineId, date, endDay);
                clear(c, machineId, date, endDay);
                int tallyRows = DayAggregates.tally(session, machineId, date, endDay);
                List<String> tally = dump(c, machineId, date, endDay);
                assertEquals(groupedRows, tallyRows, date);
                assertEquals(grouped, tally, date);
                compared += grouped.size();
            }
            // Enough groups to mean something: three days of summary, bucket and user rows.
            assertTrue(compared > 1000, "rows compared: " + compared);
            session.rollback();
        }
    }

    private static void clear(Connection c, long machineId, String date, int endDay) throws SQLException {
        execute(c, "DELETE FROM daily_summary WHERE machine_id = " + machineId + " AND date = '" + date + "'");
        execute(c, "DELETE FROM daily_buckets WHERE machine_id = " + machineId + " AND end_day = " + endDay);
        execute(c, "DELETE FROM daily_user_usage WHERE machine_id = " + machineId + " AND end_day = " + endDay);
    }

    /** The day's rows of the three tables, sorted, reals rounded to 10 significant digits. */
    private static List<String> dump(Connection c, long machineId, String date, int endDay) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(TableRows.of(c, "summary", "SELECT user_id, account_id, queue_id, job_count, cpu_hours, gpu_hours, memory_hours, "
                + "cpu_charges, gpu_charges, memory_charges FROM daily_summary WHERE machine_id = " + machineId
                + " AND date = '" + date + "'"));
        rows.addAll(TableRows.of(c, "buckets", "SELECT dimension, bucket, queue_id, user_id, job_count, wait_jobs, wait_secs, "
                + "cpu_hours, gpu_hours FROM daily_buckets WHERE machine_id = " + machineId + " AND end_day = " + endDay));
        rows.addAll(TableRows.of(c, "users", "SELECT user_id, status, job_count, cpu_seconds, elapsed_seconds, gpu_seconds, "
                + "gpu_elapsed_seconds FROM daily_user_usage WHERE machine_id = " + machineId + " AND end_day = " + endDay));
        rows.sort(null);
        return rows;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Days that are new to the store are summed as their jobs are written (no read back); a
     * resummarize then reads the same days back: both must write the same rows. Generated PBS
     * days (derecho: GPUs, memory, ranks, waits) and a generated Slurm month plus the hand-made
     * dumps (hammer: pending rows, jobs cancelled before they started, typed GPUs).
     */
    @Test
    void daysSummedAsWrittenEqualTheirReadBack() throws Exception {
        Database db = store.open(TestingDatabase.Kind.SQLITE, temp);
        Machine derecho = TestMachines.get("derecho");
        Machine hammer = TestMachines.machines().resolveForImport("hammer", "slurm");
        Path logs = Files.createDirectories(temp.resolve("derecho"));
        AccountingGenerator pbs = TestMachines.extensions().generators().get("pbs");
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            try (Writer w = Files.newBufferedWriter(logs.resolve(derecho.parser().dayFileName(day)))) {
                pbs.writeUnit("derecho", day, 300, 17 + d, Settings.empty(), w);
            }
        }
        Path month = temp.resolve("hammer-2026-01.txt");
        AccountingGenerator slurm = TestMachines.extensions().generators().get("slurm");
        try (Writer w = Files.newBufferedWriter(month)) {
            for (int d = 0; d < DAYS; d++) {
                slurm.writeUnit("hammer", FIRST.plusDays(d), 300, 29 + d, Settings.empty(), w);
            }
        }
        long before = DayAggregates.SUMMED_AS_WRITTEN.get();
        SyncOptions plain = SyncOptions.defaults(SyncMode.PLAIN, logs);
        new SyncEngine(db, derecho, plain, SyncListener.NONE).run(FIRST, FIRST.plusDays(DAYS - 1));
        SyncEngine hammerSync = new SyncEngine(db, hammer, plain, SyncListener.NONE);
        hammerSync.importFile(month);
        for (String dump : List.of("/slurm/hammer-early.txt", "/slurm/hammer-later.txt")) {
            hammerSync.importFile(Path.of(DayTallyTest.class.getResource(dump).toURI()));
        }
        // Every derecho day and the month's days were new; the hand-made dumps' days were too, at least the first's.
        assertTrue(DayAggregates.SUMMED_AS_WRITTEN.get() - before >= 2L * DAYS, "days summed as written: "
                + (DayAggregates.SUMMED_AS_WRITTEN.get() - before));

        List<String> written = TableRows.aggregates(db, false);
        SyncOptions resummarize = new SyncOptions(SyncMode.RESUMMARIZE, null, false, true, 1000, "zstd");
        new SyncEngine(db, derecho, resummarize, SyncListener.NONE).run(FIRST.minusDays(2), FIRST.plusDays(DAYS + 1));
        new SyncEngine(db, hammer, resummarize, SyncListener.NONE).run(LocalDate.of(2025, 6, 1), LocalDate.of(2026, 2, 1));
        List<String> readBack = TableRows.aggregates(db, false);
        assertTrue(written.size() > 1000, "rows compared: " + written.size());
        assertEquals(readBack, written);
    }

}
