package org.hpcusage.plugin.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingSource.Request;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.testkit.accounting.CollectingJobSink;
import org.hpcusage.testkit.sacct.FakeSacct;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sacct source against a fake sacct executable (a real process: arguments, environment,
 * exit codes, a hang). Waits go through a recording clock, so backoff and rate-limit sleeps are
 * asserted as values, never timed.
 */
class SacctSourceTest {
    private static final String REFERENCE_ARGS = "-a -n -P -S 2025-07-01 -E 2025-08-01 -o "
            + "JobID,User,State,ElapsedRaw,AllocCPUS,NNodes,ReqMem,MaxRSS,AveRSS,AllocTRES,Submit,Start,End";

    @TempDir
    Path temp;
    private FakeSacct sacct;
    private RecordingClock clock;

    /** A clock that only moves when slept on, and remembers every sleep. */
    static final class RecordingClock implements TokenBucket.Clock {
        long now = 1_000_000;
        final List<Long> sleeps = new ArrayList<>();

        public long millis() {
            return now;
        }

        public void sleep(long millis) {
            sleeps.add(millis);
            now += millis;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        sacct = new FakeSacct(temp.resolve("bin"), SlurmFixtures.resource("fake-sacct-data.txt"));
        clock = new RecordingClock();
    }

    private Settings settings(Object... extra) {
        Map<String, Object> m = new HashMap<>();
        m.put(SacctSource.COMMAND, sacct.executable().toString());
        for (int i = 0; i < extra.length; i += 2) {
            m.put((String) extra[i], extra[i + 1]);
        }
        return Settings.of(m);
    }

    private static Request month(LocalDate first, String user, Settings s) {
        return new Request("hammer", first, first.plusMonths(1), user, s, null);
    }

    private static CollectingJobSink parse(Path file) throws IOException {
        return SlurmFixtures.parse(Files.readString(file));
    }

    @Test
    void runsSacctWithTheReferenceFlagsInUtcAndTheParserReadsTheResult() throws IOException {
        Path out = temp.resolve("2025-07.txt");
        new SacctSource(clock).fetch(month(LocalDate.of(2025, 7, 1), null, settings()), out);

        assertEquals(List.of("TZ=UTC " + REFERENCE_ARGS), sacct.calls());
        CollectingJobSink sink = parse(out);
        assertEquals(List.of(), sink.rejections());
        // 100, 101 end in July; 102 runs from July 30 into August and is returned for July too
        assertEquals(List.of("100", "101", "102"), sink.jobs().stream().map(JobRecord::jobId).toList());
        assertEquals(900_000_000L, sink.jobs().get(0).memory());   // from the 100.batch step
        assertEquals(3_000_000_000L, sink.jobs().get(2).memory()); // 3G from 102.batch
        assertEquals(List.of(), clock.sleeps);                     // a full bucket: no wait
    }

    @Test
    void userScopedQueryAsksForThatUserOnly() throws IOException {
        Path out = temp.resolve("carol.txt");
        new SacctSource(clock).fetch(month(LocalDate.of(2025, 8, 1), "carol", settings()), out);
        assertTrue(sacct.calls().get(0).endsWith(" -u carol"), sacct.calls().toString());
        CollectingJobSink sink = parse(out);
        // carol's 200 ended; 201 is pending and not a finished job
        assertEquals(List.of("200"), sink.jobs().stream().map(JobRecord::jobId).toList());
    }

    @Test
    void failuresAreRetriedWithDoublingBackoffWithoutTakingTokens() throws IOException {
        sacct.mode("fail 2");
        SacctSource source = new SacctSource(clock);
        Path out = temp.resolve("x.txt");
        source.fetch(month(LocalDate.of(2025, 7, 1), null, settings()), out);
        assertEquals(3, sacct.calls().size());
        assertEquals(List.of(1000L, 2000L), clock.sleeps);        // 1 s, then 2 s (§1.5)
        assertEquals(3, parse(out).jobs().size());
        // The retries took no token: the second of the two a minute is still there.
        source.fetch(month(LocalDate.of(2025, 8, 1), null, settings()), out);
        assertEquals(List.of(1000L, 2000L), clock.sleeps);
    }

    @Test
    void givesUpAfterTheAttemptsWithTheReferencesMessage() throws IOException {
        sacct.mode("fail 9");
        IOException e = assertThrows(IOException.class, () -> new SacctSource(clock)
                .fetch(month(LocalDate.of(2025, 7, 1), null, settings(SacctSource.RETRIES, 5)), temp.resolve("x.txt")));
        assertEquals("sacct failed rc=1 after 5 attempts: sacct: error: Problem talking to the database: Connection refused",
                e.getMessage());
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L), clock.sleeps); // the reference's 1, 2, 4, 8 with retries=5
    }

    @Test
    void aHangingSacctIsKilledAtTheTimeout() throws IOException {
        sacct.mode("hang");
        IOException e = assertThrows(IOException.class, () -> new SacctSource(clock).fetch(
                month(LocalDate.of(2025, 7, 1), null, settings(SacctSource.TIMEOUT, 0.3, SacctSource.RETRIES, 2)),
                temp.resolve("x.txt")));
        assertEquals("sacct timeout after 2 attempts", e.getMessage());
        assertEquals(2, sacct.calls().size());
    }

    @Test
    void aMissingBinaryFailsAtOnce() {
        IOException e = assertThrows(IOException.class, () -> new SacctSource(clock).fetch(
                month(LocalDate.of(2025, 7, 1), null, Settings.of(Map.of(SacctSource.COMMAND, temp.resolve("nope").toString()))),
                temp.resolve("x.txt")));
        assertTrue(e.getMessage().startsWith("cannot run "), e.getMessage());
        assertEquals(List.of(), clock.sleeps);
    }

    @Test
    void twoCallsAMinuteThenOneEveryThirtySeconds() throws IOException {
        SacctSource source = new SacctSource(clock);
        Path out = temp.resolve("x.txt");
        for (int i = 0; i < 3; i++) {
            source.fetch(month(LocalDate.of(2025, 7, 1), null, settings()), out);
        }
        // capacity 2, empty after two calls: (1 - 0) x 60 / 2 = 30 s before the third (§1.4)
        assertEquals(List.of(30_000L), clock.sleeps);
    }

    @Test
    void theConfiguredRateSizesTheBucket() throws IOException {
        // What scoreboard --rate-per-min / $SLURM_SB_RATE_PER_MIN lay over the site file's block.
        SacctSource source = new SacctSource(clock);
        Path out = temp.resolve("x.txt");
        for (int i = 0; i < 5; i++) {
            source.fetch(month(LocalDate.of(2025, 7, 1), null, settings(SacctSource.RATE, 4.0)), out);
        }
        // capacity 4: four calls at once, then (1 - 0) x 60 / 4 = 15 s before the fifth
        assertEquals(List.of(15_000L), clock.sleeps);
        source.fetch(month(LocalDate.of(2025, 7, 1), null, settings(SacctSource.RATE, 1)), out);
        source.fetch(month(LocalDate.of(2025, 7, 1), null, settings(SacctSource.RATE, 1)), out);
        // a rate of 1: the second call waits the whole minute
        assertEquals(List.of(15_000L, 60_000L), clock.sleeps);
    }

    @Test
    void aStateFileKeepsTheLimitAcrossProcesses() throws IOException {
        Settings s = settings(SacctSource.RATE_STATE, temp.resolve("state/ratelimit").toString());
        Path out = temp.resolve("x.txt");
        SacctSource first = new SacctSource(clock);
        first.fetch(month(LocalDate.of(2025, 7, 1), null, s), out);
        first.fetch(month(LocalDate.of(2025, 7, 1), null, s), out);
        // A new "process" (a new source) finds the bucket empty on disk, where the reference's was full.
        new SacctSource(clock).fetch(month(LocalDate.of(2025, 7, 1), null, s), out);
        assertEquals(List.of(30_000L), clock.sleeps);
    }

    @Test
    void aRateBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SacctSource(clock).fetch(
                month(LocalDate.of(2025, 7, 1), null, settings(SacctSource.RATE, 0)), temp.resolve("x.txt")));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }
}
