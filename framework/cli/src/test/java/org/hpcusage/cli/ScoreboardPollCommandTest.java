package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hpcusage.testkit.sacct.FakeSacct;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreboard poll/backfill/probe} in-process, against a fake sacct named in a site file. */
class ScoreboardPollCommandTest {
    private static final String JOBS = """
            JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End
            1|alice|COMPLETED|3600|2|1|1G|||cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            2|alice|COMPLETED|3600|2|1|1G|||cpu=2|2025-07-02T00:00:00|2025-07-02T00:00:00|2025-07-02T01:00:00
            3|alice|TIMEOUT|3600|2|1|1G|||cpu=2|2025-08-02T00:00:00|2025-08-02T00:00:00|2025-08-02T01:00:00
            """;

    @TempDir
    Path temp;
    private FakeSacct sacct;
    private String config;
    private String db;
    private Path root;

    @BeforeEach
    void setUp() throws IOException {
        sacct = new FakeSacct(temp.resolve("bin"), JOBS);
        config = Files.writeString(temp.resolve("site.yaml"), """
                machines:
                  hammer:
                    scheduler: slurm
                    parser: {sacct-command: %s, sacct-rate-per-minute: 6000, sacct-backoff-seconds: 0.01}
                """.formatted(sacct.executable())).toString();
        db = temp.resolve("jobs.db").toString();
        root = temp.resolve("sb");
    }

    private MainTest.Run sb(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--config", config, "--db", db, "--root", root.toString()}, 0, all, args.length, 6);
        return MainTest.run(all);
    }

    @Test
    void pollBackfillsPublishesAndHonoursTheLock() throws IOException {
        MainTest.Run july = sb("scoreboard", "poll", "-m", "hammer", "--backfill-start", "2025-07-01");
        assertEquals(0, july.exit(), july.err());
        assertEquals("{\"cluster\":\"hammer\",\"status\":\"ok\",\"phase\":\"historical\",\"month\":\"2025-07\",\"fetched\":2,"
                + "\"new_jobs\":2}", july.out().strip());
        MainTest.Run august = sb("scoreboard", "backfill", "-m", "hammer");
        assertEquals(0, august.exit(), august.err());
        assertTrue(august.out().contains("\"month\":\"2025-08\""), august.out());
        // alice: 3 jobs (shown), 3 x 2 CPU-hours, the TIMEOUT counted as failed (the site file says slurm)
        assertEquals("{\"asof\"", Files.readString(root.resolve("leaderboards/alltime_failed_jobs.json")).substring(0, 7));
        assertTrue(Files.readString(root.resolve("leaderboards/alltime_failed_jobs.json"))
                .contains("\"rows\":[{\"rank\":1,\"user\":\"alice\",\"value\":1.0}]"));
        assertTrue(Files.readString(root.resolve("leaderboards/alltime.json"))
                .contains("\"rows\":[{\"rank\":1,\"user\":\"alice\",\"value\":6.0}]"));

        Path lock = root.resolve("clusters/hammer/state/lock");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE); var held = ch.lock()) {
            MainTest.Run busy = sb("scoreboard", "poll", "-m", "hammer");
            assertEquals(3, busy.exit());
            assertTrue(busy.err().contains("\"status\":\"locked\""), busy.err());
        }
    }

    @Test
    void pruneKeepsTheBoardsAndReducingTheSameJobsAddsNothing() throws IOException {
        assertEquals(0, sb("scoreboard", "poll", "-m", "hammer", "--backfill-start", "2025-07-01").exit());
        assertEquals(0, sb("scoreboard", "backfill", "-m", "hammer").exit());
        String board = Files.readString(root.resolve("leaderboards/alltime.json"));
        MainTest.Run usage = sb("scoreboard", "prune", "-m", "hammer");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("--keep-days N is required"), usage.err());
        assertEquals(2, sb("scoreboard", "prune", "-m", "hammer", "--keep-days", "0").exit());

        // The three jobs end on three days of 2025, long before "now" minus 30 days.
        MainTest.Run dry = sb("scoreboard", "prune", "-m", "hammer", "--keep-days", "30", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("\"status\":\"dry_run\"") && dry.out().contains("\"days_pruned\":3,\"jobs_pruned\":3"),
                dry.out());
        MainTest.Run pruned = sb("scoreboard", "prune", "-m", "hammer", "--keep-days", "30");
        assertTrue(pruned.out().contains("\"days_pruned\":3,\"jobs_pruned\":3"), pruned.out());
        assertTrue(Files.exists(root.resolve("clusters/hammer/state/seen/2025-07.bloom")));

        Path file = Files.writeString(temp.resolve("again.txt"), JOBS);
        MainTest.Run again = sb("scoreboard", "reduce", "-m", "hammer", file.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("\"new_jobs\":0"), again.out());
        assertEquals(0, sb("scoreboard", "publish").exit());
        // Same board, a later "asof".
        String after = Files.readString(root.resolve("leaderboards/alltime.json"));
        assertTrue(board.contains("\"rows\":[{\"rank\":1,\"user\":\"alice\",\"value\":6.0}]"), board);
        assertEquals(board.substring(board.indexOf("\"metric\"")), after.substring(after.indexOf("\"metric\"")));
    }

    @Test
    void theSiteFilesScoreboardRootIsTheDefaultRoot() throws IOException {
        Files.writeString(Path.of(config), "scoreboard: {root: " + root + "}\n", StandardOpenOption.APPEND);
        MainTest.Run july = MainTest.run("scoreboard", "poll", "-m", "hammer", "--backfill-start", "2025-07-01",
                "--config", config, "--db", db);
        assertEquals(0, july.exit(), july.err());
        assertTrue(Files.exists(root.resolve("clusters/hammer/state/poll_cursor.json")));
        assertTrue(Files.exists(root.resolve("leaderboards/alltime.json")));
        // --root still wins.
        Path other = temp.resolve("other");
        assertEquals(0, MainTest.run("scoreboard", "publish", "--config", config, "--db", db, "--root", other.toString()).exit());
        assertTrue(Files.exists(other.resolve("leaderboards/alltime.json")));
    }

    @Test
    void failuresAndBadOptionsHaveTheirExitCodes() throws IOException {
        sacct.mode("fail 9");
        MainTest.Run failed = sb("scoreboard", "poll", "-m", "hammer", "--backfill-start", "2025-07-01");
        assertEquals(1, failed.exit());
        assertTrue(failed.err().contains("\"status\":\"sacct_failed\""), failed.err());
        MainTest.Run bad = sb("scoreboard", "poll", "-m", "hammer", "--backfill-start", "July");
        assertEquals(2, bad.exit());
    }

    @Test
    void doctorReportsTheLastPollsError() throws IOException {
        assertEquals(0, sb("scoreboard", "poll", "-m", "hammer", "--backfill-start", "2025-07-01").exit());
        MainTest.Run healthy = sb("scoreboard", "doctor");
        assertEquals(0, healthy.exit(), healthy.out());
        assertTrue(healthy.out().contains("ok   hammer: last poll ok at "), healthy.out());
        sacct.mode("fail 9");
        assertEquals(1, sb("scoreboard", "poll", "-m", "hammer").exit());
        MainTest.Run sick = sb("scoreboard", "doctor");
        assertEquals(1, sick.exit(), sick.out());
        assertTrue(sick.out().contains("FAIL hammer: last poll sacct_failed: sacct failed rc=1 after 3 attempts"), sick.out());
        assertTrue(sick.out().contains("month 2025-08 in progress"), sick.out());
    }

    @Test
    void pollWithKeepDaysSendsOldMonthsToTheRollupsAndPrunesWhatWasStored() throws IOException {
        // July, polled without retention: both jobs stored.
        assertEquals(0, sb("scoreboard", "poll", "-m", "hammer", "--backfill-start", "2025-07-01").exit());
        // August with 30 days kept, long before "now" minus 30 days: its job goes straight to the
        // rollups and the Bloom file (no raw row), and after the tick July's two stored days are pruned.
        MainTest.Run august = sb("scoreboard", "poll", "-m", "hammer", "--keep-days", "30");
        assertEquals(0, august.exit(), august.err());
        assertTrue(august.out().contains("\"month\":\"2025-08\"") && august.out().contains("\"new_jobs\":1")
                && august.out().contains("\"pruned_days\":2,\"pruned_jobs\":2"), august.out());
        Path seen = root.resolve("clusters/hammer/state/seen");
        assertTrue(Files.exists(seen.resolve("2025-07.bloom")) && Files.exists(seen.resolve("2025-08.bloom")));
        // The published board still counts all three: alice 3 jobs x 2 CPU-hours.
        assertTrue(Files.readString(root.resolve("leaderboards/alltime.json"))
                .contains("\"rows\":[{\"rank\":1,\"user\":\"alice\",\"value\":6.0}]"));
        assertEquals(2, sb("scoreboard", "poll", "-m", "hammer", "--keep-days", "0").exit());
    }

    @Test
    void doctorFlagsABloomFileFullerThanItsDesign() throws IOException {
        Path seen = java.nio.file.Files.createDirectories(root.resolve("clusters/hammer/state/seen"));
        // n_exp 1000 at p 1e-4: m = 19 171 bits (§3.2); capacity m (ln 2)^2 / ln 10^4 = 1 000.
        byte[] bits = new byte[2397];
        Files.write(seen.resolve("2025-07.bloom"), concat("{\"k\": 13, \"m\": 19171, \"n\": 1000, \"p\": 0.0001}\n", bits));
        Files.write(seen.resolve("2025-08.bloom"), concat("{\"k\": 13, \"m\": 19171, \"n\": 1001, \"p\": 0.0001}\n", bits));
        MainTest.Run r = sb("scoreboard", "doctor");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("FAIL hammer: Bloom file 2025-08 holds 1,001 ids, sized for 1,000"), r.out());
        assertTrue(!r.out().contains("2025-07"), r.out());
    }

    private static byte[] concat(String head, byte[] bits) {
        byte[] h = head.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(h, h.length + bits.length);
        System.arraycopy(bits, 0, all, h.length, bits.length);
        return all;
    }

    @Test
    void bloomStatsCreatesAnEmptyFileLikeTheReference() throws IOException {
        MainTest.Run r = sb("scoreboard", "bloom", "stats", "-m", "hammer", "--month", "2025-08", "--expected-n", "1000");
        assertEquals(0, r.exit(), r.err());
        // n_exp 1000 at p 1e-4: m 19,171 bits, k 13, 2,397 bytes (slurm-scoreboard.md §3.2)
        assertTrue(r.out().contains("\"bytes\" : 2397") && r.out().contains("\"created\" : true")
                && r.out().contains("\"k\" : 13") && r.out().contains("\"m\" : 19171"), r.out());
        assertEquals(43 + 2397, Files.size(root.resolve("clusters/hammer/state/seen/2025-08.bloom")));
        MainTest.Run again = sb("scoreboard", "bloom", "stats", "-m", "hammer", "--month", "2025-08");
        assertTrue(again.out().contains("\"created\" : false"), again.out());
    }

    @Test
    void probeFindsTheCommandAndTheRoot() {
        MainTest.Run ok = sb("scoreboard", "probe", "-m", "hammer");
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("slurm=ok"), ok.out());
        MainTest.Run missing = MainTest.run("scoreboard", "probe", "--root", root.toString(), "--db", db);
        // with no site file, "sacct" is looked up on PATH, where this machine has none
        assertEquals(2, missing.exit(), missing.out());
        assertTrue(missing.out().contains("sacct: not found in PATH"), missing.out());
    }
}
