package org.hpcusage.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.store.Database;
import org.hpcusage.testkit.db.TestingDatabase;
import org.hpcusage.testkit.db.TestingDatabase.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Summing in memory (what SQLite uses) and grouping in SQL (what PostgreSQL uses) give the same
 * groups for every grouped statement, on both dialects, over the {@link QueryFixture} store and
 * a few filters; plus two groups worked out by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupingTest {
    private QueryStores stores;

    @BeforeAll
    void open(@TempDir Path temp) {
        stores = new QueryStores(temp);
    }

    @AfterAll
    void close() {
        stores.close();
    }

    private static final List<JobFilter> FILTERS = List.of(
            JobFilter.all(),
            JobFilter.builder().start(LocalDate.of(2026, 1, 10)).end(LocalDate.of(2026, 1, 12)).build(),
            JobFilter.builder().user("alice").build(),
            JobFilter.builder().queue("gpu").qos("premium").build(),
            JobFilter.builder().accounts(List.of("UCSD0047")).min(JobFilter.Range.WAIT, 60L).build());

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void inMemoryAndSqlGroupsAgree(Kind kind) throws Exception {
        Database db = stores.get(kind);
        JobQuery q = stores.derecho(kind);
        int compared = 0;
        for (JobFilter filter : FILTERS) {
            try (SqlSession session = db.reader()) {
                JobQueryMapper m = session.getMapper(JobQueryMapper.class);
                Grouping sql = new Grouping(session, m, false);
                Grouping memory = new Grouping(session, m, true);
                SqlFilter f = resolved(q, filter);
                for (HistogramAxis axis : HistogramAxis.values()) {
                    String bucket = JobQuery.bucketCase(axis, q.bands(axis));
                    assertSameGroups(sql.sumsBy(f, bucket), memory.sumsBy(f, bucket), axis + " " + filter);
                    for (Dimension owner : List.of(Dimension.USER, Dimension.ACCOUNT)) {
                        assertSameGroups(sql.sumsByOwner(f, bucket, owner), memory.sumsByOwner(f, bucket, owner),
                                axis + " by " + owner + " " + filter);
                    }
                    compared += 3;
                }
                assertSameGroups(sql.sumsBy(f, "j.end_day"), memory.sumsBy(f, "j.end_day"), "days " + filter);
                for (Dimension d : Dimension.values()) {
                    assertSameGroups(sql.sumsByDimension(f, d), memory.sumsByDimension(f, d), d + " " + filter);
                    compared++;
                }
                List<Dimension> all = List.of(Dimension.values());
                assertEquals(tuples(sql, f, all), tuples(memory, f, all), "facet tuples " + filter);
            }
        }
        assertEquals(FILTERS.size() * (HistogramAxis.values().length * 3 + Dimension.values().length), compared);
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void inMemorySumsMatchTheFixtureByHand(Kind kind) throws Exception {
        Database db = stores.get(kind);
        JobQuery q = stores.derecho(kind);
        try (SqlSession session = db.reader()) {
            JobQueryMapper m = session.getMapper(JobQueryMapper.class);
            Grouping memory = new Grouping(session, m, true);
            Map<String, GroupSums> byQueue = index(memory.sumsByDimension(resolved(q, JobFilter.all()), Dimension.QUEUE),
                    GroupSums::getValue);
            // gpu: J3 (64 cpu-h, 2 gpu-h, factor 1), J4 (32, 1, 0.7), J8 (384, 12, 1.5):
            // 480 cpu-h, 15 gpu-h, cpu charges 64 + 22.4 + 576 = 662.4, gpu charges 2 + 0.7 + 18 = 20.7.
            GroupSums gpu = byQueue.get("gpu");
            assertEquals(3, gpu.usage().jobCount());
            assertEquals(480.0, gpu.usage().cpuHours(), 1e-9);
            assertEquals(662.4, gpu.usage().cpuCharges(), 1e-9);
            assertEquals(20.7, gpu.usage().gpuCharges(), 1e-9);
            // develop: J5 (160 cpu-h) and J6 without a charge row (counted, zero hours).
            assertEquals(2, byQueue.get("develop").usage().jobCount());
            assertEquals(160.0, byQueue.get("develop").usage().cpuHours(), 1e-9);
            // Days: J7 has no end, so a NULL day of one job.
            Map<Long, GroupSums> byDay = index(memory.sumsBy(resolved(q, JobFilter.all()), "j.end_day"), GroupSums::getBucket);
            assertEquals(1, byDay.get(null).usage().jobCount());
            assertEquals(3, byDay.get(20260110L).usage().jobCount(), "J1, J2 and J3 (19:00 local)");
            assertTrue(byDay.keySet().containsAll(Arrays.asList(20260112L, 20260120L, 20260131L, 20260201L)));
        }
    }

    private static SqlFilter resolved(JobQuery q, JobFilter filter) {
        return q.resolvedForTest(filter);
    }

    private static Map<List<Object>, Long> tuples(Grouping g, SqlFilter f, List<Dimension> dims) {
        Map<List<Object>, Long> out = new HashMap<>();
        g.countsByTuple(f, dims, (values, n) -> out.merge(Arrays.asList(values.clone()), n, Long::sum));
        return out;
    }

    private static <K> Map<K, GroupSums> index(List<GroupSums> groups, Function<GroupSums, K> key) {
        Map<K, GroupSums> out = new HashMap<>();
        for (GroupSums g : groups) {
            assertEquals(null, out.put(key.apply(g), g), "one group per key");
        }
        return out;
    }

    /** Same (bucket, value, owner) keys; same counts; hours to 1e-9. */
    private static void assertSameGroups(List<GroupSums> expected, List<GroupSums> actual, String what) {
        Map<List<Object>, GroupSums> a = index(expected, GroupingTest::key);
        Map<List<Object>, GroupSums> b = index(actual, GroupingTest::key);
        assertEquals(a.keySet(), b.keySet(), what);
        a.forEach((k, g) -> {
            Usage x = g.usage();
            Usage y = b.get(k).usage();
            assertEquals(x.jobCount(), y.jobCount(), what + " " + k);
            assertEquals(x.cpuHours(), y.cpuHours(), 1e-9, what + " " + k);
            assertEquals(x.gpuHours(), y.gpuHours(), 1e-9, what + " " + k);
            assertEquals(x.cpuCharges(), y.cpuCharges(), 1e-9, what + " " + k);
            assertEquals(x.gpuCharges(), y.gpuCharges(), 1e-9, what + " " + k);
        });
    }

    private static List<Object> key(GroupSums g) {
        return Arrays.asList(g.getBucket(), g.getValue(), g.getOwner());
    }
}
