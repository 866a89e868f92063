package org.hpcusage.core.scoreboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.hpcusage.core.JobStore;
import org.hpcusage.core.TestMachines;
import org.hpcusage.core.config.Machine;
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
 * Leaderboards over two Slurm clusters and a PBS machine, now = 2026-01-10T00:00Z, so the 30-day
 * window starts at 2025-12-11T00:00Z and the 365-day one at 2025-01-10T00:00Z. Every expected
 * number is computed by hand in the comments.
 */
class LeaderboardsTest {
    static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final String HEADER = "JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|AllocTRES|Submit|Start|End\n";

    /** hammer (Slurm): alice's three jobs, bob's two on either side of the 30-day edge, dave, erin, frank. */
    static final String HAMMER = HEADER
            + "1|alice|COMPLETED|3600|2|1|1G|cpu=2|2026-01-08T23:00:00|2026-01-08T23:00:00|2026-01-09T00:00:00\n"   // 2 h clock, 30d
            + "2|alice|FAILED|1800|1|1|1G|cpu=1|2025-11-30T23:30:00|2025-11-30T23:30:00|2025-12-01T00:00:00\n"      // 0.5, 365d
            + "3|alice|COMPLETED|3600|4|1|1G|cpu=4|2024-05-31T23:00:00|2024-05-31T23:00:00|2024-06-01T00:00:00\n"   // 4, all time only
            + "4|bob|COMPLETED|3600|1|1|1G|cpu=1|2025-12-10T23:00:00|2025-12-10T23:00:00|2025-12-11T00:00:00\n"     // 1, exactly at the 30d edge: in
            + "5|bob|COMPLETED|3600|1|1|1G|cpu=1|2025-12-10T22:59:59|2025-12-10T22:59:59|2025-12-10T23:59:59\n"     // 1, one second before: out of 30d
            + "6|dave|COMPLETED|40800|1|1|1G|cpu=1|2025-05-31T00:00:00|2025-05-31T00:00:00|2025-06-01T00:00:00\n"   // 40800 s = 11.333 h
            + "7|dave|COMPLETED|40800|1|1|1G|cpu=1|2025-05-31T00:00:00|2025-05-31T00:00:00|2025-06-01T00:00:00\n"
            + "8|dave|TIMEOUT|40800|1|1|1G|cpu=1|2025-05-31T00:00:00|2025-05-31T00:00:00|2025-06-01T00:00:00\n"     // 3 x 11.333 = 34.0, 1 failed
            + "9|erin|FAILED|3600|64|1|1G|cpu=64|2026-01-08T23:00:00|2026-01-08T23:00:00|2026-01-09T00:00:00\n"     // erin opted out
            + "10|erin|COMPLETED|3600|64|1|1G|cpu=64|2026-01-08T23:00:00|2026-01-08T23:00:00|2026-01-09T00:00:00\n"
            + "11|erin|COMPLETED|3600|64|1|1G|cpu=64|2026-01-08T23:00:00|2026-01-08T23:00:00|2026-01-09T00:00:00\n"
            + "12|frank|COMPLETED|360000|128|1|1G|cpu=128|2026-01-01T00:00:00|2026-01-01T00:00:00|2026-01-09T00:00:00\n"; // 1 job: hidden

    /** negishi (Slurm): alice's GPU job, carol's three 8-CPU hours. Ids repeat hammer's: other machine. */
    static final String NEGISHI = HEADER
            + "1|alice|COMPLETED|7200|1|1|1G|cpu=1,gres/gpu:a100=2,gres/gpu=2|2026-01-04T22:00:00|2026-01-04T22:00:00|2026-01-05T00:00:00\n" // clock 2, gpu 2x2=4, gpu elapsed 2
            + "2|carol|COMPLETED|3600|8|1|1G|cpu=8|2026-01-07T23:00:00|2026-01-07T23:00:00|2026-01-08T00:00:00\n"
            + "3|carol|COMPLETED|3600|8|1|1G|cpu=8|2026-01-07T23:00:00|2026-01-07T23:00:00|2026-01-08T00:00:00\n"
            + "4|carol|COMPLETED|3600|8|1|1G|cpu=8|2026-01-07T23:00:00|2026-01-07T23:00:00|2026-01-08T00:00:00\n"; // 3 x 8 = 24

    // derecho (PBS, hand-made day 20260101, README there): A alice 256 CPUs 1 h = 256; B bob 64 CPUs
    // 0.5 h = 32, 4 GPUs -> gpu clock 2, gpu elapsed 0.5; C alice 32 CPUs 2 h = 64; D carol 128 CPUs
    // 600 s = 21.333333. All end 2026-01-01/02, inside every window; every Exit_status is 0.

    @TempDir
    Path temp;
    @RegisterExtension
    final JobStore store = new JobStore();
    private Database db;

    static void load(Database db, Path temp) throws IOException {
        importText(db, temp, "hammer", HAMMER);
        importText(db, temp, "negishi", NEGISHI);
        Machine derecho = TestMachines.get("derecho");
        new SyncEngine(db, derecho, SyncOptions.defaults(SyncMode.PLAIN, TestMachines.handMadeDerecho()), SyncListener.NONE)
                .run(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1));
    }

    private static void importText(Database db, Path temp, String machine, String text) throws IOException {
        Path file = Files.writeString(temp.resolve(machine + ".txt"), text);
        Machine m = TestMachines.machines().resolveForImport(machine, "slurm");
        new SyncEngine(db, m, SyncOptions.defaults(SyncMode.PLAIN, null), SyncListener.NONE).importFile(file);
    }

    static final BiPredicate<String, String> FAILED = (machine, status) ->
            TestMachines.machines().resolveForImport(machine, machine.equals("derecho") ? null : "slurm")
                    .parser().isFailure(status);

    private Leaderboards boards(TestingDatabase.Kind kind) throws IOException {
        db = store.open(kind, temp);
        load(db, temp);
        return Leaderboards.compute(db, NOW, null, FAILED, new Privacy(Set.of("erin"), Privacy.DEFAULT_MIN_JOBS));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void allTimeBoardsMergeClustersAndSchedulersWithTiesAndPrivacy(TestingDatabase.Kind kind) throws IOException {
        Leaderboards b = boards(kind);
        // alice 2 + 0.5 + 4 (hammer) + 2 (negishi) + 256 + 64 (derecho) = 328.5
        // carol 24 + 21.333333 = 45.333333; bob 1 + 1 + 32 = 34 (3 jobs with derecho's B: shown);
        // dave 34.0 ties bob and sorts after him by name; erin opted out; frank has 1 job.
        assertEquals(List.of(new Ranked(1, "alice", 328.5), new Ranked(2, "carol", 45.333333),
                new Ranked(3, "bob", 34.0), new Ranked(3, "dave", 34.0)), b.board(Window.ALLTIME, Metric.CLOCK_HOURS));
        // alice 3 + 1 + 2 = 6; carol 3 + 1 = 4; bob 2 + 1 = 3; dave 3
        assertEquals(List.of(new Ranked(1, "alice", 6), new Ranked(2, "carol", 4), new Ranked(3, "bob", 3),
                new Ranked(3, "dave", 3)), b.board(Window.ALLTIME, Metric.JOBS));
        // alice's FAILED and dave's TIMEOUT; PBS exit 0 is not a failure; erin's FAILED is hidden
        assertEquals(List.of(new Ranked(1, "alice", 1), new Ranked(1, "dave", 1)), b.board(Window.ALLTIME, Metric.FAILED_JOBS));
        // alice 2 GPUs x 2 h = 4 (typed and untyped gres counted once); bob 4 GPUs x 0.5 h = 2
        assertEquals(List.of(new Ranked(1, "alice", 4), new Ranked(2, "bob", 2)), b.board(Window.ALLTIME, Metric.GPU_CLOCK_HOURS));
        assertEquals(List.of(new Ranked(1, "alice", 2), new Ranked(2, "bob", 0.5)), b.board(Window.ALLTIME, Metric.GPU_ELAPSED_HOURS));
        // elapsed: dave 3 x 11.333 = 34; alice 1 + 0.5 + 1 + 2 + 1 + 2 = 7.5; carol 3 + 1/6 = 3.166667; bob 1 + 1 + 0.5 = 2.5
        assertEquals(List.of(new Ranked(1, "dave", 34.0), new Ranked(2, "alice", 7.5), new Ranked(3, "carol", 3.166667),
                new Ranked(4, "bob", 2.5)), b.board(Window.ALLTIME, Metric.ELAPSED_HOURS));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void windowsAreExactDays(TestingDatabase.Kind kind) throws IOException {
        Leaderboards b = boards(kind);
        // 30 days (end >= 2025-12-11T00:00Z): alice 2 + 2 + 320 = 324; carol 45.333333;
        // bob 1 (job 4, at the edge) + 32 = 33, job 5 one second earlier is out; dave's June jobs are out.
        assertEquals(List.of(new Ranked(1, "alice", 324.0), new Ranked(2, "carol", 45.333333), new Ranked(3, "bob", 33.0)),
                b.board(Window.ROLLING_30D, Metric.CLOCK_HOURS));
        // 365 days (end >= 2025-01-10T00:00Z): alice adds job 2 (0.5) but not job 3 (2024) = 324.5;
        // bob 34; dave 34 (June 2025)
        assertEquals(List.of(new Ranked(1, "alice", 324.5), new Ranked(2, "carol", 45.333333),
                new Ranked(3, "bob", 34.0), new Ranked(3, "dave", 34.0)), b.board(Window.ROLLING_365D, Metric.CLOCK_HOURS));
        // alice's failure (2025-12-01) is in 365d, not in 30d
        assertEquals(List.of(), b.board(Window.ROLLING_30D, Metric.FAILED_JOBS));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void publishesTheReferencesFilesReadableByOthers(TestingDatabase.Kind kind) throws IOException {
        Leaderboards b = boards(kind);
        Path root = temp.resolve("root");
        List<Path> files = Publisher.publish(b, root, NOW);
        assertEquals(3 * 6 + 3, files.size()); // 3 windows x 6 metrics, plus the 3 clock-hours copies
        String board = Files.readString(root.resolve("leaderboards/alltime_clock_hours.json"));
        assertEquals("{\"asof\":\"2026-01-10T00:00:00Z\",\"metric\":\"clock_hours\",\"rows\":["
                + "{\"rank\":1,\"user\":\"alice\",\"value\":328.5},{\"rank\":2,\"user\":\"carol\",\"value\":45.333333},"
                + "{\"rank\":3,\"user\":\"bob\",\"value\":34.0},{\"rank\":3,\"user\":\"dave\",\"value\":34.0}],"
                + "\"window\":\"alltime\"}", board);
        assertEquals(board, Files.readString(root.resolve("leaderboards/alltime.json")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("leaderboards/rolling-30d_jobs.json"))));
        // no temporary file is left behind
        try (var list = Files.list(root.resolve("leaderboards"))) {
            assertEquals(0, list.filter(p -> p.getFileName().toString().startsWith(".")).count());
        }
    }
}
