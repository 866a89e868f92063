package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreboard show} and {@code publish} on two imported Slurm clusters. */
class ScoreboardCommandTest {
    @TempDir
    Path temp;

    private static final String HEADER = "JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|AllocTRES|Submit|Start|End\n";
    // hammer: alice 3 jobs of 2 CPUs x 1 h = 6 clock hours, one FAILED; bob 2 jobs of 4 CPUs x 1 h = 8
    private static final String HAMMER = HEADER
            + "1|alice|COMPLETED|3600|2|1|1G|cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n"
            + "2|alice|FAILED|3600|2|1|1G|cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n"
            + "3|alice|COMPLETED|3600|2|1|1G|cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n"
            + "4|bob|COMPLETED|3600|4|1|1G|cpu=4|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n"
            + "5|bob|COMPLETED|3600|4|1|1G|cpu=4|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n";
    // negishi: bob's third job, 1 CPU x 2 h = 2 -> bob 10 in all, 3 jobs: shown
    private static final String NEGISHI = HEADER
            + "1|bob|COMPLETED|7200|1|1|1G|cpu=1|2025-07-02T00:00:00|2025-07-02T00:00:00|2025-07-02T02:00:00\n";

    @Test
    void showsAndPublishesTheMergedBoard() throws IOException {
        String db = temp.resolve("jobs.db").toString();
        Path root = temp.resolve("sb");
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/optout.txt"), "# opted out\n\n");
        for (String[] m : new String[][] {{"hammer", HAMMER}, {"negishi", NEGISHI}}) {
            Path f = Files.writeString(temp.resolve(m[0] + ".txt"), m[1]);
            MainTest.Run r = MainTest.run("jobs", "import", "-m", m[0], "--scheduler", "slurm", f.toString(), "--db", db);
            assertEquals(0, r.exit(), r.err());
        }
        MainTest.Run show = MainTest.run("scoreboard", "show", "--db", db, "--format", "json");
        assertEquals(0, show.exit(), show.err());
        // bob 8 + 2 = 10 ranks above alice 6; both had 3 jobs
        assertEquals("1,bob,10.0,4.0,0.0,0.0,0,3|2,alice,6.0,3.0,0.0,0.0,0,3", rows(show.out()));
        // the machines are not in the site file and no root says what they run: failures are not guessed
        assertTrue(show.err().contains("has no known scheduler"), show.err());

        MainTest.Run publish = MainTest.run("scoreboard", "publish", "--root", root.toString(), "--db", db);
        assertEquals(0, publish.exit(), publish.err());
        String failed = Files.readString(root.resolve("leaderboards/alltime_failed_jobs.json"));
        assertTrue(failed.contains("\"rows\":[]"), failed); // unknown schedulers: no failures counted
        String clock = Files.readString(root.resolve("leaderboards/alltime_clock_hours.json"));
        assertTrue(clock.contains("\"rows\":[{\"rank\":1,\"user\":\"bob\",\"value\":10.0},{\"rank\":2,\"user\":\"alice\",\"value\":6.0}]"), clock);

        // recorded as Slurm clusters (poll writes this), failures count
        for (String m : new String[] {"hammer", "negishi"}) {
            Path state = Files.createDirectories(root.resolve("clusters").resolve(m).resolve("state"));
            Files.writeString(state.resolve("cluster.json"), "{\"scheduler\":\"slurm\"}");
        }
        MainTest.Run again = MainTest.run("scoreboard", "show", "--db", db, "--root", root.toString(), "--metric", "failed_jobs",
                "--format", "json");
        assertEquals(0, again.exit(), again.err());
        // sorted by failures: alice's FAILED ranks 1; bob, with none, has no rank on this board
        assertEquals("1,alice,6.0,3.0,0.0,0.0,1,3|null,bob,10.0,4.0,0.0,0.0,0,3", rows(again.out()));
    }

    /** The JSON envelope's rows as "v1,v2,...|..." in column order. */
    private static String rows(String json) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(json).path("rows")) {
            List<String> cells = new ArrayList<>();
            row.forEach(v -> cells.add(v.isNull() ? "null" : v.asText()));
            out.add(String.join(",", cells));
        }
        return String.join("|", out);
    }

    @Test
    void badWindowIsAOneLineError() {
        MainTest.Run r = MainTest.run("scoreboard", "show", "--window", "7d", "--db", temp.resolve("x.db").toString());
        // A bad option value is a usage error: exit 2 (as the reference), the message and the hint.
        assertEquals(2, r.exit());
        assertEquals("hpcusage: unknown window '7d' (known: alltime, 30d, 365d)\nTry 'hpcusage scoreboard show --help'.",
                r.err().strip());
    }
}
