package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpcusage.testkit.sacct.FakeSacct;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code scoreboard sacct/parse/reduce} and {@code --rate-per-min}, in-process against a fake
 * sacct. The rate in force is read back from the cluster's token bucket file
 * ({@code state/ratelimit}, "tokens last-millis"): a fresh bucket holds its capacity, the rate,
 * and each call takes one token, so after the first call it holds rate − 1 exactly.
 */
class ScoreboardDebugCommandsTest {
    /** Two July jobs of alice (100 with its batch step), one August job of bob. */
    private static final String JOBS = """
            JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End
            100|alice|COMPLETED|3600|2|1|1000Mc|||gres/gpu=1|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            100.batch||COMPLETED|3600|2|1||900M|800M||2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            101|alice|FAILED|1800|1|1|500Mc|400M|300M||2025-07-02T00:00:00|2025-07-02T00:00:00|2025-07-02T00:30:00
            200|bob|COMPLETED|7200|8|1|4Gn|||cpu=8|2025-08-10T00:00:00|2025-08-10T00:00:00|2025-08-10T02:00:00
            """;
    private static final String JULY_100 = "100|alice|COMPLETED|3600|2|1|1000Mc|||gres/gpu=1|2025-07-01T00:00:00|"
            + "2025-07-01T00:00:00|2025-07-01T01:00:00";
    private static final String JULY_101 = "101|alice|FAILED|1800|1|1|500Mc|400M|300M||2025-07-02T00:00:00|"
            + "2025-07-02T00:00:00|2025-07-02T00:30:00";
    private static final String REFERENCE_FIELDS = "JobID,User,State,ElapsedRaw,AllocCPUS,NNodes,ReqMem,MaxRSS,AveRSS,"
            + "AllocTRES,Submit,Start,End";

    /** slurm-scoreboard.md §2.8, examples 1-7 as headerless 13-field rows (line 4 is example 4). */
    private static final String WORKED_EXAMPLES = """
            100|alice|COMPLETED|3600|2|1|1000Mc|900M|800M|gres/gpu=1|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            101|alice|FAILED|1800|1|1|500Mc|400M|300M||2025-07-02T00:00:00|2025-07-02T00:00:00|2025-07-02T00:30:00
            12345|Bob@REALM.EDU|CANCELLED by 1001|7200|16|2|64Gn|2048000K|1024000K|billing=16,cpu=16,gres/gpu:a100=2,gres/gpu=2,mem=128G,node=2|2025-08-01T10:00:00|2025-08-01T10:00:00|2025-08-01T12:00:00
            12346|carol|OUT_OF_MEMORY|90|8|1|4000Mc|31.5G||cpu=8,mem=32000M,node=1|||Unknown
            12347|dave|TIMEOUT|abc|x|1|16G|16K|1.5T|gres/gpumem=40G,gres/gpu=1|||2025-08-05T00:00:00
            12350|frank|PREEMPTED|3600|4|1|2000|1e3|-5|gres/gpu=2|||2025-08-05 00:00:00
            12351|gina|FAILED+|3600|4|1|2P|1P|1P||||2025-08-05T00:00:00
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
        // hammer: no rate in the site file; bell: 6000 a minute; bad: a rate the source would refuse.
        config = Files.writeString(temp.resolve("site.yaml"), """
                machines:
                  hammer:
                    scheduler: slurm
                    parser: {sacct-command: %1$s, sacct-backoff-seconds: 0.01}
                  bell:
                    scheduler: slurm
                    parser: {sacct-command: %1$s, sacct-rate-per-minute: 6000, sacct-backoff-seconds: 0.01}
                  bad:
                    scheduler: slurm
                    parser: {sacct-command: %1$s, sacct-rate-per-minute: 0}
                """.formatted(sacct.executable())).toString();
        db = temp.resolve("jobs.db").toString();
        root = temp.resolve("sb");
    }

    private MainTest.Run sb(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        return store(all.toArray(String[]::new));
    }

    /** Without --root (parse and reduce take none). */
    private MainTest.Run store(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config, "--db", db));
        return MainTest.run(all.toArray(String[]::new));
    }

    private MainTest.Run withStdin(String input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return store(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** The tokens left in a cluster's bucket file. */
    private double tokens(String cluster) throws IOException {
        return Double.parseDouble(Files.readString(root.resolve("clusters/" + cluster + "/state/ratelimit")).split(" ")[0]);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    // ---- --rate-per-min --------------------------------------------------------------------

    @Test
    void theFlagReachesTheBucketOfPollBackfillAndDiscover() throws IOException {
        MainTest.Run poll = sb("scoreboard", "poll", "-m", "hammer", "--backfill-start", "2025-07-01", "--rate-per-min", "7");
        assertEquals(0, poll.exit(), poll.err());
        assertEquals(6.0, tokens("hammer"));                  // capacity 7, one call

        // discover: one sacct -o User call (alice is known, so no user is back-filled); the bucket
        // file said 6 tokens, capped to the new capacity 5, minus one.
        MainTest.Run discover = sb("scoreboard", "discover", "-m", "hammer", "--home", "none", "--rate-per-min", "5");
        assertEquals(0, discover.exit(), discover.err());
        assertTrue(discover.out().contains("\"new_users_processed\":[]"), discover.out());
        assertEquals(4.0, tokens("hammer"));

        MainTest.Run siteRate = sb("scoreboard", "poll", "-m", "bell", "--backfill-start", "2025-07-01");
        assertEquals(0, siteRate.exit(), siteRate.err());
        assertEquals(5999.0, tokens("bell"));                 // the site file's 6000
        MainTest.Run backfill = sb("scoreboard", "backfill", "-m", "bell", "--rate-per-min", "9");
        assertEquals(0, backfill.exit(), backfill.err());
        assertEquals(8.0, tokens("bell"));                    // the flag over the site file: 5999 capped to 9, minus one
    }

    @Test
    void withoutFlagSiteOrEnvironmentTheRateIsTwo() throws IOException {
        Assumptions.assumeTrue(System.getenv("SLURM_SB_RATE_PER_MIN") == null, "SLURM_SB_RATE_PER_MIN is set here");
        assertEquals(0, sb("scoreboard", "poll", "-m", "hammer", "--backfill-start", "2025-07-01").exit());
        assertEquals(1.0, tokens("hammer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "0.5"})
    void badRatesAreOneLineUsageErrors(String rate) {
        for (String command : List.of("poll", "backfill", "discover", "sacct")) {
            MainTest.Run r = command.equals("sacct")
                    ? sb("scoreboard", command, "-m", "hammer", "--since", "2025-07-01", "--until", "2025-08-01", "--rate-per-min", rate)
                    : sb("scoreboard", command, "-m", "hammer", "--rate-per-min", rate);
            assertEquals(2, r.exit(), command + ": " + r.err());
            assertEquals("hpcusage: --rate-per-min must be a number of sacct calls a minute, at least 1, not '" + rate + "'",
                    firstLine(r.err()), command);
            assertEquals("Try 'hpcusage scoreboard " + command + " --help'.", r.err().lines().skip(1).findFirst().orElse(""));
        }
        assertEquals(List.of(), uncheckedCalls());          // refused before sacct ran
    }

    @Test
    void aBadRateInTheSiteFileNamesTheMachine() throws IOException {
        MainTest.Run r = sb("scoreboard", "poll", "-m", "bad", "--backfill-start", "2025-07-01");
        assertEquals(1, r.exit());
        assertEquals("hpcusage: site file, machine 'bad': sacct-rate-per-minute must be a number of sacct calls a minute, "
                + "at least 1, not '0'", r.err().strip());
        assertEquals(List.of(), sacct.calls());
    }

    private List<String> uncheckedCalls() {
        try {
            return sacct.calls();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- sacct -----------------------------------------------------------------------------

    @Test
    void sacctPrintsTheRawJobLinesAndLogsToStderr() throws IOException {
        MainTest.Run r = sb("scoreboard", "sacct", "-m", "hammer", "--since", "2025-07-01", "--until", "2025-08-01");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("TZ=UTC -a -n -P -S 2025-07-01 -E 2025-08-01 -o " + REFERENCE_FIELDS), sacct.calls());
        assertEquals(JULY_100 + "\n" + JULY_101 + "\n", r.out());   // no header, no 100.batch
        assertTrue(r.err().startsWith("{\"level\":\"INFO\",\"phase\":\"sacct\",\"cluster\":\"hammer\",\"start\":\"2025-07-01\","
                + "\"end\":\"2025-08-01\",\"rows\":2,\"duration_s\":"), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void sacctTakesTheReferenceFlags() throws IOException {
        MainTest.Run steps = sb("scoreboard", "sacct", "-m", "hammer", "--since", "2025-07-01", "--until", "2025-08-01",
                "--include-steps", "--rate-per-min", "3");
        assertEquals(0, steps.exit(), steps.err());
        assertEquals(3, steps.out().lines().count());
        assertTrue(steps.out().lines().anyMatch(l -> l.startsWith("100.batch||COMPLETED|")), steps.out());
        assertEquals(2.0, tokens("hammer"));                          // --root: poll's bucket, capacity 3

        MainTest.Run bob = sb("scoreboard", "sacct", "-m", "hammer", "--since", "2025-08-01", "--until", "2025-09-01",
                "--user", "bob", "--fields", "JobID,User,End", "--header");
        assertEquals(0, bob.exit(), bob.err());
        assertEquals("JobID|User|End\n200|bob|2025-08-10T02:00:00\n", bob.out());
        assertEquals("TZ=UTC -a -n -P -S 2025-08-01 -E 2025-09-01 -o JobID,User,End -u bob", sacct.calls().get(1));

        // Not a JobID-first list: nothing is a step, blank lines (the step's empty User) still go.
        MainTest.Run users = sb("scoreboard", "sacct", "-m", "hammer", "--since", "2025-07-01", "--until", "2025-08-01",
                "--fields", "User");
        assertEquals("alice\nalice\n", users.out());
    }

    @Test
    void sacctFailuresAndBadOptions() throws IOException {
        sacct.mode("fail 9");
        MainTest.Run failed = sb("scoreboard", "sacct", "-m", "hammer", "--since", "2025-07-01", "--until", "2025-08-01",
                "--retries", "2");
        assertEquals(1, failed.exit());
        assertEquals("hpcusage: sacct failed rc=1 after 2 attempts: sacct: error: Problem talking to the database: "
                + "Connection refused\n", failed.err());
        assertEquals("", failed.out());
        assertEquals(2, sacct.calls().size());

        sacct.mode("hang");
        MainTest.Run hung = sb("scoreboard", "sacct", "-m", "hammer", "--since", "2025-07-01", "--until", "2025-08-01",
                "--retries", "1", "--timeout", "0.5");
        assertEquals(1, hung.exit());
        assertEquals("hpcusage: sacct timeout after 1 attempts\n", hung.err());

        String[][] bad = {
            {"--since", "2025-07-01"},
            {"--since", "2025-07-01", "--until", "July"},
            {"--since", "2025-08-01", "--until", "2025-08-01"},
            {"--since", "2025-07-01", "--until", "2025-08-01", "--timeout", "0"},
            {"--since", "2025-07-01", "--until", "2025-08-01", "--timeout", "soon"},
            {"--since", "2025-07-01", "--until", "2025-08-01", "--retries", "0"},
            {"--since", "2025-07-01", "--until", "2025-08-01", "--fields", " "},
        };
        for (String[] args : bad) {
            List<String> all = new ArrayList<>(List.of("scoreboard", "sacct", "-m", "hammer"));
            all.addAll(List.of(args));
            MainTest.Run r = sb(all.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(2, r.err().lines().count(), r.err());         // the message and the --help hint
        }
        assertEquals(2, sb("scoreboard", "sacct", "--since", "2025-07-01", "--until", "2025-08-01").exit());
        assertEquals(3, sacct.calls().size());                         // none of the bad ones ran sacct
    }

    // ---- parse -----------------------------------------------------------------------------

    @Test
    void parsePrintsTheWorkedExamples() throws IOException {
        Path file = Files.writeString(temp.resolve("examples.txt"), WORKED_EXAMPLES);
        MainTest.Run r = store("scoreboard", "parse", file.toString());
        assertEquals(0, r.exit(), r.err());
        // Values from slurm-scoreboard.md §2.8; where a fixed defect changes one, both are given.
        assertEquals(List.of(
                // 1: 1 h x 2 CPUs; 1000 MB per CPU x 2; one GPU for 1 h
                "{\"clock_hours\":2.0,\"elapsed_hours\":1.0,\"end_ts\":1751331600,\"failed\":false,\"gpu_clock_hours\":1.0,"
                        + "\"gpu_count\":1,\"gpu_elapsed_hours\":1.0,\"job_id\":\"100\",\"max_mem_mb\":900.0,"
                        + "\"req_mem_mb\":2000.0,\"state\":\"COMPLETED\",\"user\":\"alice\"}",
                // 2: 0.5 h x 1 CPU, FAILED
                "{\"clock_hours\":0.5,\"elapsed_hours\":0.5,\"end_ts\":1751416200,\"failed\":true,\"gpu_clock_hours\":0.0,"
                        + "\"gpu_count\":0,\"gpu_elapsed_hours\":0.0,\"job_id\":\"101\",\"max_mem_mb\":400.0,"
                        + "\"req_mem_mb\":500.0,\"state\":\"FAILED\",\"user\":\"alice\"}",
                // 3: 2 h x 16 CPUs = 32; 64 GB per node x 2 = 128000 MB; 2048000K = 2048 MB; GPUs 2 (reference 4,
                //    typed + untyped, D2), so gpu_clock 2 x 2 h = 4.0 (reference 8.0); CANCELLED is no failure
                "{\"clock_hours\":32.0,\"elapsed_hours\":2.0,\"end_ts\":1754049600,\"failed\":false,\"gpu_clock_hours\":4.0,"
                        + "\"gpu_count\":2,\"gpu_elapsed_hours\":2.0,\"job_id\":\"12345\",\"max_mem_mb\":2048.0,"
                        + "\"req_mem_mb\":128000.0,\"state\":\"CANCELLED by 1001\",\"user\":\"bob\"}",
                // 4 (carol, End Unknown) is rejected, see below (the reference emitted end_ts 0)
                // 5: bad ElapsedRaw and AllocCPUS -> 0; 16G per node x 1; 16K = 0.016 MB; 1 GPU (reference 41, D2)
                "{\"clock_hours\":0.0,\"elapsed_hours\":0.0,\"end_ts\":1754352000,\"failed\":true,\"gpu_clock_hours\":0.0,"
                        + "\"gpu_count\":1,\"gpu_elapsed_hours\":0.0,\"job_id\":\"12347\",\"max_mem_mb\":0.016,"
                        + "\"req_mem_mb\":16000.0,\"state\":\"TIMEOUT\",\"user\":\"dave\"}",
                // 6: End with a space is read (reference end_ts 0); 4 CPUs x 1 h; 1e3 -> 1000 MB; 2 GPUs x 1 h
                "{\"clock_hours\":4.0,\"elapsed_hours\":1.0,\"end_ts\":1754352000,\"failed\":true,\"gpu_clock_hours\":2.0,"
                        + "\"gpu_count\":2,\"gpu_elapsed_hours\":1.0,\"job_id\":\"12350\",\"max_mem_mb\":1000.0,"
                        + "\"req_mem_mb\":2000.0,\"state\":\"PREEMPTED\",\"user\":\"frank\"}",
                // 7: FAILED+ is a failure (reference false, D17); P units -> 0
                "{\"clock_hours\":4.0,\"elapsed_hours\":1.0,\"end_ts\":1754352000,\"failed\":true,\"gpu_clock_hours\":0.0,"
                        + "\"gpu_count\":0,\"gpu_elapsed_hours\":0.0,\"job_id\":\"12351\",\"max_mem_mb\":0.0,"
                        + "\"req_mem_mb\":0.0,\"state\":\"FAILED+\",\"user\":\"gina\"}"),
                r.out().lines().toList());
        assertEquals(file + ":4: state OUT_OF_MEMORY but no End time\n", r.err());
    }

    @Test
    void parseReadsStandardInputAndFailsWhenNothingParses() {
        MainTest.Run dash = withStdin("JobID|User|End\n7|zed|2025-07-01T00:00:00\n", "scoreboard", "parse", "-");
        assertEquals(0, dash.exit(), dash.err());
        assertTrue(dash.out().startsWith("{\"clock_hours\":0.0,") && dash.out().contains("\"job_id\":\"7\""), dash.out());
        MainTest.Run flag = withStdin(JULY_101 + "\n", "scoreboard", "parse", "--stdin");
        assertEquals(1, flag.out().lines().count(), flag.out());
        MainTest.Run none = withStdin("short|line\n12347.batch||TIMEOUT|3600|1|1|16G|16K|1.5T||||2025-08-05T00:00:00\n",
                "scoreboard", "parse");
        assertEquals(1, none.exit());
        assertEquals("", none.out());
        assertEquals(List.of("stdin:1: 2 '|'-separated fields, expected 13", "stdin:2: step row without its job row",
                "hpcusage: no jobs parsed from stdin"), none.err().lines().toList());
    }

    @Test
    void parseOfAMissingFileIsOneLine() {
        Path missing = temp.resolve("nope.txt");
        MainTest.Run r = store("scoreboard", "parse", missing.toString());
        assertEquals(1, r.exit());
        assertEquals("hpcusage: file not found: " + missing + "\n", r.err());
        MainTest.Run both = store("scoreboard", "parse", "--stdin", missing.toString());
        assertEquals(2, both.exit());
        assertEquals(2, store("scoreboard", "parse", "a.txt", "b.txt").exit());
    }

    // ---- reduce ----------------------------------------------------------------------------

    @Test
    void reduceStoresLikeJobsImportAndCountsWhatWasNew() throws IOException {
        Path dump = Files.writeString(temp.resolve("jul-aug.txt"), JOBS);
        MainTest.Run first = store("scoreboard", "reduce", "-m", "hammer", dump.toString());
        assertEquals(0, first.exit(), first.err());
        // three jobs (100 with its step folded in, 101, 200), all new
        assertEquals("{\"cluster\":\"hammer\",\"processed\":3,\"new_jobs\":3,\"skipped\":0,\"errors\":0}", first.out().strip());
        // The same file again: the ledger knows it, as jobs import does.
        MainTest.Run again = store("scoreboard", "reduce", "-m", "hammer", dump.toString());
        assertEquals("{\"cluster\":\"hammer\",\"processed\":0,\"new_jobs\":0,\"skipped\":0,\"errors\":0,\"already_imported\":true}",
                again.out().strip());
        // The same jobs from standard input, plus a bad line: every job already stored.
        MainTest.Run piped = withStdin(JOBS + "short|line\n", "scoreboard", "reduce", "-m", "hammer", "-");
        assertEquals(0, piped.exit(), piped.err());
        assertEquals("{\"cluster\":\"hammer\",\"processed\":3,\"new_jobs\":0,\"skipped\":3,\"errors\":1}", piped.out().strip());
        assertEquals("stdin:6: 2 '|'-separated fields, expected 13\n", piped.err());
        // The ledger keeps one "stdin" row, not one per temporary file.
        assertEquals(0, withStdin(JOBS, "scoreboard", "reduce", "-m", "hammer", "-").exit());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.ResultSet rs = c.createStatement().executeQuery(
                     "SELECT SUM(unit = 'stdin'), SUM(unit LIKE '%hpcusage-reduce%') FROM sync_units")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals(0, rs.getInt(2));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }

        // Stored once: alice 2 CPUs x 1 h + 1 CPU x 0.5 h = 2.5, bob 8 x 2 h = 16.0 CPU-hours
        MainTest.Run show = sb("--format", "json", "scoreboard", "show", "--min-jobs", "1");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("\"user\": \"bob\"") && show.out().contains("\"clock_hours\": 16.0")
                && show.out().contains("\"clock_hours\": 2.5"), show.out());
    }

    @Test
    void reduceErrors() {
        assertEquals(2, store("scoreboard", "reduce", temp.resolve("x.txt").toString()).exit());
        Path missing = temp.resolve("nope.txt");
        MainTest.Run r = store("scoreboard", "reduce", "-m", "hammer", missing.toString());
        assertEquals(1, r.exit());
        assertEquals("hpcusage: file not found: " + missing + "\n", r.err());
    }

    // ---- help ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"sacct", "parse", "reduce"})
    void eachHasHelpWithAnExample(String command) {
        MainTest.Run r = MainTest.run("scoreboard", command, "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Examples:") && r.out().contains("hpcusage scoreboard " + command), r.out());
        MainTest.Run group = MainTest.run("scoreboard", "--help");
        assertTrue(group.out().contains(command), group.out());
        assertFalse(r.out().isBlank());
    }

    @Test
    void pollBackfillAndDiscoverHelpNameTheRate() {
        for (String command : List.of("poll", "backfill", "discover", "sacct")) {
            MainTest.Run r = MainTest.run("scoreboard", command, "--help");
            assertTrue(r.out().contains("--rate-per-min") && r.out().contains("SLURM_SB_RATE_PER_MIN"), r.out());
        }
    }
}
