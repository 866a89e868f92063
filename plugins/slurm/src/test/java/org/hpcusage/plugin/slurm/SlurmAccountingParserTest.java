package org.hpcusage.plugin.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.testkit.accounting.CollectingJobSink;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of slurm-scoreboard.md §2.8 (TZ=UTC, headerless 13-field rows). Numbers
 * are the reference's; where a fixed defect changes one, the comment gives both.
 */
class SlurmAccountingParserTest {
    private static final SlurmAccountingParser PARSER = new SlurmAccountingParser();

    private static JobRecord only(String text) {
        CollectingJobSink sink = SlurmFixtures.parse(text);
        assertEquals(List.of(), sink.rejections());
        assertEquals(1, sink.jobs().size());
        return sink.jobs().get(0);
    }

    @Test
    void example1CompletedGpuJob() {
        JobRecord j = only("100|alice|COMPLETED|3600|2|1|1000Mc|900M|800M|gres/gpu=1|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n");
        assertEquals("100", j.jobId());
        assertEquals(100L, j.shortId());
        assertEquals("alice", j.user());
        assertEquals("COMPLETED", j.status());
        assertEquals(1751331600L, j.end().getEpochSecond());
        assertEquals(3600L, j.elapsed());                  // elapsed_hours 1.0
        assertEquals(2, j.numcpus());                      // clock_hours 2 x 1.0 = 2.0
        assertEquals(1, j.numgpus());                      // gpu_clock 1.0
        assertEquals(2_000_000_000L, j.reqmem());          // req_mem_mb 2000.0 (1000 MB x 2 CPUs)
        assertEquals(900_000_000L, j.memory());            // max_mem_mb 900.0
        assertFalse(PARSER.isFailure(j.status()));
    }

    @Test
    void example2FailedJob() {
        JobRecord j = only("101|alice|FAILED|1800|1|1|500Mc|400M|300M||2025-07-02T00:00:00|2025-07-02T00:00:00|2025-07-02T00:30:00\n");
        assertEquals(1751416200L, j.end().getEpochSecond());
        assertEquals(1800L, j.elapsed());                  // 0.5 h, clock 0.5
        assertEquals(0, j.numgpus());
        assertEquals(500_000_000L, j.reqmem());
        assertEquals(400_000_000L, j.memory());
        assertTrue(PARSER.isFailure(j.status()));
    }

    @Test
    void example3CancelledTwoNodeJobCountsItsGpusOnce() {
        JobRecord j = only("12345|Bob@REALM.EDU|CANCELLED by 1001|7200|16|2|64Gn|2048000K|1024000K|"
                + "billing=16,cpu=16,gres/gpu:a100=2,gres/gpu=2,mem=128G,node=2|2025-08-01T10:00:00|2025-08-01T10:00:00|2025-08-01T12:00:00\n");
        assertEquals("bob", j.user());
        assertFalse(PARSER.isFailure(j.status()));         // CANCELLED is not a failure
        assertEquals(1754049600L, j.end().getEpochSecond());
        assertEquals(7200L, j.elapsed());                  // 2.0 h; clock 16 x 2 = 32.0
        assertEquals(16, j.numcpus());
        assertEquals(2, j.numgpus());                      // reference 4 (typed + untyped, D2); gpu_clock 2 x 2 = 4.0
        assertEquals("a100", j.gputype());
        assertEquals(128_000_000_000L, j.reqmem());        // 64 GB per node x 2 = 128000.0 MB
        assertEquals(2_048_000_000L, j.memory());          // 2048.0 MB
    }

    @Test
    void example4EndedJobWithoutEndIsRejected() {
        // The reference emits it with end_ts 0 and its reducer then ignores it; here it is reported.
        CollectingJobSink sink = SlurmFixtures.parse("12346|carol|OUT_OF_MEMORY|90|8|1|4000Mc|31.5G||cpu=8,mem=32000M,node=1|||Unknown\n");
        assertEquals(List.of(), sink.jobs());
        assertEquals(List.of(1L), sink.rejectedLines());
    }

    @Test
    void example5BadNumbersAndGpumem() {
        JobRecord j = only("12347|dave|TIMEOUT|abc|x|1|16G|16K|1.5T|gres/gpumem=40G,gres/gpu=1|||2025-08-05T00:00:00\n");
        assertEquals(0L, j.elapsed());                     // bad ElapsedRaw -> 0
        assertEquals(0, j.numcpus());                      // "x" -> 0, clock 0
        assertEquals(16_000_000_000L, j.reqmem());         // 16G per node x 1 = 16000.0 MB
        assertEquals(16_000L, j.memory());                 // 0.016 MB
        assertEquals(1, j.numgpus());                      // reference 41 (gpumem counted, D2)
        assertEquals(1754352000L, j.end().getEpochSecond());
        assertTrue(PARSER.isFailure(j.status()));
    }

    @Test
    void example6ExponentMemoryAndSpaceSeparatedEnd() {
        JobRecord j = only("12350|frank|PREEMPTED|3600|4|1|2000|1e3|-5|gres/gpu=2|||2025-08-05 00:00:00\n");
        // The reference reads a space-separated End as 0 and drops the job; it is the same instant.
        assertEquals(1754352000L, j.end().getEpochSecond());
        assertEquals(2_000_000_000L, j.reqmem());          // 2000.0
        assertEquals(1_000_000_000L, j.memory());          // 1e3 -> 1000.0
        assertEquals(2, j.numgpus());                      // gpu_clock 2 x 1 h = 2.0
        assertEquals(3600L, j.elapsed());                  // clock 4 x 1 = 4.0
        assertTrue(PARSER.isFailure(j.status()));
    }

    @Test
    void example7StateSuffixAndPetabytes() {
        JobRecord j = only("12351|gina|FAILED+|3600|4|1|2P|1P|1P||||2025-08-05T00:00:00\n");
        assertTrue(PARSER.isFailure(j.status()));          // reference false (D17)
        assertEquals(0L, j.reqmem());                      // P unsupported -> 0
        assertEquals(0L, j.memory());
    }

    @Test
    void example8SkipsAndRejects() {
        CollectingJobSink sink = SlurmFixtures.parse(String.join("\n",
                "12347.batch|dave|TIMEOUT|3600|1|1|16G|16K|1.5T||||2025-08-05T00:00:00",   // step without its job
                "12348||COMPLETED|3600|1|1|1G|1G|1G||||2025-08-05T00:00:00",              // empty user
                "short|line",                                                               // field count
                "12352|hank||3600|2|1|1G|||||2025-08-01T00:00:00|2025-08-05T00:00:00") + "\n"); // empty state: kept
        assertEquals(List.of(1L, 2L, 3L), sink.rejectedLines());
        assertEquals(1, sink.jobs().size());
        JobRecord hank = sink.jobs().get(0);
        assertEquals("hank", hank.user());
        assertNull(hank.status());
        assertFalse(PARSER.isFailure(hank.status()));
    }

    @Test
    void stepsAreFoldedIntoTheirJobAndUnfinishedJobsLeftOut() {
        CollectingJobSink sink = SlurmFixtures.parse(SlurmFixtures.resource("contract-dump.txt")
                + "203|wait|dave|chem|cpu|normal|PENDING|0|1|1|1G||||2025-07-04T00:00:00|Unknown|Unknown\n"
                + "204|live|erin|chem|cpu|normal|RUNNING|600|1|1|1G|||cpu=1|2025-07-04T00:00:00|2025-07-04T00:00:00|Unknown\n"
                + "204.batch|batch|erin|chem|||RUNNING|600|1|1||1G|1G||2025-07-04T00:00:00|2025-07-04T00:00:00|Unknown\n");
        assertEquals(List.of(), sink.rejections());
        assertEquals(List.of("200", "201", "202"), sink.jobs().stream().map(JobRecord::jobId).toList());

        JobRecord alice = sink.jobs().get(0);
        assertEquals(3_000_000_000L, alice.memory());      // max(job row empty, batch 3G, extern 1500M) = 3000 MB
        assertEquals(2, alice.numgpus());
        assertEquals("physics", alice.account());
        assertEquals("gpu", alice.queue());
        assertEquals("normal", alice.priority());
        assertEquals("train", alice.name());
        assertEquals(3, alice.rawRecord().split("\n").length); // job row and both steps
        assertEquals(32_000_000_000L, alice.reqmem());     // 4000 MB x 8 CPUs

        JobRecord bob = sink.jobs().get(1);                // cancelled while pending: stored, no time used
        assertNull(bob.start());
        assertEquals(0L, bob.elapsed());
        assertEquals(1751425200L, bob.end().getEpochSecond()); // 2025-07-02T03:00:00Z
        assertNull(bob.memory());
    }

    @Test
    void headerInAnyOrderWithTrailingDelimiterAndElapsed() {
        CollectingJobSink sink = SlurmFixtures.parse(
                "End|State|User|JobID|Elapsed|NCPUS|NNodes|ReqMem|AllocTRES|Start|Submit|\n"
                + "2025-07-02T02:03:04|COMPLETED|zed|77_3|1-02:03:04|4|1|2Gc|cpu=4|2025-07-01T00:00:00|2025-06-30T23:00:00|\n");
        assertEquals(List.of(), sink.rejections());
        JobRecord j = sink.jobs().get(0);
        assertEquals("77_3", j.jobId());
        assertNull(j.shortId());                           // array task ids are not numeric
        assertEquals(93_784L, j.elapsed());                // 1 day 2:03:04
        assertEquals(8_000_000_000L, j.reqmem());          // 2 GB x 4 CPUs
        assertEquals(1751328000L - 3600, j.submit().getEpochSecond()); // 2025-06-30T23:00Z
    }

    @Test
    void aRepeatedHeaderInAnotherOrderSwitchesTheLayout() {
        // Two dumps concatenated: the second header puts User where the first had JobID.
        CollectingJobSink sink = SlurmFixtures.parse(
                "JobID|User|State|ElapsedRaw|AllocCPUS|End\n"
                + "5|ann|COMPLETED|3600|2|2025-07-01T01:00:00\n"
                + "User|JobID|State|ElapsedRaw|AllocCPUS|End\n"
                + "ben|6|COMPLETED|7200|1|2025-07-01T02:00:00\n");
        assertEquals(List.of(), sink.rejections());
        assertEquals(List.of("5 ann 3600", "6 ben 7200"), sink.jobs().stream()
                .map(j -> j.jobId() + " " + j.user() + " " + j.elapsed()).toList());
    }

    @Test
    void timesAreReadInTheConfiguredZone() {
        String row = "100|alice|COMPLETED|3600|2|1|1000Mc|900M|800M||2025-08-31T21:00:00|2025-08-31T21:00:00|2025-08-31T22:00:00\n";
        JobRecord utc = only(row);
        JobRecord ny = SlurmFixtures.parse(row, Settings.of(Map.of("time-zone", "America/New_York"))).jobs().get(0);
        // 22:00 EDT = 02:00 UTC the next day: the job belongs to September in UTC (the reference's D1 case).
        assertEquals(utc.end().getEpochSecond() + 4 * 3600, ny.end().getEpochSecond());
    }

    @Test
    void aHeaderWithoutEndIsRejectedWithItsRows() {
        CollectingJobSink sink = SlurmFixtures.parse("JobID|User|State\n1|a|COMPLETED\n");
        assertEquals(List.of(1L, 2L), sink.rejectedLines());
    }

    @Test
    void defaultRuleIsSlurmTres() {
        assertEquals("slurm-tres", PARSER.defaultChargingRule());
    }
}
