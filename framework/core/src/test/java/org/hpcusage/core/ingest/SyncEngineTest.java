package org.hpcusage.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hpcusage.core.JobStore;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.util.UserException;
import org.hpcusage.testkit.db.StoreDump;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sync on the hand-made derecho days (expected numbers computed by hand in
 * src/test/resources/pbs/derecho/README.md), on SQLite and on PostgreSQL.
 */
class SyncEngineTest {
    private static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate JAN2 = LocalDate.of(2026, 1, 2);
    private static final LocalDate JAN3 = LocalDate.of(2026, 1, 3);
    static final List<String> TABLES = List.of("machines", "users", "accounts", "queues", "job_qos", "jobs",
            "job_charges", "job_records", "record_dictionaries", "daily_summary", "daily_buckets", "daily_user_usage",
            "monthly_user_usage", "rollup_days", "sync_units");

    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();
    private Database db;

    private Database open(TestingDatabase.Kind kind) {
        db = store.open(kind, temp);
        return db;
    }

    private SyncStats sync(SyncMode mode, LocalDate first, LocalDate last, List<String> rejects) {
        Machine derecho = TestMachines.get("derecho");
        SyncListener listener = new SyncListener() {
            @Override
            public void rejected(String source, long line, String reason) {
                rejects.add(Path.of(source).getFileName() + ":" + line);
            }
        };
        return new SyncEngine(db, derecho, SyncOptions.defaults(mode, TestMachines.handMadeDerecho()), listener)
                .run(first, last);
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void syncsDaysChargesAndSummariesAsComputedByHand(TestingDatabase.Kind kind) throws SQLException {
        open(kind);
        List<String> rejects = new ArrayList<>();
        SyncStats stats = sync(SyncMode.PLAIN, JAN1, JAN3, rejects);

        assertEquals(8, stats.fetched());
        assertEquals(5, stats.inserted());
        assertEquals(2, stats.errors());
        assertEquals(1, stats.duplicates());
        assertEquals(List.of(JAN3), stats.failedDays());
        assertEquals(2, stats.daysSummarized());
        assertEquals(List.of("20260101:4", "20260101:6"), rejects);

        // Per-job charges (README table).
        assertEquals(256.0, scalar("SELECT c.cpu_hours FROM job_charges c JOIN jobs j ON j.id = c.job_id WHERE j.job_id = '1000001.desched1'"), 1e-9);
        assertEquals(1.0, scalar("SELECT c.memory_hours FROM job_charges c JOIN jobs j ON j.id = c.job_id WHERE j.job_id = '1000001.desched1'"), 1e-9);
        assertEquals(2.0, scalar("SELECT c.gpu_hours FROM job_charges c JOIN jobs j ON j.id = c.job_id WHERE j.job_id = '1000002.desched1'"), 1e-9);
        assertEquals(1.5, scalar("SELECT c.qos_factor FROM job_charges c JOIN jobs j ON j.id = c.job_id WHERE j.job_id = '1000002.desched1'"), 1e-9);
        assertEquals(0.7, scalar("SELECT c.qos_factor FROM job_charges c JOIN jobs j ON j.id = c.job_id WHERE j.job_id = '1000003.desched1'"), 1e-9);
        assertEquals(21.333333, scalar("SELECT c.cpu_hours FROM job_charges c JOIN jobs j ON j.id = c.job_id WHERE j.job_id = '1000004[3].desched1'"), 1e-6);

        // Daily summary of January 1 in Denver, including D which ends on January 2 in UTC.
        assertEquals(4, scalar("SELECT COUNT(*) FROM daily_summary WHERE date = '2026-01-01'"));
        assertEquals(4, scalar("SELECT SUM(job_count) FROM daily_summary WHERE date = '2026-01-01'"));
        assertEquals(405.333333, scalar("SELECT SUM(cpu_hours) FROM daily_summary WHERE date = '2026-01-01'"), 1e-6);
        assertEquals(418.133333, scalar("SELECT SUM(cpu_charges) FROM daily_summary WHERE date = '2026-01-01'"), 1e-6);
        assertEquals(3.0, scalar("SELECT SUM(gpu_charges) FROM daily_summary WHERE date = '2026-01-01'"), 1e-9);
        assertEquals(2.5, scalar("SELECT SUM(memory_charges) FROM daily_summary WHERE date = '2026-01-01'"), 1e-9);
        assertEquals(128.0, scalar("SELECT SUM(cpu_hours) FROM daily_summary WHERE date = '2026-01-02'"), 1e-9);
        // A missing file proves nothing about its day: no marker.
        assertEquals(0, scalar("SELECT COUNT(*) FROM daily_summary WHERE date = '2026-01-03'"));
        // Every job keeps its raw record and its charge.
        assertEquals(5, scalar("SELECT COUNT(*) FROM job_records"));
        assertEquals(5, scalar("SELECT COUNT(*) FROM job_charges WHERE charge_version = 1"));
        // Array elements have no numeric short id.
        assertEquals(1, scalar("SELECT COUNT(*) FROM jobs WHERE short_id IS NULL"));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void runningAgainChangesNothing(TestingDatabase.Kind kind) throws SQLException {
        open(kind);
        sync(SyncMode.PLAIN, JAN1, JAN3, new ArrayList<>());
        String once = StoreDump.dump(store.jdbcUrl(), TABLES, Set.of("synced_at"));
        SyncStats again = sync(SyncMode.PLAIN, JAN1, JAN3, new ArrayList<>());
        assertEquals(2, again.daysSkipped());
        assertEquals(0, again.inserted());
        assertEquals(once, StoreDump.dump(store.jdbcUrl(), TABLES, Set.of("synced_at")));

        // Incremental re-reads the files; the data stays the same (the ledger notes the new run).
        SyncStats incremental = sync(SyncMode.INCREMENTAL, JAN1, JAN3, new ArrayList<>());
        assertEquals(0, incremental.inserted());
        assertEquals(0, incremental.daysSummarized(), "incremental summarises only days with new jobs");
        List<String> data = TABLES.subList(0, TABLES.size() - 1);
        assertEquals(once.substring(0, once.indexOf("== sync_units")), StoreDump.dump(store.jdbcUrl(), data, Set.of("synced_at")));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void upsertRestoresFieldsAndChargesFromTheNewValues(TestingDatabase.Kind kind) throws SQLException {
        open(kind);
        sync(SyncMode.PLAIN, JAN1, JAN1, new ArrayList<>());
        double end = scalar("SELECT \"end\" FROM jobs WHERE job_id = '1000001.desched1'");
        double user = scalar("SELECT user_id FROM jobs WHERE job_id = '1000001.desched1'");
        execute("UPDATE jobs SET elapsed = -999, name = 'corrupt', numnodes = 7, \"end\" = \"end\" + 5, end_day = 0, "
                + "user_id = NULL, queue_id = NULL WHERE job_id = '1000001.desched1'");
        execute("UPDATE job_charges SET cpu_hours = -1 WHERE job_id = (SELECT id FROM jobs WHERE job_id = '1000001.desched1')");

        SyncStats stats = sync(SyncMode.UPSERT, JAN1, JAN1, new ArrayList<>());

        assertEquals(4, stats.updated());
        assertEquals(0, stats.inserted());
        assertEquals(3600, scalar("SELECT elapsed FROM jobs WHERE job_id = '1000001.desched1'"));
        assertEquals(2, scalar("SELECT numnodes FROM jobs WHERE job_id = '1000001.desched1'"));
        assertEquals(1, scalar("SELECT COUNT(*) FROM jobs WHERE name = 'wrf_run'"));
        // Unlike the reference, end, user and queue are restored too.
        assertEquals(end, scalar("SELECT \"end\" FROM jobs WHERE job_id = '1000001.desched1'"));
        assertEquals(20260101, scalar("SELECT end_day FROM jobs WHERE job_id = '1000001.desched1'"));
        assertEquals(user, scalar("SELECT user_id FROM jobs WHERE job_id = '1000001.desched1'"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM jobs WHERE queue_id IS NULL"));
        // The reference computed this from the stale values (-999 s); 3600 s x 2 nodes x 128 = 256.
        assertEquals(256.0, scalar("SELECT c.cpu_hours FROM job_charges c JOIN jobs j ON j.id = c.job_id WHERE j.job_id = '1000001.desched1'"), 1e-9);
        assertEquals(4, scalar("SELECT COUNT(*) FROM job_records"));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void recalculateAndResummarizeWorkFromTheStore(TestingDatabase.Kind kind) throws SQLException {
        open(kind);
        sync(SyncMode.PLAIN, JAN1, JAN2, new ArrayList<>());
        execute("UPDATE job_charges SET cpu_hours = 0, charge_version = 0");
        execute("DELETE FROM daily_summary");

        SyncStats recalculated = sync(SyncMode.RECALCULATE, JAN1, JAN2, new ArrayList<>());
        assertEquals(5, recalculated.recalculated());
        assertEquals(405.333333 + 128, scalar("SELECT SUM(cpu_hours) FROM job_charges WHERE charge_version = 1"), 1e-6);

        execute("DELETE FROM daily_summary");
        SyncStats resummarized = sync(SyncMode.RESUMMARIZE, JAN1, JAN3, new ArrayList<>());
        assertEquals(3, resummarized.daysSummarized());
        assertEquals(418.133333, scalar("SELECT SUM(cpu_charges) FROM daily_summary WHERE date = '2026-01-01'"), 1e-6);
        // An empty day gets the NO_JOBS marker.
        assertEquals(1, scalar("SELECT COUNT(*) FROM daily_summary WHERE date = '2026-01-03' AND user_id IS NULL"));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void rawRecordsComeBackByteForByte(TestingDatabase.Kind kind) throws Exception {
        open(kind);
        sync(SyncMode.PLAIN, JAN1, JAN2, new ArrayList<>());
        List<String> lines = java.nio.file.Files.readAllLines(TestMachines.handMadeDerecho().resolve("20260101"));
        RecordArchive archive = new RecordArchive(db);
        assertEquals(List.of(lines.get(1)), archive.find("derecho", "1000001.desched1"));
        assertEquals(List.of(lines.get(6)), archive.find("derecho", "1000004"));
        assertEquals(List.of(lines.get(6)), archive.find("derecho", "1000004[3]"));
        assertEquals(List.of(), archive.find("derecho", "100000"));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void dryRunWritesNothing(TestingDatabase.Kind kind) throws SQLException {
        open(kind);
        Machine derecho = TestMachines.get("derecho");
        SyncOptions options = new SyncOptions(SyncMode.PLAIN, TestMachines.handMadeDerecho(), true, true, 1000, "zstd");
        SyncStats stats = new SyncEngine(db, derecho, options, SyncListener.NONE).run(JAN1, JAN2);
        assertEquals(8, stats.fetched());
        assertEquals(0, scalar("SELECT COUNT(*) FROM jobs"));
        assertEquals(0, scalar("SELECT COUNT(*) FROM daily_summary"));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void missingLogDirectoryIsAUserError(TestingDatabase.Kind kind) {
        open(kind);
        Machine derecho = TestMachines.get("derecho");
        SyncEngine engine = new SyncEngine(db, derecho, SyncOptions.defaults(SyncMode.PLAIN, temp.resolve("nope")), SyncListener.NONE);
        UserException e = assertThrows(UserException.class, () -> engine.run(JAN1, JAN1));
        assertTrue(e.getMessage().startsWith("log directory not found"), e.getMessage());
    }

    private double scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
