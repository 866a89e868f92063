package org.hpcusage.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.hpcusage.core.JobStore;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.Database;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingGenerator;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit that grows PostgreSQL's jobs table a lot refreshes the table's statistics on the way
 * (see {@code JobWriter}), so the server plans the de-duplication look-up for the table as it
 * is, not as it was. {@code last_analyze} is set by an explicit ANALYZE only, never by
 * autovacuum, so it shows whether the writer ran one.
 */
class PostgresStatisticsTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();

    @Test
    void aUnitThatGrowsTheTableRefreshesItsStatistics() throws Exception {
        Database db = store.open(TestingDatabase.Kind.POSTGRESQL, temp);
        Machine hammer = TestMachines.machines().resolveForImport("hammer", "slurm");
        SyncEngine engine = new SyncEngine(db, hammer, SyncOptions.defaults(SyncMode.PLAIN, null), SyncListener.NONE);

        // 4 000 jobs: fewer than the 5 000 that call for new statistics.
        assertEquals(4_000, engine.importFile(month("small.txt", LocalDate.of(2025, 11, 1), 4_000)).inserted());
        assertNull(lastAnalyze(1));
        // 12 000 more: past 5 000 and past the 4 000 the table held.
        assertEquals(12_000, engine.importFile(month("big.txt", LocalDate.of(2025, 12, 1), 12_000)).inserted());
        assertNotNull(lastAnalyze(50));
    }

    private Path month(String name, LocalDate first, int jobs) throws Exception {
        Path file = temp.resolve(name);
        AccountingGenerator slurm = TestMachines.extensions().generators().get("slurm");
        try (Writer w = Files.newBufferedWriter(file)) {
            for (int d = 0; d < 4; d++) {
                slurm.writeUnit("hammer", first.plusDays(d), jobs / 4, 7 + d + first.getMonthValue() * 10L, Settings.empty(), w);
            }
        }
        return file;
    }

    /** The time of the last explicit ANALYZE of jobs, read up to {@code tries} times 0.1 s apart (the server may show it late). */
    private Timestamp lastAnalyze(int tries) throws SQLException, InterruptedException {
        Timestamp last = null;
        for (int i = 0; i < tries && last == null; i++) {
            try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'jobs'")) {
                last = rs.next() ? rs.getTimestamp(1) : null;
            }
            if (last == null && i + 1 < tries) {
                Thread.sleep(100);
            }
        }
        return last;
    }
}
