package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hpcusage.cli.MainTest.Run;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jobs search} and the aggregation commands end to end, on a store synced from the
 * hand-made derecho day files (see core's src/test/resources/pbs/derecho/README.md): A 1000001
 * alice cpu 2 nodes, B 1000002 bob gpu premium 1 node, C 1000003 alice cpudev economy 1 node,
 * D 1000004[3] carol cpu 1 node (ends Jan 1 local), E 1000005 dave cpu 1 node on Jan 2; every
 * job waited 5 minutes (eligible_time 00:05:00).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobQueryCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<TestingDatabase> created = new ArrayList<>();
    private final java.util.Map<TestingDatabase.Kind, String> dbs = new java.util.EnumMap<>(TestingDatabase.Kind.class);
    private Path temp;

    @BeforeAll
    void setUp(@TempDir Path dir) {
        temp = dir;
    }

    @AfterAll
    void tearDown() {
        created.forEach(TestingDatabase::close);
    }

    private String db(TestingDatabase.Kind kind) throws IOException {
        String spec = dbs.get(kind);
        if (spec == null) {
            TestingDatabase testDb = TestingDatabase.create(kind, Files.createDirectories(temp.resolve(kind.name())));
            created.add(testDb);
            spec = testDb.spec();
            Path logs = Files.createDirectories(temp.resolve("logs"));
            for (String day : new String[] {"20260101", "20260102"}) {
                Path target = logs.resolve(day);
                if (!Files.exists(target)) {
                    try (var in = JobQueryCommandsTest.class.getResourceAsStream("/pbs/derecho/" + day)) {
                        Files.copy(in, target);
                    }
                }
            }
            Run sync = MainTest.run("jobs", "sync", "-m", "derecho", "-l", logs.toString(), "--start", "2026-01-01",
                    "--end", "2026-01-02", "--db", spec);
            assertEquals(0, sync.exit(), sync.err());
            dbs.put(kind, spec);
        }
        return spec;
    }

    private JsonNode json(TestingDatabase.Kind kind, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", db(kind), "--format", "json"));
        Run r = MainTest.run(all.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return JSON.readTree(r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jobs search", "jobs histogram", "jobs facets", "jobs usage-by", "jobs timeseries"})
    void everyQueryCommandHasHelpWithAnExample(String command) {
        Run r = MainTest.run((command + " --help").split(" "));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--max-memory-wasted-gb"), r.out());
    }

    @org.junit.jupiter.api.Test
    void queryBenchHasHelpWithAnExample() {
        Run r = MainTest.run("jobs", "bench-query", "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Examples:") && r.out().contains("hpcusage jobs bench-query"), r.out());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void searchListsJobsWithTheReferenceEnvelope(TestingDatabase.Kind kind) throws IOException {
        JsonNode all = json(kind, "jobs", "search", "-m", "derecho");
        assertEquals("search", all.get("kind").asText());
        assertEquals(5, all.get("rows").size());
        assertEquals(12, all.get("columns").size(), "the default columns");
        // Newest end first: E (Jan 2 09:00 UTC), D (Jan 2 03:00 UTC), C, B, then A.
        assertEquals("1000005.desched1", all.get("rows").get(0).get("job_id").asText());
        assertEquals("2026-01-02T09:00:00", all.get("rows").get(0).get("end").asText());
        assertEquals(37, json(kind, "jobs", "search", "-v", "--limit", "1").get("columns").size());

        // B: 64 CPU-h at premium (1.5) = 96 CPU charges; --display overrides -v.
        JsonNode b = json(kind, "jobs", "search", "--user", "bob", "-v", "--display", "job_id, cpu_charges");
        assertEquals(2, b.get("columns").size());
        assertEquals(96.0, b.get("rows").get(0).get("cpu_charges").asDouble(), 1e-9);
        assertEquals(1, json(kind, "jobs", "search", "--job-id", "1000004").get("rows").size(), "array element by its number");

        JsonNode filters = json(kind, "jobs", "search", "--min-wait-hours", "1.5", "--max-wait-hours", "0",
                "--max-memory-wasted-gb=-1", "--limit", "3").get("filters");
        assertEquals(5400, filters.get("min_eligible_secs").asLong());
        assertEquals(0, filters.get("max_eligible_secs").asLong());
        assertEquals(-1073741824L, filters.get("max_memory_wasted").asLong());
        assertEquals(3, filters.get("limit").asInt());
        assertTrue(filters.get("user").isNull());
        assertEquals(25, filters.size(), "every filter key of the reference is listed");  // 8 + 16 bounds + limit

        JsonNode count = json(kind, "jobs", "search", "--user", "alice", "--count");
        assertEquals(2, count.get("rows").get(0).get("job_count").asLong());   // A and C
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aggregationsAnswerOnTheSameFilter(TestingDatabase.Kind kind) throws IOException {
        // nodes: A 2, B C D E 1.
        JsonNode nodes = json(kind, "jobs", "histogram", "nodes");
        assertEquals(14, nodes.get("rows").size());
        assertEquals(4, nodes.get("rows").get(1).get("job_count").asLong());
        assertEquals(1, nodes.get("rows").get(2).get("job_count").asLong());
        assertEquals(5, nodes.get("total_count").asLong());
        assertEquals(0, nodes.get("null_count").asLong());
        // Every job waited 300 s: the 5-15m band.
        JsonNode wait = json(kind, "jobs", "histogram", "wait", "--owners", "1");
        assertEquals("5-15m", wait.get("rows").get(2).get("label").asText());
        assertEquals(5, wait.get("rows").get(2).get("job_count").asLong());
        // alice has A (256 CPU-h) and C (64): the most hours.
        assertTrue(wait.get("rows").get(2).get("owners").has("alice"), wait.toString());

        JsonNode facets = json(kind, "jobs", "facets", "--facets", "queue");
        assertEquals("cpu", facets.get("rows").get(0).get("value").asText());
        assertEquals(3, facets.get("rows").get(0).get("count").asLong());   // A D E

        // alice: A 256 + C 64 = 320 CPU-h; charges 256 + 64 × 0.7 = 300.8.
        JsonNode users = json(kind, "jobs", "usage-by", "user", "--limit", "1");
        assertEquals("alice", users.get("rows").get(0).get("value").asText());
        assertEquals(320.0, users.get("rows").get(0).get("cpu_hours").asDouble(), 1e-9);
        assertEquals(300.8, users.get("rows").get(0).get("cpu_charges").asDouble(), 1e-9);
        assertEquals(5, users.get("totals").get("job_count").asLong());

        JsonNode days = json(kind, "jobs", "timeseries", "--start-date", "2026-01-01", "--end-date", "2026-01-03");
        assertEquals(3, days.get("rows").size());
        assertEquals(4, days.get("rows").get(0).get("job_count").asLong());   // A B C D (D is 20:00 MST)
        assertEquals(1, days.get("rows").get(1).get("job_count").asLong());   // E
        assertEquals(0, days.get("rows").get(2).get("job_count").asLong());
        assertEquals(5, days.get("total_count").asLong());
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void badInputIsOneLineAndExitTwo(TestingDatabase.Kind kind) throws IOException {
        String db = db(kind);
        String[][] cases = {
            {"Unknown dimension: bogus", "jobs", "histogram", "bogus"},
            {"Unknown dimension: colour", "jobs", "usage-by", "colour"},
            {"give one dimension", "jobs", "histogram"},
            {"--min-wait-hours must be at least 0", "jobs", "search", "--min-wait-hours", "-1"},
            {"--min-nodes must be a whole number", "jobs", "search", "--min-nodes", "x"},
            {"Unknown column(s): nope. Valid columns: job_id", "jobs", "search", "--display", "job_id,nope"},
            {"--limit must be at least 1", "jobs", "search", "--limit", "0"},
            {"--start-date must be in YYYY-MM-DD format", "jobs", "facets", "--start-date", "2026-1-1"},
            {"Invalid period: year", "jobs", "timeseries", "--period", "year"},
            {"--sort-by: Unknown sort metric: size", "jobs", "usage-by", "user", "--sort-by", "size"},
            {"the window 2020-01-01 to 2026-01-01 has more than 400 day bands", "jobs", "timeseries", "--start-date", "2020-01-01", "--end-date", "2026-01-01"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of(c).subList(1, c.length));
            args.addAll(List.of("--db", db));
            Run r = MainTest.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("hpcusage: " + c[0]), r.err());
            assertEquals("", r.out(), "nothing on stdout");
        }
    }
}
