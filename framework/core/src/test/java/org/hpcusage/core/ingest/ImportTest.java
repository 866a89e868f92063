package org.hpcusage.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * {@code jobs import} of saved sacct dumps (expected numbers by hand in
 * src/test/resources/slurm/README.md) and of a PBS day file, on SQLite and PostgreSQL.
 */
class ImportTest {
    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();
    private Database db;
    private final List<String> rejects = new ArrayList<>();

    private void open(TestingDatabase.Kind kind) {
        db = store.open(kind, temp);
    }

    private SyncEngine engine(Machine machine, SyncMode mode) {
        return engine(machine, mode, null);
    }

    private SyncEngine engine(Machine machine, SyncMode mode, Path logDir) {
        return new SyncEngine(db, machine, SyncOptions.defaults(mode, logDir), new SyncListener() {
            @Override
            public void rejected(String source, long line, String reason) {
                rejects.add(Path.of(source).getFileName() + ":" + line);
            }
        });
    }

    private static Path resource(String name) {
        try {
            return Path.of(ImportTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aMachineOutsideTheSiteFileImportsWithSlurmsDefaultRule(TestingDatabase.Kind kind) throws SQLException {
        open(kind);
        Machine hammer = TestMachines.machines().resolveForImport("hammer", "slurm");
        assertEquals("UTC", hammer.zone().getId());
        SyncEngine.FileResult r = engine(hammer, SyncMode.PLAIN).importFile(resource("/slurm/hammer-early.txt"));

        assertEquals(4, r.fetched());      // three jobs and the malformed row; the running job is not a job yet
        assertEquals(3, r.inserted());
        assertEquals(1, r.errors());
        assertEquals(List.of("hammer-early.txt:7"), rejects);
        assertEquals(3, r.daysSummarized());
        assertEquals(18.5, decimal("SELECT SUM(cpu_hours) FROM job_charges"), 1e-9);
        assertEquals(5.0, decimal("SELECT SUM(gpu_hours) FROM job_charges"), 1e-9);
        assertEquals(900_000_000L, whole("SELECT memory FROM jobs WHERE job_id = '100'"));
        assertEquals(2, whole("SELECT numgpus FROM jobs WHERE job_id = '103'"));
        // Summaries per UTC day: July 3 holds bob's 16 CPU hours.
        assertEquals(3, whole("SELECT COUNT(DISTINCT date) FROM daily_summary"));
        assertEquals(16.0, decimal("SELECT SUM(cpu_hours) FROM daily_summary WHERE date = '2025-07-03'"), 1e-9);
        assertEquals(1, whole("SELECT COUNT(*) FROM sync_units"));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void importingAgainAddsNothingAndALaterDumpOnlyTheNewJob(TestingDatabase.Kind kind) throws SQLException, IOException {
        open(kind);
        Machine hammer = TestMachines.machines().resolveForImport("hammer", "slurm");
        engine(hammer, SyncMode.PLAIN).importFile(resource("/slurm/hammer-early.txt"));
        String once = StoreDump.dump(store.jdbcUrl(), SyncEngineTest.TABLES, Set.of("synced_at"));

        // The same file again: the ledger knows it, nothing is read or written.
        SyncEngine.FileResult again = engine(hammer, SyncMode.PLAIN).importFile(resource("/slurm/hammer-early.txt"));
        assertTrue(again.skipped());
        assertEquals(once, StoreDump.dump(store.jdbcUrl(), SyncEngineTest.TABLES, Set.of("synced_at")));
        // The same content under another name: read, and every job found already stored.
        Path copy = Files.copy(resource("/slurm/hammer-early.txt"), temp.resolve("copy.txt"));
        SyncEngine.FileResult copied = engine(hammer, SyncMode.PLAIN).importFile(copy);
        assertEquals(0, copied.inserted());
        assertEquals(3, copied.duplicates());
        assertEquals(3, whole("SELECT COUNT(*) FROM jobs"));

        SyncEngine.FileResult later = engine(hammer, SyncMode.PLAIN).importFile(resource("/slurm/hammer-later.txt"));
        assertEquals(1, later.inserted());     // 104 has ended now
        assertEquals(1, later.duplicates());   // 103 again
        assertEquals(4, whole("SELECT COUNT(*) FROM jobs"));
        assertEquals(24.0, decimal("SELECT SUM(cpu_hours) FROM daily_summary WHERE date = '2025-07-03'"), 1e-9); // 16 + 8
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aPbsDayFileImportsTheJobsSyncWouldStore(TestingDatabase.Kind kind) {
        open(kind);
        Machine derecho = TestMachines.machines().resolveForImport("derecho", null);
        Path day = TestMachines.handMadeDerecho().resolve("20260101");
        SyncEngine.FileResult r = engine(derecho, SyncMode.PLAIN).importFile(day);
        assertEquals(2, r.errors());           // lines 4 and 6, as sync reports them (SyncEngineTest)
        SyncStats sync = engine(derecho, SyncMode.UPSERT, day.getParent()).run(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 1));
        assertEquals(0, sync.inserted());      // sync finds every job of the day already stored
        assertEquals(r.inserted(), sync.updated());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void unknownMachineWithoutSchedulerAndMissingFileAreOneLineErrors(TestingDatabase.Kind kind) {
        open(kind);
        UserException noScheduler = assertThrows(UserException.class,
                () -> TestMachines.machines().resolveForImport("hammer", null));
        assertEquals("unknown machine 'hammer' (known: derecho, casper); give --scheduler to import it with that "
                + "scheduler's default charging rule", noScheduler.getMessage());
        Machine hammer = TestMachines.machines().resolveForImport("hammer", "slurm");
        assertThrows(UserException.class, () -> engine(hammer, SyncMode.PLAIN).importFile(temp.resolve("nope.txt")));
    }

    private double decimal(String sql) throws SQLException {
        return ((Number) scalar(sql)).doubleValue();
    }

    private long whole(String sql) throws SQLException {
        return ((Number) scalar(sql)).longValue();
    }

    private Object scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(store.jdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }
}
