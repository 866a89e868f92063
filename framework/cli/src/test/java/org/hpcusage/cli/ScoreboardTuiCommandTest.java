package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scoreboard tui --snapshot} on a real SQLite store: one plain frame on stdout, exit 0. */
class ScoreboardTuiCommandTest {
    @TempDir
    Path temp;

    // alice 3 jobs of 2 CPUs x 1 h = 6 clock hours; bob 3 jobs of 4 CPUs x 1 h = 12
    private static final String DUMP = "JobID|User|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|AllocTRES|Submit|Start|End\n"
            + "1|alice|COMPLETED|3600|2|1|1G|cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n"
            + "2|alice|COMPLETED|3600|2|1|1G|cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n"
            + "3|alice|COMPLETED|3600|2|1|1G|cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n"
            + "4|bob|COMPLETED|3600|4|1|1G|cpu=4|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n"
            + "5|bob|COMPLETED|3600|4|1|1G|cpu=4|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n"
            + "6|bob|COMPLETED|3600|4|1|1G|cpu=4|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00\n";

    @Test
    void printsOnePlainFrame() throws Exception {
        String db = temp.resolve("jobs.db").toString();
        Path f = Files.writeString(temp.resolve("hammer.txt"), DUMP);
        assertEquals(0, MainTest.run("jobs", "import", "-m", "hammer", "--scheduler", "slurm", f.toString(), "--db", db).exit());

        MainTest.Run snap = MainTest.run("scoreboard", "tui", "--snapshot", "--width", "120", "--height", "9", "--db", db);
        assertEquals(0, snap.exit(), snap.err());
        assertFalse(snap.out().contains("\u001b"), "escape codes in a snapshot");
        List<String> lines = snap.out().lines().toList();
        assertEquals(9, lines.size());
        assertEquals("Cluster:ALL  Window:alltime  Metric:clock_hours  Sort:desc  Filter:-", lines.get(1));
        // user padded to 18, one blank, clock_hours right-aligned in 11, one blank, elapsed_hours in 13
        assertTrue(lines.get(4).startsWith("   1 bob" + " ".repeat(15 + 1 + 9) + "12" + " ".repeat(1 + 12) + "3"), snap.out());
        assertTrue(lines.get(5).startsWith("   2 alice" + " ".repeat(13 + 1 + 10) + "6" + " ".repeat(1 + 12) + "3"), snap.out());
        assertEquals("2 users", lines.get(7));

        MainTest.Run filtered = MainTest.run("scoreboard", "tui", "--snapshot", "--height", "9", "--filter", "ALI", "--sort-asc",
                "--cluster", "hammer", "--db", db);
        assertEquals(0, filtered.exit(), filtered.err());
        assertTrue(filtered.out().contains("Cluster:hammer  Window:alltime  Metric:clock_hours  Sort:asc  Filter:ALI"), filtered.out());
        assertTrue(filtered.out().contains("   2 alice") && !filtered.out().contains("bob"), filtered.out());

        MainTest.Run bad = MainTest.run("scoreboard", "tui", "--snapshot", "--cluster", "nowhere", "--db", db);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--cluster nowhere: not in the store (known: ALL, hammer)"), bad.err());
        MainTest.Run window = MainTest.run("scoreboard", "tui", "--snapshot", "--window", "7d", "--db", db);
        assertEquals(2, window.exit()); // the reference: "Unsupported window", exit 2
        assertTrue(window.err().contains("unknown window '7d' (known: alltime, 30d, 365d)"), window.err());
    }

    /**
     * A reader without the store (the reference's TUI reads only the published JSON) gets the
     * published boards, the same rows the store gives, and the store file is not created.
     */
    @Test
    void readsThePublishedBoardsWithoutAStore() throws Exception {
        String db = temp.resolve("jobs.db").toString();
        Path root = temp.resolve("sb");
        Path f = Files.writeString(temp.resolve("hammer.txt"), DUMP);
        assertEquals(0, MainTest.run("jobs", "import", "-m", "hammer", "--scheduler", "slurm", f.toString(), "--db", db).exit());
        MainTest.Run pub = MainTest.run("scoreboard", "publish", "--root", root.toString(), "--db", db);
        assertEquals(0, pub.exit(), pub.err());

        Path missing = temp.resolve("elsewhere").resolve("jobs.db");
        MainTest.Run snap = MainTest.run("scoreboard", "tui", "--snapshot", "--width", "120", "--height", "9",
                "--root", root.toString(), "--db", missing.toString());
        assertEquals(0, snap.exit(), snap.err());
        List<String> lines = snap.out().lines().toList();
        assertEquals("Cluster:ALL  Window:alltime  Metric:clock_hours  Sort:desc  Filter:-", lines.get(1));
        assertTrue(lines.get(4).startsWith("   1 bob" + " ".repeat(15 + 1 + 9) + "12" + " ".repeat(1 + 12) + "3"), snap.out());
        assertTrue(lines.get(5).startsWith("   2 alice" + " ".repeat(13 + 1 + 10) + "6" + " ".repeat(1 + 12) + "3"), snap.out());
        assertTrue(lines.get(7).matches("2 users  \\(published boards as of \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)"),
                lines.get(7));
        assertFalse(Files.exists(missing), "the TUI created a store");

        // With the store there, a snapshot is the store's (exact and current), not the published one.
        MainTest.Run store = MainTest.run("scoreboard", "tui", "--snapshot", "--height", "9", "--root", root.toString(), "--db", db);
        assertEquals("2 users", store.out().lines().toList().get(7), store.out());

        // A metric whose file is gone is zero and unranked for everyone (the reference showed the
        // clock-hours board under its name, D14); the other metrics still show.
        Files.delete(root.resolve("leaderboards").resolve("alltime_elapsed_hours.json"));
        MainTest.Run gone = MainTest.run("scoreboard", "tui", "--snapshot", "--height", "9", "--metric", "elapsed_hours",
                "--root", root.toString(), "--db", missing.toString());
        assertEquals(0, gone.exit(), gone.err());
        List<String> rows = gone.out().lines().toList();
        assertTrue(rows.get(4).startsWith("     alice" + " ".repeat(13 + 1 + 10) + "6" + " ".repeat(1 + 12) + "0"), gone.out());
        assertTrue(rows.get(5).startsWith("     bob" + " ".repeat(15 + 1 + 9) + "12" + " ".repeat(1 + 12) + "0"), gone.out());
    }
}
