package org.hpcusage.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.MigrationRunner;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference's golden daily totals (job-history.md §10.5) on the shared PBS samples, to three
 * decimals, on SQLite and PostgreSQL. Skipped when ../shared/data is not beside the checkout.
 */
class GoldenNumbersTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void derechoJanuary(TestingDatabase.Kind kind) throws SQLException {
        Path logs = TestMachines.sharedPbsData("derecho").orElse(null);
        Assumptions.assumeTrue(logs != null, "../shared/data/pbs/derecho is absent");
        try (TestingDatabase testDb = TestingDatabase.create(kind, temp)) {
            SyncStats stats = syncJanuary(testDb, "derecho", logs);
            assertEquals(283 + 31, stats.inserted());
            assertEquals(0, stats.errors());
            assertEquals(29, stats.daysFailed());
            assertEquals(2, stats.daysSummarized());
            //           rows jobs  cpu_hours   gpu_hours memory_hours cpu_charges gpu_charges memory_charges
            expectDay(testDb, "2026-01-01", 38, 283, 158118.515, 0.346, 96515.775, 173145.569, 0.346, 108758.503);
            expectDay(testDb, "2026-01-29", 13, 31, 25223.193, 0.000, 17007.098, 26372.615, 0.000, 17457.579);
        }
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void casperJanuary(TestingDatabase.Kind kind) throws SQLException {
        Path logs = TestMachines.sharedPbsData("casper").orElse(null);
        Assumptions.assumeTrue(logs != null, "../shared/data/pbs/casper is absent");
        try (TestingDatabase testDb = TestingDatabase.create(kind, temp)) {
            SyncStats stats = syncJanuary(testDb, "casper", logs);
            assertEquals(231 + 7, stats.inserted());
            assertEquals(0, stats.errors());
            expectDay(testDb, "2026-01-01", 12, 231, 173.682, 0.000, 427.292, 173.682, 0.000, 427.292);
            // The 30th's file holds jobs that ended on the 29th: the 30th gets only the marker.
            assertEquals(1, scalar(testDb, "SELECT COUNT(*) FROM daily_summary WHERE date = '2026-01-30' AND user_id IS NULL"));
            assertEquals(0, scalar(testDb, "SELECT COUNT(*) FROM daily_summary WHERE date = '2026-01-30' AND user_id IS NOT NULL"));
        }
    }

    private static SyncStats syncJanuary(TestingDatabase testDb, String machine, Path logs) {
        try (Database db = Database.open(DatabaseTarget.parse(testDb.spec()), MigrationRunner.JOBS)) {
            return new SyncEngine(db, TestMachines.get(machine), SyncOptions.defaults(SyncMode.PLAIN, logs), SyncListener.NONE)
                    .run(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        }
    }

    private static void expectDay(TestingDatabase db, String date, int rows, int jobs, double... totals) throws SQLException {
        String where = " FROM daily_summary WHERE date = '" + date + "' AND user_id IS NOT NULL";
        assertEquals(rows, scalar(db, "SELECT COUNT(*)" + where), date + " rows");
        assertEquals(jobs, scalar(db, "SELECT SUM(job_count)" + where), date + " jobs");
        String[] columns = {"cpu_hours", "gpu_hours", "memory_hours", "cpu_charges", "gpu_charges", "memory_charges"};
        for (int i = 0; i < columns.length; i++) {
            assertEquals(totals[i], scalar(db, "SELECT COALESCE(SUM(" + columns[i] + "), 0)" + where), 0.0005, date + " " + columns[i]);
        }
    }

    private static double scalar(TestingDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
