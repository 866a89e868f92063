package org.hpcusage.core.query;

import static org.hpcusage.core.query.QueryFixture.G;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * A count can never disagree with its rows: for every single filter and a fixed sample of
 * combinations of two and three, on both dialects, the count equals the number of rows a search
 * without limit returns, the sum of every histogram's buckets plus its null count, the total of
 * usage-by for every dimension, the sum of every facet without self-exclusion, and the
 * timeseries' total; and every histogram band, replayed as a filter bound, counts its bucket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterParityTest {
    private QueryStores stores;

    @BeforeAll
    void open(@TempDir Path temp) {
        stores = new QueryStores(temp);
    }

    @AfterAll
    void close() {
        stores.close();
    }

    /** One filter setting each; the combinations below are drawn from these. */
    private static final List<UnaryOperator<JobFilter.Builder>> SINGLE = List.of(
            b -> b.start(LocalDate.of(2026, 1, 10)),
            b -> b.end(LocalDate.of(2026, 1, 12)),
            b -> b.start(LocalDate.of(2026, 1, 11)).end(LocalDate.of(2026, 1, 31)),
            b -> b.user("alice"), b -> b.user("bob"), b -> b.user("nobody"),
            b -> b.account("NCAR0001"), b -> b.accounts(List.of("UCSD0047", "NOPE")), b -> b.accounts(List.of()),
            b -> b.queue("gpu"), b -> b.queue("cpu"), b -> b.qos("premium"), b -> b.qos("regular"),
            b -> b.exitStatus("0"), b -> b.exitStatus("271"),
            b -> b.jobId("6049117"), b -> b.jobId("6049117[28]"), b -> b.jobId("7000002.desched1"),
            b -> b.names(List.of("ens_*")), b -> b.names(List.of("POST*")).ignoreCase(true), b -> b.names(List.of("*")),
            b -> b.min(Range.WAIT, 60L), b -> b.max(Range.WAIT, 0L),
            b -> b.min(Range.NODES, 1L), b -> b.max(Range.NODES, 1L),
            b -> b.min(Range.CPUS, 64L), b -> b.max(Range.GPUS, 0L), b -> b.min(Range.GPUS, 1L),
            b -> b.min(Range.ELAPSED, 1800L), b -> b.max(Range.ELAPSED, 3600L),
            b -> b.min(Range.REQMEM, 50 * G), b -> b.max(Range.MEMORY_USED, 10 * G),
            b -> b.max(Range.MEMORY_WASTED, -1L), b -> b.min(Range.MEMORY_WASTED, 0L));

    private static List<JobFilter> filters() {
        List<JobFilter> out = new ArrayList<>();
        out.add(JobFilter.all());
        for (UnaryOperator<JobFilter.Builder> s : SINGLE) {
            out.add(s.apply(JobFilter.builder()).build());
        }
        Random random = new Random(20260110);
        for (int i = 0; i < 30; i++) {
            JobFilter.Builder b = JobFilter.builder();
            int n = 2 + random.nextInt(2);
            for (int k = 0; k < n; k++) {
                b = SINGLE.get(random.nextInt(SINGLE.size())).apply(b);
            }
            out.add(b.build());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void everyAggregationAgreesWithCountAndRows(Kind kind) throws Exception {
        JobQuery q = stores.derecho(kind);
        int nonEmpty = 0;
        for (JobFilter f : filters()) {
            long count = q.count(f);
            nonEmpty += count > 0 ? 1 : 0;
            assertEquals(count, q.search(f, SearchOptions.defaults()).size(), "search rows " + f);
            for (HistogramAxis axis : HistogramAxis.values()) {
                Histogram h = q.histogram(axis, f, Owners.top(2));
                long sum = h.nullCount();
                for (Histogram.Bucket b : h.buckets()) {
                    sum += b.usage().jobCount();
                    long owned = b.owners().values().stream().mapToLong(Usage::jobCount).sum();
                    assertEquals(true, owned <= b.usage().jobCount(), "owners within their bucket " + axis + " " + f);
                }
                assertEquals(count, sum, "histogram " + axis + " " + f);
                assertEquals(count, h.totalCount(), "histogram total " + axis + " " + f);
                if (f.bounds(axis.range()).isEmpty()) {
                    for (Histogram.Bucket b : h.buckets()) {
                        JobFilter replay = f.toBuilder().range(axis.range(), b.band().lo(), b.band().hi()).build();
                        assertEquals(b.usage().jobCount(), q.count(replay), "band " + axis + " " + b.band().label() + " " + f);
                    }
                }
            }
            for (Dimension d : Dimension.values()) {
                assertEquals(count, q.usageBy(d, f, null, Metric.HOURS).totals().jobCount(), "usage-by " + d + " " + f);
            }
            Map<Dimension, List<FacetCount>> facets = q.facets(f, List.of(Dimension.values()), false, null);
            for (Map.Entry<Dimension, List<FacetCount>> e : facets.entrySet()) {
                assertEquals(count, e.getValue().stream().mapToLong(FacetCount::count).sum(), "facet " + e.getKey() + " " + f);
            }
            for (BandPeriod p : BandPeriod.values()) {
                assertEquals(count, q.timeseries(p, f, null).totalCount(), "timeseries " + p + " " + f);
            }
        }
        // The sample must not be trivially empty.
        assertEquals(true, nonEmpty > 25, "non-empty filters: " + nonEmpty);
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void searchPagesTileTheRows(Kind kind) throws Exception {
        JobQuery q = stores.derecho(kind);
        for (SearchColumn sort : List.of(SearchColumn.USER, SearchColumn.CPU_CHARGES, SearchColumn.NAME, SearchColumn.END)) {
            SearchOptions o = SearchOptions.defaults().sortedBy(sort, true);
            List<Map<String, Object>> all = q.search(JobFilter.all(), o.withColumns(List.of(SearchColumn.JOB_ID)));
            List<Object> paged = new ArrayList<>();
            for (int offset = 0; offset < all.size(); offset += 3) {
                q.search(JobFilter.all(), o.withColumns(List.of(SearchColumn.JOB_ID)).withPage(3, offset))
                        .forEach(r -> paged.add(r.get("job_id")));
            }
            assertEquals(all.stream().map(r -> r.get("job_id")).toList(), paged, "pages sorted by " + sort.key());
        }
    }
}
