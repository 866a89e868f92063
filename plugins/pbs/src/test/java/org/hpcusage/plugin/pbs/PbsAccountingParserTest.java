package org.hpcusage.plugin.pbs;

import static org.hpcusage.plugin.pbs.PbsFixtures.CASPER;
import static org.hpcusage.plugin.pbs.PbsFixtures.DERECHO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.testkit.accounting.CollectingJobSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Field mapping of End records (reference §3.1–§3.6, §10.4). Expected values come from the
 * reference or from the hand computations in the comments and in {@code resources/pbs/README.md}.
 */
class PbsAccountingParserTest {

    private static JobRecord one(String line, Settings settings) {
        CollectingJobSink sink = PbsFixtures.parse(line + "\n", settings);
        assertEquals(List.of(), sink.rejections());
        assertEquals(1, sink.jobs().size());
        return sink.jobs().get(0);
    }

    private static JobRecord one(ERecord record) {
        return one(record.line(), DERECHO);
    }

    /** The worked example of reference §3.6 / §10.4, field by field. */
    static void assertWorkedExample(JobRecord job) {
        assertEquals("4779496.desched1", job.jobId());
        assertEquals(4779496L, job.shortId());
        assertEquals("VerifyObsDA-0hrExec00.20250220T1200Z.MPAS-Workflow-nghido_4denvar_O60-10kmIE60km_WarmStart_ARO_06.01",
                job.name());
        assertEquals("nghido", job.user());
        assertEquals("UCSD0047", job.account());
        assertEquals("cpu", job.queue());
        assertEquals("regular", job.priority());
        assertEquals("0", job.status());
        assertEquals(Instant.parse("2026-01-29T06:59:02Z"), job.submit());
        assertEquals(Instant.parse("2026-01-29T06:59:02Z"), job.queued());
        assertEquals(Instant.parse("2026-01-29T06:59:02Z"), job.eligible());
        assertEquals(Instant.parse("2026-01-29T06:59:44Z"), job.start());
        assertEquals(Instant.parse("2026-01-29T07:00:16Z"), job.end());
        assertEquals(24L, job.elapsed());
        assertEquals(1220L, job.walltime());
        assertEquals(45L, job.eligibleSecs());
        assertEquals(1, job.runCount());
        assertEquals(128, job.numcpus());
        assertEquals(0, job.numgpus());
        assertEquals(1, job.numnodes());
        assertEquals(128, job.mpiprocs());
        assertEquals(1, job.ompthreads());
        assertEquals(235L * 1024 * 1024 * 1024, job.reqmem());
        assertEquals(252329328640L, job.reqmem());
        assertEquals(172600L * 1024, job.memory());
        assertEquals(176742400L, job.memory());
        assertEquals(148112L * 1024, job.vmemory());
        assertEquals(151666688L, job.vmemory());
        assertEquals("milan", job.cputype());
        assertNull(job.gputype());
        assertEquals("1:ncpus=128:mpiprocs=128:mem=235GB:ompthreads=1", job.resources());
    }

    @Test
    void workedExampleFromTheHandCopiedRecord() {
        String text = PbsFixtures.resource("derecho/e-record-4779496.log");
        JobRecord job = one(text.stripTrailing(), DERECHO);
        assertWorkedExample(job);
        assertEquals(text.substring(0, text.indexOf('\n')), job.rawRecord(), "the raw record is the line, without its terminator");
    }

    @Test
    void workedExampleInTheRealDayFile() throws IOException {
        Path file = PbsFixtures.sharedSample("derecho", "20260129");
        String line = Files.readAllLines(file).stream().filter(l -> l.contains(";E;4779496.desched1;")).findFirst().orElseThrow();
        CollectingJobSink sink = PbsFixtures.parse(file, DERECHO);
        JobRecord job = sink.jobs().stream().filter(j -> j.jobId().equals("4779496.desched1")).findFirst().orElseThrow();
        assertWorkedExample(job);
        assertEquals(line, job.rawRecord());
        assertEquals(PbsFixtures.resource("derecho/e-record-4779496.log").stripTrailing(), line,
                "the hand copy in test resources is the real line");
    }

    @ParameterizedTest(name = "{0}/{1}: {2} E records, no rejection")
    @CsvSource({"casper, 20260101, 231", "casper, 20260130, 7", "derecho, 20260101, 283", "derecho, 20260129, 31"})
    void realSampleFilesGiveOneJobPerEndRecord(String machine, String day, int jobs) throws IOException {
        Path file = PbsFixtures.sharedSample(machine, day);
        CollectingJobSink sink = PbsFixtures.parse(file, machine.equals("casper") ? CASPER : DERECHO);
        assertEquals(List.of(), sink.rejections());
        assertEquals(jobs, sink.jobs().size());
    }

    @Test
    void derechoSampleFactsOfTheReference() throws IOException {
        // §10.4: some jobs milan; every job has queued, run_count, eligible_secs; one eligible_secs > 0.
        List<JobRecord> jobs = PbsFixtures.parse(PbsFixtures.sharedSample("derecho", "20260129"), DERECHO).jobs();
        assertTrue(jobs.stream().anyMatch(j -> "milan".equals(j.cputype())));
        assertTrue(jobs.stream().allMatch(j -> j.queued() != null && j.runCount() != null && j.eligibleSecs() != null));
        assertTrue(jobs.stream().anyMatch(j -> j.eligibleSecs() > 0));
    }

    /** The facts §10.4 asserts on casper/20260130, checked on a list of its jobs. */
    private static void assertCasperSevenJobShape(List<JobRecord> jobs) {
        assertEquals(7, jobs.size());
        List<JobRecord> gpu = jobs.stream().filter(j -> j.gputype() != null).toList();
        assertEquals(4, gpu.size());
        assertEquals(Set.of("a100", "v100", "h100", "l40"), gpu.stream().map(JobRecord::gputype).collect(Collectors.toSet()));
        assertEquals(3, jobs.stream().filter(j -> j.gputype() == null).count(), "CPU-only jobs");
        Map<String, JobRecord> byQueueWithGpu = gpu.stream().collect(Collectors.toMap(JobRecord::queue, Function.identity()));
        assertEquals(1, byQueueWithGpu.get("a100").numgpus());
        assertEquals(4, byQueueWithGpu.get("h100").numgpus());
        assertEquals("v100", byQueueWithGpu.get("nvgpu").gputype());
        assertEquals("l40", byQueueWithGpu.get("l40").gputype());
        assertTrue(jobs.stream().allMatch(j -> j.cputype() == null), "casper guesses no CPU type");
    }

    @Test
    void casperSyntheticSevenJobsFromTheHandMadeCopy() {
        CollectingJobSink sink = PbsFixtures.parse(PbsFixtures.resource("casper/synthetic-7-jobs.log"), CASPER);
        assertEquals(List.of(), sink.rejections());
        List<JobRecord> jobs = sink.jobs();
        assertCasperSevenJobShape(jobs);
        // Hand values, README table.
        JobRecord first = jobs.get(0);
        assertEquals("6100001.chadmin1", first.jobId());
        assertEquals(605L, first.elapsed());
        assertNull(first.walltime(), "no Resource_List.walltime");
        JobRecord twoNodes = jobs.get(4);
        assertEquals(36, twoNodes.mpiprocs(), "the select's mpiprocs wins over Resource_List.mpiprocs=72");
        assertEquals(2, twoNodes.numnodes());
        assertEquals(72, twoNodes.numcpus());
        assertEquals("economy", jobs.get(5).priority());
        assertEquals(4200L, jobs.get(3).elapsed());
    }

    @Test
    void casperSyntheticSevenJobsFromTheRealFile() throws IOException {
        CollectingJobSink sink = PbsFixtures.parse(PbsFixtures.sharedSample("casper", "20260130"), CASPER);
        assertEquals(List.of(), sink.rejections());
        assertCasperSevenJobShape(sink.jobs());
        assertNull(sink.jobs().get(0).walltime(), "§10.3: the first job has no Resource_List.walltime");
        assertTrue(sink.jobs().stream().allMatch(j -> j.eligibleSecs() == null), "§10.3: no eligible_time");
    }

    @ParameterizedTest(name = "eligible_time {0} = {1}")
    @CsvSource({"01:20:22, 4822", "4822, 4822", "00:00:00, 0"})
    void eligibleTime(String value, long seconds) {
        assertEquals(seconds, one(new ERecord().with("eligible_time", value)).eligibleSecs());
    }

    @Test
    void absentOptionalAttributesGiveNull() {
        JobRecord job = one(new ERecord().without("eligible_time").without("qtime").without("run_count")
                .without("Resource_List.job_priority").without("resources_used.walltime").without("Resource_List.mem"));
        assertNull(job.eligibleSecs());
        assertNull(job.queued());
        assertNull(job.runCount());
        assertNull(job.priority());
        assertNull(job.elapsed());
        assertNull(job.reqmem());
    }

    @Test
    void queuedRunCountAndPriority() {
        JobRecord job = one(new ERecord().with("qtime", "1769670300").with("run_count", "12")
                .with("Resource_List.job_priority", "premium"));
        assertEquals(Instant.parse("2026-01-29T07:05:00Z"), job.queued()); // 1769670000 + 300
        assertEquals(12, job.runCount());
        assertEquals("premium", job.priority());
    }

    @Test
    void badValuesGiveNullNotRejection() {
        JobRecord job = one(new ERecord().with("run_count", "12.0").with("Resource_List.mem", "200mb")
                .with("resources_used.mem", "4gb").with("Resource_List.ncpus", "many").with("qtime", "soon"));
        assertNull(job.runCount());
        assertNull(job.reqmem(), "mb requests are lost, as in the reference");
        assertNull(job.memory());
        assertNull(job.numcpus());
        assertNull(job.queued());
    }

    @Test
    void startZeroIsRepairedFromEndMinusElapsed() {
        // end 1769670016 − elapsed 24 = 1769669992 = 06:59:52Z
        JobRecord job = one(new ERecord().with("start", "0"));
        assertEquals(Instant.parse("2026-01-29T06:59:52Z"), job.start());
        assertEquals(2026, job.start().atZone(java.time.ZoneOffset.UTC).getYear());
    }

    @Test
    void eligibleEpochIsRepairedToSubmit() {
        JobRecord job = one(new ERecord().with("etime", "0"));
        assertEquals(Instant.parse("2026-01-29T06:59:02Z"), job.eligible());
    }

    @Test
    void orderIsNotCheckedWhenOneOfTheFourTimesIsUnreadable() {
        // ctime unreadable → submit NULL → the record passes even though etime is after start.
        JobRecord job = one(new ERecord().with("ctime", "x").with("etime", "1769670000"));
        assertNull(job.submit());
        assertEquals(Instant.parse("2026-01-29T07:00:00Z"), job.eligible());
    }

    @ParameterizedTest(name = "account {0} → {1}")
    @CsvSource(value = {
        "\"UCSD0047\" | UCSD0047",
        "UCSD0047 | UCSD0047",
        "\"\"X\"\" | \"X\"",     // only one enclosing pair is removed
        "\"UCSD0047 | \"UCSD0047", // no closing quote: verbatim
        "a\"b\" | a\"b\"",       // must both start and end with a quote
    }, delimiter = '|')
    void accountQuotes(String value, String account) {
        assertEquals(account, one(new ERecord().with("account", value)).account());
    }

    @Test
    void absentAccountIsNoneAndEmptyNamesAreNull() {
        assertEquals("none", one(new ERecord().without("account")).account());
        assertNull(one(new ERecord().with("account", "\"\"")).account());
        JobRecord job = one(new ERecord().with("user", "").with("queue", ""));
        assertNull(job.user());
        assertNull(job.queue());
    }

    @Test
    void arrayIdsHaveNoShortId() {
        assertNull(one(new ERecord().id("6049117[28].desched1")).shortId());
        assertNull(one(new ERecord().id("6049117[].desched1")).shortId());
        assertEquals(1172959L, one(new ERecord().id("1172959.casper-pbs")).shortId());
        assertEquals(1172959L, one(new ERecord().id("1172959")).shortId(), "an id without a host");
        assertEquals("6049117[28].desched1", one(new ERecord().id("6049117[28].desched1")).jobId());
    }

    @Test
    void dashesInKeysReadAsUnderscores() {
        JobRecord job = one(new ERecord().without("Exit_status").with("Exit-status", "271")
                .without("resources_used.walltime").with("resources-used.walltime", "00:01:00"));
        assertEquals("271", job.status());
        assertEquals(60L, job.elapsed());
    }

    @Test
    void repeatedKeyLastWinsAndValuesSplitAtTheFirstEquals() {
        String line = new ERecord().with("jobname", "a=b").line() + " queue=cpudev";
        JobRecord job = one(line, DERECHO);
        assertEquals("a=b", job.name());
        assertEquals("cpudev", job.queue());
    }

    @Test
    void missingSelectGivesEmptyResourcesAndResourceListMpiprocs() {
        JobRecord job = one(new ERecord().without("Resource_List.select").with("Resource_List.mpiprocs", "64"));
        assertEquals("", job.resources());
        assertEquals(64, job.mpiprocs());
        assertNull(job.ompthreads());
    }

    @Test
    void selectWithoutMpiprocsFallsBackToResourceList() {
        assertEquals(96, one(new ERecord().with("Resource_List.select", "1:ncpus=128:ompthreads=1")
                .with("Resource_List.mpiprocs", "96")).mpiprocs());
    }

    // ---- CPU/GPU type inference, §3.4 and §10.4 ----

    private static JobRecord inQueue(String queue, String select, Settings settings) {
        return one(new ERecord().with("queue", queue).with("Resource_List.select", select).line(), settings);
    }

    @ParameterizedTest(name = "{0} queue {1} → cpu {2}, gpu {3}")
    @CsvSource(value = {
        "derecho | a100 | null | a100",
        "casper | h100 | null | h100",
        "casper | l40 | null | l40",
        "casper | nvgpu | null | v100",
        "derecho | cpu | milan | null",
        "casper | cpu | null | null",
        "derecho | unknownq | milan | null",
        "derecho | gpu | milan | null",    // no gpu_type in the select: derecho's gpu queue gets milan
        "derecho | A100 | milan | null",   // queue match is exact
    }, delimiter = '|', nullValues = "null")
    void queueInference(String machine, String queue, String cpu, String gpu) {
        JobRecord job = inQueue(queue, "1:ncpus=4", machine.equals("derecho") ? DERECHO : CASPER);
        assertEquals(cpu, job.cputype());
        assertEquals(gpu, job.gputype());
    }

    @Test
    void selectTypesWinOverInference() {
        JobRecord cpuOnly = inQueue("a100", "1:ncpus=4:cpu_type=genoa", DERECHO);
        assertEquals("genoa", cpuOnly.cputype());
        assertNull(cpuOnly.gputype(), "no inference once the select names a type");
        JobRecord gpuOnly = inQueue("gpu", "1:ncpus=64:ngpus=4:gpu_type=a100", DERECHO);
        assertNull(gpuOnly.cputype());
        assertEquals("a100", gpuOnly.gputype());
        JobRecord both = inQueue("a100", "1:ncpus=64:ngpus=1:cpu_type=milan:gpu_type=a100", CASPER);
        assertEquals("milan", both.cputype());
        assertEquals("a100", both.gputype());
    }

    @Test
    void noSettingsMeansNoDefaultCpuType() {
        JobRecord job = one(new ERecord().line(), Settings.empty());
        assertNull(job.cputype());
        assertNull(job.gputype());
    }

    // ---- lines, line ends, raw records ----

    @Test
    void emptyInputGivesNothing() {
        CollectingJobSink sink = PbsFixtures.parse("", DERECHO);
        assertEquals(List.of(), sink.jobs());
        assertEquals(List.of(), sink.rejections());
    }

    @Test
    void crlfLinesGiveTheSameJobsAndRawRecordsWithoutCarriageReturns() {
        String lf = PbsFixtures.resource("contract/derecho-mini-day.log");
        List<JobRecord> expected = PbsFixtures.parse(lf, DERECHO).jobs();
        CollectingJobSink crlf = PbsFixtures.parse(lf.replace("\n", "\r\n"), DERECHO);
        assertEquals(List.of(), crlf.rejections());
        assertEquals(expected, crlf.jobs());
        assertTrue(crlf.jobs().stream().noneMatch(j -> j.rawRecord().indexOf('\r') >= 0));
    }

    @Test
    void otherRecordTypesAreSkippedAndRawRecordsKeepTrailingSpaces() {
        String lf = PbsFixtures.resource("contract/derecho-mini-day.log");
        List<JobRecord> jobs = PbsFixtures.parse(lf, DERECHO).jobs();
        // README: lines 5, 7 and 8 are the E records.
        String[] lines = lf.split("\n");
        assertEquals(List.of(lines[4], lines[6], lines[7]), jobs.stream().map(JobRecord::rawRecord).toList());
        assertEquals(List.of("5099990.desched1", "5100001.desched1", "5100002.desched1"),
                jobs.stream().map(JobRecord::jobId).toList());
        String withTrailingSpace = new ERecord().line() + " ";
        assertEquals(withTrailingSpace, one(withTrailingSpace, DERECHO).rawRecord());
    }

    @Test
    void nonAsciiTextIsKept() {
        JobRecord job = one(new ERecord().with("jobname", "modèle_é").line(), DERECHO);
        assertEquals("modèle_é", job.name());
    }
}
