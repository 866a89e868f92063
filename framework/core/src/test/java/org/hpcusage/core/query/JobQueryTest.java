package org.hpcusage.core.query;

import static org.hpcusage.core.query.QueryFixture.G;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hpcusage.core.query.JobFilter.Range;
import org.hpcusage.testkit.db.TestingDatabase;
import org.hpcusage.testkit.db.TestingDatabase.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Search, count and the aggregations on the hand-built store of {@link QueryFixture}, on SQLite
 * and PostgreSQL. Every expected number is worked out from the fixture's table (see comments).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobQueryTest {
    private QueryStores stores;

    @BeforeAll
    void open(@TempDir Path temp) {
        stores = new QueryStores(temp);
    }

    @AfterAll
    void close() {
        stores.close();
    }

    private long count(Kind kind, UnaryOperator<JobFilter.Builder> filter) throws Exception {
        return stores.derecho(kind).count(filter.apply(JobFilter.builder()).build());
    }

    private List<String> ids(Kind kind, JobFilter filter, SearchOptions options) throws Exception {
        return stores.derecho(kind).search(filter, options.withColumns(List.of(SearchColumn.JOB_ID))).stream()
                .map(r -> (String) r.get("job_id")).toList();
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void jobIdMatchesScalarParentAndElementsButNotLongerIds(Kind kind) throws Exception {
        // J1 scalar, J2 parent, J3 and J4 elements on two hosts; J5 is 60491170 and the casper
        // job 6049117.casper-pbs is another machine.
        assertEquals(4, count(kind, b -> b.jobId("6049117")));
        assertEquals(4, count(kind, b -> b.jobId("  6049117 ")), "trimmed");
        assertEquals(2, count(kind, b -> b.jobId("6049117[28]")), "one element on two hosts");
        assertEquals(1, count(kind, b -> b.jobId("6049117[28].desched1")), "with a host: exact");
        assertEquals(1, count(kind, b -> b.jobId("6049117[]")), "the parent");
        assertEquals(1, count(kind, b -> b.jobId("60491170")));
        assertEquals(0, count(kind, b -> b.jobId("604911")), "a prefix of the number is not the job");
        assertEquals(0, count(kind, b -> b.jobId("6049117%")), "LIKE wildcards are literal");
        assertEquals(8, count(kind, b -> b.jobId("")), "empty = no filter");
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void identityFiltersResolveNamesAndUnknownNamesMatchNothing(Kind kind) throws Exception {
        assertEquals(8, count(kind, b -> b));
        assertEquals(3, count(kind, b -> b.user("alice")));        // J1 J2 J8
        assertEquals(2, count(kind, b -> b.user("bob")));          // J3 J4
        assertEquals(0, count(kind, b -> b.user("nobody")));
        assertEquals(8, count(kind, b -> b.user("")), "empty string = no filter");
        assertEquals(3, count(kind, b -> b.account("NCAR0001")));  // J1 J2 J5
        assertEquals(4, count(kind, b -> b.accounts(List.of("UCSD0047"))));              // J3 J4 J6 J8
        assertEquals(3, count(kind, b -> b.accounts(List.of("NCAR0001", "NOPE"))), "unknown members ignored");
        assertEquals(7, count(kind, b -> b.accounts(List.of("NCAR0001", "UCSD0047"))));  // all but J7
        assertEquals(0, count(kind, b -> b.accounts(List.of())), "empty list = no jobs");
        assertEquals(0, count(kind, b -> b.accounts(List.of("NOPE"))));
        assertEquals(3, count(kind, b -> b.queue("gpu")));         // J3 J4 J8
        assertEquals(2, count(kind, b -> b.queue("develop")));     // J5 J6
        assertEquals(0, count(kind, b -> b.queue("nosuch")));
        assertEquals(2, count(kind, b -> b.qos("premium")));       // J2 J8
        assertEquals(4, count(kind, b -> b.qos("regular")));       // J1 J3 J5 J7
        assertEquals(6, count(kind, b -> b.exitStatus("0")));      // all but J3 (271) and J6 (-29)
        assertEquals(1, count(kind, b -> b.exitStatus("-29")));
        assertEquals(1, count(kind, b -> b.user("alice").queue("gpu")), "filters AND");  // J8
        assertEquals(0, new JobQuery(stores.get(kind), "nosuch", Map.of()).count(JobFilter.all()), "unknown machine");
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void datesAreMachineLocalDaysOfTheEnd(Kind kind) throws Exception {
        LocalDate jan10 = LocalDate.of(2026, 1, 10);
        // J3 ends 02:00 UTC Jan 11 = 19:00 Jan 10 in Denver, so Jan 10 holds J1 J2 J3.
        assertEquals(3, count(kind, b -> b.start(jan10).end(jan10)));
        assertEquals(4, count(kind, b -> b.start(LocalDate.of(2026, 1, 11))));  // J4 J5 J6 J8
        assertEquals(6, count(kind, b -> b.end(LocalDate.of(2026, 1, 31))));    // J1..J5, J8; J7 has no end
        assertEquals(0, count(kind, b -> b.start(LocalDate.of(2026, 1, 13)).end(LocalDate.of(2026, 1, 19))));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void namesAreGlobsCaseSensitiveUnlessIgnoreCase(Kind kind) throws Exception {
        assertEquals(3, count(kind, b -> b.names(List.of("ens_*"))));          // J2 J3 J4
        assertEquals(1, count(kind, b -> b.names(List.of("ens_2?"))));         // J3
        assertEquals(1, count(kind, b -> b.names(List.of("post*"))));          // J6, not Post_Proc
        assertEquals(2, count(kind, b -> b.names(List.of("post*")).ignoreCase(true)));  // J5 J6
        // Under -i the underscore is literal: post_proc finds Post_Proc but not postproc.
        assertEquals(1, count(kind, b -> b.names(List.of("post_proc")).ignoreCase(true)));
        assertEquals(0, count(kind, b -> b.names(List.of("post_proc"))));
        assertEquals(0, count(kind, b -> b.names(List.of("a%b")).ignoreCase(true)), "% is literal");
        assertEquals(4, count(kind, b -> b.names(List.of("[ew]*"))), "bracket classes on both dialects");  // J1..J4
        assertEquals(1, count(kind, b -> b.names(List.of("[^ew]_b"))));      // J8 a_b
        assertEquals(2, count(kind, b -> b.names(List.of("wrf*", "a_b"))), "several patterns OR");  // J1 J8
        assertEquals(7, count(kind, b -> b.names(List.of("*"))), "NULL names never match");      // all but J7
        assertEquals(0, count(kind, b -> b.names(List.of("wrf.case1"))), ". is literal");
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void boundsAreInclusiveAndNullStrict(Kind kind) throws Exception {
        // elapsed: J1 3600, J2 7200, J3 1800, J4 900, J5 36000, J6 20, J7 NULL, J8 3600
        assertEquals(4, count(kind, b -> b.min(Range.ELAPSED, 3600L)));     // J1 J2 J5 J8
        assertEquals(3, count(kind, b -> b.max(Range.ELAPSED, 1800L)));     // J3 J4 J6
        // wait: J1 0, J2 59, J3 120, J4 10000, J5 200000, J6 NULL, J7 30, J8 3600
        assertEquals(1, count(kind, b -> b.max(Range.WAIT, 0L)), "0 is a real bound");  // J1
        assertEquals(3, count(kind, b -> b.min(Range.WAIT, 3600L)));        // J4 J5 J8
        assertEquals(7, count(kind, b -> b.min(Range.WAIT, 0L)), "a bound excludes NULLs");
        assertEquals(2, count(kind, b -> b.min(Range.NODES, 2L)));          // J2 J8
        assertEquals(0, count(kind, b -> b.max(Range.NODES, 0L)));
        assertEquals(3, count(kind, b -> b.min(Range.CPUS, 100L)));         // J1 J2 J8
        assertEquals(3, count(kind, b -> b.min(Range.GPUS, 1L)));           // J3 J4 J8
        assertEquals(4, count(kind, b -> b.max(Range.GPUS, 0L)));           // J1 J2 J5 J6
        assertEquals(3, count(kind, b -> b.min(Range.REQMEM, 100 * G)));    // J1 J2 J8
        assertEquals(3, count(kind, b -> b.max(Range.MEMORY_USED, 10 * G)));  // J3 J4 J5
        // wasted = reqmem - memory: J1 150G, J2 -20G, J3 40G, J5 3G, J8 1000G; J4 J6 J7 NULL
        assertEquals(1, count(kind, b -> b.max(Range.MEMORY_WASTED, -G)));  // J2
        assertEquals(4, count(kind, b -> b.min(Range.MEMORY_WASTED, 0L)));  // J1 J3 J5 J8
        assertEquals(2, count(kind, b -> b.range(Range.CPUS, 64L, 128L)));  // J1 J3
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void searchOrdersByEndNewestFirstAndPages(Kind kind) throws Exception {
        // end: J6 Feb 1, J8 Jan 31, J5 Jan 20, J4 Jan 12, J3 Jan 11 02:00Z, J2 Jan 10 16:00Z, J1 15:00Z, J7 NULL
        List<String> all = ids(kind, JobFilter.all(), SearchOptions.defaults());
        assertEquals(List.of("7000001.desched1", "7000003.desched1", "60491170.desched1", "6049117[28].casper-pbs",
                "6049117[28].desched1", "6049117[].desched1", "6049117.desched1", "7000002.desched1"), all);
        assertEquals(all.subList(2, 5), ids(kind, JobFilter.all(), SearchOptions.defaults().withPage(3, 2)));
        assertEquals(all.subList(6, 8), ids(kind, JobFilter.all(), SearchOptions.defaults().withPage(null, 6)));
        // By user ascending: alice (ids 1 2 8), bob (3 4), carol (5 6), unknown user last (7).
        assertEquals(List.of("6049117.desched1", "6049117[].desched1", "7000003.desched1", "6049117[28].desched1",
                        "6049117[28].casper-pbs", "60491170.desched1", "7000001.desched1", "7000002.desched1"),
                ids(kind, JobFilter.all(), SearchOptions.defaults().sortedBy(SearchColumn.USER, true)));
        // By CPU charges descending: J2 768, J8 576, J5 160, J1 128, J3 64, J4 22.4, J7 0, J6 NULL.
        assertEquals(List.of("6049117[].desched1", "7000003.desched1", "60491170.desched1", "6049117.desched1",
                        "6049117[28].desched1", "6049117[28].casper-pbs", "7000002.desched1", "7000001.desched1"),
                ids(kind, JobFilter.all(), SearchOptions.defaults().sortedBy(SearchColumn.CPU_CHARGES, false)));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void searchRowsCarryExactlyTheColumnsWithChargesFromTheFactor(Kind kind) throws Exception {
        List<Map<String, Object>> rows = stores.derecho(kind).search(JobFilter.builder().user("alice").build(),
                SearchOptions.defaults().withColumns(SearchColumn.all()).sortedBy(SearchColumn.JOB_ID, true));
        assertEquals(3, rows.size());
        Map<String, Object> j2 = rows.get(1);
        assertEquals(37, j2.size());
        assertEquals(List.copyOf(j2.keySet()), SearchColumn.all().stream().map(SearchColumn::key).toList());
        assertEquals("6049117[].desched1", j2.get("job_id"));
        assertEquals("NCAR0001", j2.get("account"));
        assertEquals("premium", j2.get("qos"));
        assertEquals(512.0, (Double) j2.get("cpu_hours"), 1e-9);
        assertEquals(768.0, (Double) j2.get("cpu_charges"), 1e-9);   // 512 × 1.5
        assertEquals(360.0, (Double) j2.get("memory_charges"), 1e-9); // 240 × 1.5
        assertEquals(java.time.Instant.parse("2026-01-10T16:00:00Z"), j2.get("end"));
        // J6 has no charge row: every charge column is NULL.
        Map<String, Object> j6 = stores.derecho(kind).search(JobFilter.builder().jobId("7000001").build(),
                SearchOptions.defaults().withColumns(SearchColumn.parseList("cpu_hours, cpu_charges,qos_factor"))).get(0);
        assertEquals(3, j6.size());
        assertNull(j6.get("cpu_hours"));
        assertNull(j6.get("cpu_charges"));
        assertNull(j6.get("qos_factor"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> SearchColumn.parseList("job_id,bogus"));
        assertTrue(bad.getMessage().startsWith("Unknown column(s): bogus. Valid columns: job_id, user, account"), bad.getMessage());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void waitHistogramOfTheReferenceTest(Kind kind) throws Exception {
        // --max-gpus 4 keeps J1..J6 (J7 has NULL gpus, J8 has 12): waits 0, 59, 120, 10000, 200000, NULL,
        // the reference's histogram test: <1m 2, 1-5m 1, 2-4h 1, >2d 1, null 1, total 6.
        Histogram h = stores.derecho(kind).histogram(HistogramAxis.WAIT, JobFilter.builder().max(Range.GPUS, 4L).build(), null);
        assertEquals(12, h.buckets().size(), "every band, zeros included");
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        h.buckets().forEach(b -> counts.put(b.band().label(), b.usage().jobCount()));
        assertEquals(Map.ofEntries(Map.entry("<1m", 2L), Map.entry("1-5m", 1L), Map.entry("5-15m", 0L), Map.entry("15-30m", 0L),
                Map.entry("30-60m", 0L), Map.entry("1-2h", 0L), Map.entry("2-4h", 1L), Map.entry("4-8h", 0L),
                Map.entry("8-12h", 0L), Map.entry("12-24h", 0L), Map.entry("1-2d", 0L), Map.entry(">2d", 1L)), counts);
        assertEquals(1, h.nullCount());
        assertEquals(6, h.totalCount());
        // <1m holds J1 (128 CPU-h, factor 1) and J2 (512 CPU-h, factor 1.5).
        Usage under1m = h.buckets().get(0).usage();
        assertEquals(640.0, under1m.cpuHours(), 1e-9);
        assertEquals(896.0, under1m.cpuCharges(), 1e-9);
        assertNull(h.buckets().get(0).owners());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void histogramOwnersAreTheTopOfEachBucket(Kind kind) throws Exception {
        // nodes: J1 J3 J4 J5 J6 have 1, J2 2, J8 3, J7 NULL.
        Histogram h = stores.derecho(kind).histogram(HistogramAxis.NODES, JobFilter.all(), Owners.top(1));
        assertEquals(14, h.buckets().size());
        assertEquals(5, h.buckets().get(1).usage().jobCount());
        assertEquals(1, h.buckets().get(2).usage().jobCount());
        assertEquals(1, h.buckets().get(3).usage().jobCount());   // 3-4
        assertEquals(1, h.nullCount());
        assertEquals(8, h.totalCount());
        // Bucket "1" by hours: carol 160 (J5, J6 without charge), alice 128, bob 64+2+32+1 = 99.
        Map<String, Usage> top = h.buckets().get(1).owners();
        assertEquals(List.of("carol"), List.copyOf(top.keySet()));
        assertEquals(2, top.get("carol").jobCount());
        assertEquals(160.0, top.get("carol").cpuHours(), 1e-9);
        assertEquals(Map.of(), h.buckets().get(0).owners(), "empty buckets get no owners");
        // By job count bob (2) ties carol (2): name ascending puts bob first.
        Histogram byCount = stores.derecho(kind).histogram(HistogramAxis.NODES, JobFilter.all(),
                new Owners(2, Metric.JOB_COUNT, Dimension.USER));
        assertEquals(List.of("bob", "carol"), List.copyOf(byCount.buckets().get(1).owners().keySet()));
        Histogram byAccount = stores.derecho(kind).histogram(HistogramAxis.NODES, JobFilter.all(),
                new Owners(5, Metric.HOURS, Dimension.ACCOUNT));
        // Bucket "1" by account: NCAR0001 J1+J5 = 288, UCSD0047 J3+J4+J6 = 99.
        assertEquals(List.of("NCAR0001", "UCSD0047"), List.copyOf(byAccount.buckets().get(1).owners().keySet()));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void memoryWastedHistogramHasAnOverRequestBand(Kind kind) throws Exception {
        Histogram h = stores.derecho(kind).histogram(HistogramAxis.MEMORY_WASTED, JobFilter.all(), null);
        List<Long> counts = h.buckets().stream().map(b -> b.usage().jobCount()).toList();
        // over request J2; <1GB none; 1-10GB J5 (3G); 10-50GB J3 (40G); 50-100GB none; 100-500GB J1 (150G);
        // 500-1000GB J8 (exactly 1000G, inclusive); >1000GB none; NULL J4 J6 J7.
        assertEquals(List.of(1L, 0L, 1L, 1L, 0L, 1L, 1L, 0L), counts);
        assertEquals(3, h.nullCount());
        assertEquals(8, h.totalCount());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void casperCapsRightSizeTheCountAxes(Kind kind) throws Exception {
        JobQuery casper = new JobQuery(stores.get(kind), "casper",
                Map.of(HistogramAxis.NODES, 128, HistogramAxis.CPUS, 1024, HistogramAxis.GPUS, 32));
        List<Band> nodes = casper.bands(HistogramAxis.NODES);
        assertEquals("33-64", nodes.get(nodes.size() - 2).label());
        assertEquals(new Band(">64", 65L, null), nodes.get(nodes.size() - 1));
        assertEquals(new Band(">512", 513L, null), casper.bands(HistogramAxis.CPUS).get(casper.bands(HistogramAxis.CPUS).size() - 1));
        assertEquals(new Band(">16", 17L, null), casper.bands(HistogramAxis.GPUS).get(casper.bands(HistogramAxis.GPUS).size() - 1));
        assertEquals(HistogramAxis.WAIT.bands(), casper.bands(HistogramAxis.WAIT), "wait is never capped");
        Histogram h = casper.histogram(HistogramAxis.CPUS, JobFilter.all(), null);
        assertEquals(1, h.totalCount(), "only the casper job");
        assertEquals(1, h.buckets().get(1).usage().jobCount(), "1 cpu");
        assertEquals(HistogramAxis.NODES.bands(), HistogramAxis.NODES.bands(100_000), "a cap beyond the table changes nothing");
        assertThrows(IllegalArgumentException.class, () -> HistogramAxis.NODES.bands(0));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void facetsCountValuesAndExcludeTheirOwnFilter(Kind kind) throws Exception {
        JobQuery q = stores.derecho(kind);
        List<Dimension> dims = List.of(Dimension.QUEUE, Dimension.QOS, Dimension.EXIT_STATUS);
        Map<Dimension, List<FacetCount>> all = q.facets(JobFilter.all(), dims, true, null);
        assertEquals(List.of(new FacetCount("cpu", 3), new FacetCount("gpu", 3), new FacetCount("develop", 2)), all.get(Dimension.QUEUE));
        assertEquals(List.of(new FacetCount("regular", 4), new FacetCount("premium", 2), new FacetCount("economy", 1),
                new FacetCount("uncharged", 1)), all.get(Dimension.QOS));
        assertEquals(List.of(new FacetCount("0", 6), new FacetCount("-29", 1), new FacetCount("271", 1)), all.get(Dimension.EXIT_STATUS));

        JobFilter gpu = JobFilter.builder().queue("gpu").build();
        Map<Dimension, List<FacetCount>> own = q.facets(gpu, dims, true, null);
        assertEquals(all.get(Dimension.QUEUE), own.get(Dimension.QUEUE), "the queue facet ignores the queue filter");
        // gpu jobs J3 regular, J4 economy, J8 premium.
        assertEquals(List.of(new FacetCount("economy", 1), new FacetCount("premium", 1), new FacetCount("regular", 1)),
                own.get(Dimension.QOS));
        assertEquals(List.of(new FacetCount("gpu", 3)), q.facets(gpu, dims, false, null).get(Dimension.QUEUE));
        // Accounts are never self-excluded; users are, and the unknown user (J7) comes last.
        JobFilter ncar = JobFilter.builder().account("NCAR0001").user("alice").build();
        Map<Dimension, List<FacetCount>> scoped = q.facets(ncar, List.of(Dimension.ACCOUNT, Dimension.USER), true, 1);
        assertEquals(List.of(new FacetCount("NCAR0001", 2)), scoped.get(Dimension.ACCOUNT));   // J1 J2
        assertEquals(List.of(new FacetCount("alice", 2)), scoped.get(Dimension.USER));         // limit 1 of alice 2, carol 1
        // Two filters at once: each facet ignores only its own. queue=gpu and qos=premium:
        // queue counts premium jobs (J2 cpu, J8 gpu); qos counts gpu jobs (J3 regular, J4 economy,
        // J8 premium); exit status counts jobs meeting both (J8, "0").
        Map<Dimension, List<FacetCount>> both = q.facets(JobFilter.builder().queue("gpu").qos("premium").build(), dims, true, null);
        assertEquals(List.of(new FacetCount("cpu", 1), new FacetCount("gpu", 1)), both.get(Dimension.QUEUE));
        assertEquals(List.of(new FacetCount("economy", 1), new FacetCount("premium", 1), new FacetCount("regular", 1)),
                both.get(Dimension.QOS));
        assertEquals(List.of(new FacetCount("0", 1)), both.get(Dimension.EXIT_STATUS));
        assertEquals(Map.of(), q.facets(JobFilter.all(), List.of(), true, null), "no facets asked, none given");
        List<FacetCount> users = q.facets(JobFilter.all(), List.of(Dimension.USER), true, null).get(Dimension.USER);
        assertEquals(new FacetCount(null, 1), users.get(users.size() - 1));
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void usageByRanksValuesAndTotalsCoverTheWholeSlice(Kind kind) throws Exception {
        UsageBy u = stores.derecho(kind).usageBy(Dimension.USER, JobFilter.all(), 2, Metric.HOURS);
        // alice J1 J2 J8: cpu 128+512+384 = 1024, gpu 12, charges 128+768+576 = 1472 and 18;
        // carol 160; bob 99 (cut by the limit); the unknown user 0.
        assertEquals(List.of("alice", "carol"), u.rows().stream().map(UsageBy.Row::value).toList());
        Usage alice = u.rows().get(0).usage();
        assertEquals(3, alice.jobCount());
        assertEquals(1024.0, alice.cpuHours(), 1e-9);
        assertEquals(12.0, alice.gpuHours(), 1e-9);
        assertEquals(1472.0, alice.cpuCharges(), 1e-9);
        assertEquals(18.0, alice.gpuCharges(), 1e-9);
        // Totals before the limit: 8 jobs, cpu 1280, gpu 15, cpu charges 1718.4, gpu charges 20.7.
        assertEquals(8, u.totals().jobCount());
        assertEquals(1280.0, u.totals().cpuHours(), 1e-9);
        assertEquals(15.0, u.totals().gpuHours(), 1e-9);
        assertEquals(1718.4, u.totals().cpuCharges(), 1e-9);
        assertEquals(20.7, u.totals().gpuCharges(), 1e-9);
        UsageBy byCount = stores.derecho(kind).usageBy(Dimension.USER, JobFilter.all(), null, Metric.JOB_COUNT);
        assertEquals(java.util.Arrays.asList("alice", "bob", "carol", null), byCount.rows().stream().map(UsageBy.Row::value).toList());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void timeseriesBandsAreZeroFilledMachineLocal(Kind kind) throws Exception {
        JobQuery q = stores.derecho(kind);
        Timeseries days = q.timeseries(BandPeriod.DAY, JobFilter.builder().start(LocalDate.of(2026, 1, 10))
                .end(LocalDate.of(2026, 1, 12)).build(), null);
        // Jan 10: J1 J2 J3 (cpu 128+512+64 = 704, gpu 2); Jan 11: nothing; Jan 12: J4 (cpu 32, gpu 1).
        assertEquals(List.of("2026-01-10", "2026-01-11", "2026-01-12"), days.bands().stream().map(Timeseries.TimeBand::label).toList());
        assertEquals(List.of(3L, 0L, 1L), days.bands().stream().map(b -> b.usage().jobCount()).toList());
        assertEquals(704.0, days.bands().get(0).usage().cpuHours(), 1e-9);
        assertEquals(4, days.totalCount());
        assertEquals(0, days.nullCount());

        // Unbounded: the window is Jan 10 (a Saturday) .. Feb 1; J7 has no end.
        Timeseries weeks = q.timeseries(BandPeriod.WEEK, JobFilter.all(), Owners.top(1));
        assertEquals(LocalDate.of(2026, 1, 10), weeks.start());
        assertEquals(LocalDate.of(2026, 2, 1), weeks.end());
        assertEquals(List.of("2026-W02", "2026-W03", "2026-W04", "2026-W05"), weeks.bands().stream().map(Timeseries.TimeBand::label).toList());
        assertEquals(LocalDate.of(2026, 1, 10), weeks.bands().get(0).start(), "first band clipped to the window");
        assertEquals(LocalDate.of(2026, 1, 11), weeks.bands().get(0).end());
        // W02 J1 J2 J3, W03 J4, W04 J5, W05 J8 (Jan 31) and J6 (Feb 1).
        assertEquals(List.of(3L, 1L, 1L, 2L), weeks.bands().stream().map(b -> b.usage().jobCount()).toList());
        assertEquals(1, weeks.nullCount());
        assertEquals(8, weeks.totalCount());
        // alice has the most hours over the window (1036); every band carries her, zero-filled.
        for (Timeseries.TimeBand b : weeks.bands()) {
            assertEquals(List.of("alice"), List.copyOf(b.owners().keySet()));
        }
        assertEquals(2, weeks.bands().get(0).owners().get("alice").jobCount());   // J1 J2
        assertEquals(0, weeks.bands().get(1).owners().get("alice").jobCount());
        assertEquals(1, weeks.bands().get(3).owners().get("alice").jobCount());   // J8

        Timeseries months = q.timeseries(BandPeriod.MONTH, JobFilter.all(), null);
        assertEquals(List.of("2026-01", "2026-02"), months.bands().stream().map(Timeseries.TimeBand::label).toList());
        assertEquals(List.of(6L, 1L), months.bands().stream().map(b -> b.usage().jobCount()).toList());
        assertEquals(0, q.timeseries(BandPeriod.DAY, JobFilter.builder().start(LocalDate.of(2026, 2, 2))
                .end(LocalDate.of(2026, 2, 1)).build(), null).bands().size(), "start after end: no bands");
        assertThrows(IllegalArgumentException.class, () -> q.timeseries(BandPeriod.DAY, JobFilter.builder()
                .start(LocalDate.of(2020, 1, 1)).end(LocalDate.of(2026, 1, 1)).build(), null));
    }
}
