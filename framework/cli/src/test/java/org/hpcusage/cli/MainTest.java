package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line in-process: help, exit codes, global options anywhere, one-line errors. */
class MainTest {
    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jobs sync", "jobs import", "scoreboard show", "scoreboard publish", "scoreboard poll", "scoreboard backfill", "scoreboard probe", "scoreboard bench", "scoreboard doctor", "scoreboard bloom stats", "scoreboard prune", "scoreboard sacct", "scoreboard parse", "scoreboard reduce", "scoreboard discover", "scoreboard tui", "jobs history daily-summary", "jobs history jobs-per-user",
            "jobs history jobs-per-project", "jobs history unique-users", "jobs history unique-projects",
            "jobs records", "jobs generate", "jobs bench", "plugins list", "db info"})
    void everyCommandHasHelpWithAnExample(String command) {
        Run r = run((command + " --help").split(" "));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Examples:"), r.out());
        assertTrue(r.out().contains("hpcusage " + command), r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Run badDate = run("jobs", "sync", "--start", "2026-1-1");
        assertEquals(2, badDate.exit());
        assertTrue(badDate.err().startsWith("hpcusage: --start must be in YYYY-MM-DD format"), badDate.err());
        Run modes = run("jobs", "sync", "--upsert", "--incremental");
        assertEquals(2, modes.exit());
        assertTrue(modes.err().contains("mutually exclusive"), modes.err());
        Run format = run("--format", "xml", "plugins", "list");
        assertEquals(2, format.exit());
        assertTrue(format.err().startsWith("hpcusage: unknown format 'xml'"), format.err());
        Run unknown = run("jobs", "frobnicate");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown command"), unknown.err());
    }

    @Test
    void theHintNamesTheCommandThatSawTheMistake() {
        // An unknown word: the group's help lists what it takes.
        Run report = run("jobs", "resource", "nope");
        assertEquals(2, report.exit());
        assertTrue(report.err().endsWith("Try 'hpcusage jobs resource --help'.\n"), report.err());
        // A bad option of a leaf: its own help, without the positional arguments typed after it.
        Run records = run("jobs", "records", "1000004", "--no-such-option");
        assertEquals(2, records.exit());
        assertTrue(records.err().endsWith("Try 'hpcusage jobs records --help'.\n"), records.err());
    }

    @Test
    void unknownMachineIsOneLineAndExitOne() {
        Run r = run("jobs", "history", "unique-users", "-m", "nosuch", "--db", temp.resolve("x.db").toString());
        assertEquals(1, r.exit());
        assertEquals("hpcusage: unknown machine 'nosuch' (known: derecho, casper)", r.err().strip());
    }

    @Test
    void syncThenReportsWithGlobalOptionsAnywhere() throws IOException {
        Path logs = handMadeLogs();
        String db = temp.resolve("jobs.db").toString();
        Run sync = run("--debug", "jobs", "sync", "-m", "derecho", "-l", logs.toString(), "--start", "2026-01-01", "--end", "2026-01-02", "--db", db);
        assertEquals(0, sync.exit(), sync.err());
        assertTrue(sync.out().contains("Inserted: 5"), sync.out());
        // The malformed lines are reported as file:line: reason on stderr.
        assertTrue(sync.err().contains("20260101:4: "), sync.err());

        Run json = run("--debug", "--db", db, "jobs", "history", "unique-users", "--format", "json", "-m", "derecho", "--group-by", "month");
        assertEquals(0, json.exit(), json.err());
        // alice, bob, carol on Jan 1 and dave on Jan 2: 4 users in January (machine-local days).
        assertTrue(json.out().contains("\"period\": \"2026-01\"") && json.out().contains("\"user_count\": 4"), json.out());

        Run perUser = run("--debug", "jobs", "history", "jobs-per-user", "-m", "derecho", "--db", db, "--format", "json");
        assertEquals(0, perUser.exit(), perUser.err());
        // carol's job ends on Jan 2 in UTC but Jan 1 in Denver: it is labelled 2026-01-01.
        assertTrue(perUser.out().contains("{\n      \"period\": \"2026-01-01\",\n      \"user\": \"carol\",\n      \"job_count\": 1\n    }"), perUser.out());

        Run records = run("--debug", "jobs", "records", "-m", "derecho", "--db", db, "1000004");
        assertEquals(0, records.exit(), records.err());
        assertEquals(Files.readAllLines(logs.resolve("20260101")).get(6), records.out().strip());
    }

    private Path handMadeLogs() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("logs"));
        for (String day : new String[] {"20260101", "20260102"}) {
            try (var in = MainTest.class.getResourceAsStream("/pbs/derecho/" + day)) {
                Files.copy(in, dir.resolve(day));
            }
        }
        return dir;
    }
}
