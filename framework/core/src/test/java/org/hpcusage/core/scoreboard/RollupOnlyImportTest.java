package org.hpcusage.core.scoreboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hpcusage.core.JobStore;
import org.hpcusage.core.TableRows;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.Pruner;
import org.hpcusage.core.ingest.SeenJobs;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.store.Database;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingGenerator;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention mode's import straight to the rollups ({@link SyncOptions#rollupOnlyBefore()}): jobs
 * of old days that have nothing stored are tallied and remembered in the Bloom files, never
 * written as rows. The test is that this leaves exactly what storing the jobs and then pruning
 * (the way that has its own tests in {@link RetentionTest}) leaves: the same aggregate rows, the
 * same pruned days, the same kept jobs, the same Bloom files byte for byte, the same boards.
 *
 * <p>Data: hammer (Slurm, UTC), a generated December 2025, 40 jobs a day; derecho (PBS,
 * America/Denver), generated days 2025-12-28 to 2026-01-03 in one file, so the Bloom files of
 * two UTC months are written and local days differ from UTC ones.
 */
class RollupOnlyImportTest {
    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    /** NOW minus 8 days is 2026-01-02T00:00Z: the cut-off is that day in UTC (hammer), 2026-01-01 in Denver (derecho). */
    private static final int KEEP_DAYS = 8;
    private static final Privacy PRIVACY = new Privacy(Set.of(), 1);

    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore storedThenPruned = new JobStore();
    @RegisterExtension
    final JobStore rollupOnly = new JobStore();
    @RegisterExtension
    final JobStore partlyStoredFirst = new JobStore();

    private Machine hammer;
    private Machine derecho;
    private Path hammerMonth;
    private Path hammerFirstDays;
    private Path derechoDays;

    private void generate() throws IOException {
        hammer = TestMachines.machines().resolveForImport("hammer", "slurm");
        derecho = TestMachines.get("derecho");
        AccountingGenerator slurm = TestMachines.extensions().generators().get("slurm");
        AccountingGenerator pbs = TestMachines.extensions().generators().get("pbs");
        YearMonth december = YearMonth.of(2025, 12);
        hammerMonth = temp.resolve("hammer-2025-12.txt");
        hammerFirstDays = temp.resolve("hammer-2025-12-01-10.txt");
        try (Writer month = Files.newBufferedWriter(hammerMonth); Writer first = Files.newBufferedWriter(hammerFirstDays)) {
            for (int d = 1; d <= december.lengthOfMonth(); d++) {
                slurm.writeUnit("hammer", december.atDay(d), 40, 100 + d, Settings.empty(), month);
                if (d <= 10) {
                    slurm.writeUnit("hammer", december.atDay(d), 40, 100 + d, Settings.empty(), first);
                }
            }
        }
        derechoDays = temp.resolve("derecho-days.txt");
        try (Writer w = Files.newBufferedWriter(derechoDays)) {
            for (LocalDate day = LocalDate.of(2025, 12, 28); day.isBefore(LocalDate.of(2026, 1, 4)); day = day.plusDays(1)) {
                pbs.writeUnit("derecho", day, 60, day.toEpochDay(), Settings.empty(), w);
            }
        }
    }

    private Database open(JobStore store, TestingDatabase.Kind kind, String name) throws IOException {
        return store.open(kind, Files.createDirectories(temp.resolve(name)));
    }

    /** Store A: each machine's file imported with every job stored, then pruned; checks the days pruned. */
    private Database storedThenPruned(TestingDatabase.Kind kind, Path root, List<Machine> machines, List<Path> files,
                                      List<Integer> prunedDays) throws IOException {
        Database a = open(storedThenPruned, kind, "a");
        for (int i = 0; i < machines.size(); i++) {
            importPlain(a, machines.get(i), root, files.get(i));
            assertEquals(prunedDays.get(i), Retention.prune(a, machines.get(i), root, KEEP_DAYS, NOW, false).days());
        }
        return a;
    }

    private static SyncEngine.FileResult importPlain(Database db, Machine machine, Path root, Path file) {
        return new SyncEngine(db, machine, SyncOptions.defaults(SyncMode.INCREMENTAL, null), SyncListener.NONE,
                BloomSeenJobs.under(root, machine.name())).importFile(file);
    }

    private static SyncEngine.FileResult importRollupOnly(Database db, Machine machine, SeenJobs seen, Path file) {
        SyncOptions options = SyncOptions.defaults(SyncMode.INCREMENTAL, null)
                .withRollupOnlyBefore(Pruner.cutoff(NOW, KEEP_DAYS, machine.zone()));
        return new SyncEngine(db, machine, options, SyncListener.NONE, seen).importFile(file);
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void rollupOnlyDaysLeaveWhatStoringAndPruningLeaves(TestingDatabase.Kind kind) throws Exception {
        generate();
        // A: every job stored, then the old days pruned (the retention path tested in RetentionTest):
        // hammer every December day, derecho 2025-12-28 to 2025-12-31 (local days).
        Path rootA = temp.resolve("root-a");
        Database a = storedThenPruned(kind, rootA, List.of(hammer, derecho), List.of(hammerMonth, derechoDays), List.of(31, 4));

        // B: the same files in retention mode; nothing is left to prune.
        Database b = open(rollupOnly, kind, "b");
        Path rootB = temp.resolve("root-b");
        SyncEngine.FileResult hammerB = importRollupOnly(b, hammer, BloomSeenJobs.under(rootB, "hammer"), hammerMonth);
        assertEquals(31 * 40, hammerB.inserted());
        importRollupOnly(b, derecho, BloomSeenJobs.under(rootB, "derecho"), derechoDays);
        assertEquals(0, TableRows.scalar(b, "SELECT COUNT(*) FROM jobs j JOIN machines m ON m.id = j.machine_id WHERE m.name = 'hammer'"));
        assertEquals(0, Retention.prune(b, hammer, rootB, KEEP_DAYS, NOW, false).days());
        assertEquals(0, Retention.prune(b, derecho, rootB, KEEP_DAYS, NOW, false).days());

        // C: hammer's first ten days stored first (they keep their rows), the month in retention
        // mode (the other days go straight to the rollups), then pruned.
        Database c = open(partlyStoredFirst, kind, "c");
        Path rootC = temp.resolve("root-c");
        importPlain(c, hammer, rootC, hammerFirstDays);
        assertEquals(21 * 40, importRollupOnly(c, hammer, BloomSeenJobs.under(rootC, "hammer"), hammerMonth).inserted());
        assertEquals(10 * 40, TableRows.scalar(c, "SELECT COUNT(*) FROM jobs"));
        importRollupOnly(c, derecho, BloomSeenJobs.under(rootC, "derecho"), derechoDays);
        assertEquals(10, Retention.prune(c, hammer, rootC, KEEP_DAYS, NOW, false).days());

        List<String> expected = everything(a);
        assertTrue(expected.size() > 1000, "rows compared: " + expected.size());
        assertTrue(expected.stream().anyMatch(r -> r.startsWith("jobs derecho")), "derecho keeps its last days' jobs");
        assertEquals(expected, everything(b));
        assertEquals(expected, everything(c));
        assertEquals(boards(a), boards(b));
        assertEquals(boards(a), boards(c));
        for (Path root : List.of(rootB, rootC)) {
            assertSameBloomFiles(rootA, root, "hammer", List.of("2025-12.bloom"));
            assertSameBloomFiles(rootA, root, "derecho", List.of("2025-12.bloom", "2026-01.bloom"));
        }

        // Fetching the month again adds nothing: its days are pruned and its jobs in the Bloom files.
        assertEquals(0, importRollupOnly(b, hammer, BloomSeenJobs.under(rootB, "hammer"), hammerMonth).inserted());
        assertEquals(0, importPlain(b, derecho, rootB, derechoDays).inserted());
        assertEquals(expected, everything(b));
    }

    /**
     * The Bloom files are saved before the commit, as a prune saves them. If the commit then
     * fails, the days are not pruned and hold nothing, so the next run counts their jobs afresh
     * (new days are never checked against the Bloom files) and exactly once.
     */
    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aUnitThatFailsAfterSavingItsBloomFilesIsCountedOnceWhenRunAgain(TestingDatabase.Kind kind) throws Exception {
        generate();
        Database a = storedThenPruned(kind, temp.resolve("root-a"), List.of(hammer), List.of(hammerMonth), List.of(31));

        Database b = open(rollupOnly, kind, "b");
        Path rootB = temp.resolve("root-b");
        BloomSeenJobs bloom = BloomSeenJobs.under(rootB, "hammer");
        SeenJobs failsAfterSaving = new SeenJobs() {
            public boolean contains(String jobId, Instant end) { return bloom.contains(jobId, end); }
            public void add(String jobId, Instant end) { bloom.add(jobId, end); }
            public void expect(YearMonth month, long ids) { bloom.expect(month, ids); }
            public void save() throws IOException {
                bloom.save();
                throw new IOException("disk full");   // as if the commit failed after the files were written
            }
        };
        assertThrows(UncheckedIOException.class, () -> importRollupOnly(b, hammer, failsAfterSaving, hammerMonth));
        assertTrue(Files.exists(rootB.resolve("clusters/hammer/state/seen/2025-12.bloom")));
        assertEquals(0, TableRows.scalar(b, "SELECT COUNT(*) FROM daily_user_usage"));
        assertEquals(0, TableRows.scalar(b, "SELECT COUNT(*) FROM rollup_days"));

        assertEquals(31 * 40, importRollupOnly(b, hammer, BloomSeenJobs.under(rootB, "hammer"), hammerMonth).inserted());
        assertEquals(everything(a), everything(b));
        assertEquals(boards(a), boards(b));
    }

    /** Every aggregate row, the rollup days, the kept jobs, and the count of raw records (compressed bytes) per machine. */
    private static List<String> everything(Database db) throws SQLException {
        List<String> rows = new ArrayList<>(TableRows.aggregates(db, true));
        rows.addAll(TableRows.of(db, "days", "SELECT m.name, t.end_day, t.signature, t.pruned FROM rollup_days t"
                + " JOIN machines m ON m.id = t.machine_id"));
        rows.addAll(TableRows.of(db, "jobs", "SELECT m.name, t.job_id, t.end_day, t.elapsed, c.cpu_hours FROM jobs t"
                + " JOIN machines m ON m.id = t.machine_id LEFT JOIN job_charges c ON c.job_id = t.id"));
        rows.addAll(TableRows.of(db, "records", "SELECT m.name, COUNT(*) FROM job_records r JOIN jobs t ON t.id = r.job_id"
                + " JOIN machines m ON m.id = t.machine_id GROUP BY m.name"));
        rows.sort(null);
        return rows;
    }

    private static List<String> boards(Database db) {
        Leaderboards b = Leaderboards.compute(db, NOW, null, LeaderboardsTest.FAILED, PRIVACY);
        List<String> out = new ArrayList<>();
        for (Window w : Window.values()) {
            for (Metric m : Metric.values()) {
                out.add(w.key() + " " + m.key() + " " + b.board(w, m));
            }
        }
        assertTrue(out.stream().anyMatch(s -> s.contains("Ranked[rank=1")), "the boards rank someone: " + out);
        return out;
    }

    private static void assertSameBloomFiles(Path expectedRoot, Path root, String cluster, List<String> expectedNames)
            throws IOException {
        Path expected = expectedRoot.resolve("clusters").resolve(cluster).resolve("state/seen");
        Path actual = root.resolve("clusters").resolve(cluster).resolve("state/seen");
        assertEquals(expectedNames, names(expected));
        assertEquals(expectedNames, names(actual));
        for (String name : expectedNames) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)), name);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
