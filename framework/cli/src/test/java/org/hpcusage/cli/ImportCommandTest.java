package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jobs import} end to end in-process: a sacct dump into a machine the site file does not know. */
class ImportCommandTest {
    @TempDir
    Path temp;

    private static final String DUMP = """
            JobID|User|Account|Partition|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem|MaxRSS|AveRSS|AllocTRES|Submit|Start|End
            1|alice|phys|cpu|COMPLETED|3600|4|1|1Gc|||billing=4,cpu=4|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T01:00:00
            2|bob|chem|cpu|FAILED|7200|2|1|1Gc|||billing=2,cpu=2|2025-07-01T00:00:00|2025-07-01T00:00:00|2025-07-01T02:00:00
            3|bob|chem|cpu|PENDING|0|2|1|1Gc|||cpu=2|2025-07-01T00:00:00|Unknown|Unknown
            """;

    @Test
    void importsADumpAndReportsWorkOnIt() throws IOException {
        Path dump = Files.writeString(temp.resolve("hammer.txt"), DUMP);
        String db = temp.resolve("jobs.db").toString();
        MainTest.Run r = MainTest.run("jobs", "import", "-m", "hammer", "--scheduler", "slurm", dump.toString(), "--db", db);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Inserted: 2"), r.out()); // the pending job is not stored

        MainTest.Run again = MainTest.run("jobs", "import", "-m", "hammer", "--scheduler", "slurm", dump.toString(), "--db", db);
        assertTrue(again.out().contains("Inserted: 0") && again.out().contains("Files skipped: 1"), again.out());

        MainTest.Run users = MainTest.run("jobs", "history", "unique-users", "-m", "hammer", "--db", db, "--format", "json");
        assertEquals(0, users.exit(), users.err());
        assertTrue(users.out().contains("\"user_count\": 2"), users.out());

        MainTest.Run records = MainTest.run("jobs", "records", "-m", "hammer", "--db", db, "2");
        assertEquals(0, records.exit(), records.err());
        assertEquals(DUMP.lines().toList().get(2), records.out().strip()); // bob's row, verbatim

        // The search and aggregation commands also know a machine that is only in the store.
        MainTest.Run search = MainTest.run("jobs", "search", "-m", "hammer", "--db", db);
        assertEquals(0, search.exit(), search.err());
        assertEquals(4, search.out().strip().lines().count(), search.out());   // header, rule, jobs 2 and 1
        assertTrue(search.out().lines().skip(2).allMatch(l -> l.startsWith("2 ") || l.startsWith("1 ")), search.out());
        MainTest.Run unknown = MainTest.run("jobs", "search", "-m", "nosuch", "--db", db);
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("hpcusage: unknown machine 'nosuch'"), unknown.err());
    }

    @Test
    void theFirstTwentyMalformedLinesOfAFileAreShown() throws IOException {
        Path dump = Files.writeString(temp.resolve("bad.txt"), DUMP + "junk\n".repeat(25));
        MainTest.Run r = MainTest.run("jobs", "import", "-m", "hammer", "--scheduler", "slurm", dump.toString(),
                "--db", temp.resolve("jobs.db").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Errors:   25"), r.out());
        assertEquals(21, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(dump + ": 5 more malformed lines not shown"), r.err());
    }

    @Test
    void errorsAreOneLine() {
        String db = temp.resolve("jobs.db").toString();
        MainTest.Run unknown = MainTest.run("jobs", "import", "-m", "hammer", temp.resolve("x").toString(), "--db", db);
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().startsWith("hpcusage: unknown machine 'hammer'"), unknown.err());
        MainTest.Run missing = MainTest.run("jobs", "import", "-m", "hammer", "--scheduler", "slurm",
                temp.resolve("nope.txt").toString(), "--db", db);
        assertEquals(1, missing.exit());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("file not found"), missing.err());
        MainTest.Run noFiles = MainTest.run("jobs", "import", "-m", "hammer", "--db", db);
        assertEquals(2, noFiles.exit());
    }

    /**
     * Real sacct output in its default fields (from a public Snakemake issue: no User, no End):
     * nothing can be stored, each line says why, and the exit code says so too.
     */
    @Test
    void aFileOfWhichNoRecordCanBeReadFails() throws IOException {
        Path dump = Files.writeString(temp.resolve("default-fields.txt"), ""
                + "JobID|JobName|Partition|Account|AllocCPUS|State|ExitCode\n"
                + "2355542|smk-genomics_db2vcf|amilan|csu-general|2|FAILED|1:0\n"
                + "2355542.batch|batch||csu-general|2|FAILED|1:0\n");
        MainTest.Run r = MainTest.run("jobs", "import", "-m", "hammer", "--scheduler", "slurm", dump.toString(),
                "--db", temp.resolve("jobs.db").toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("Inserted: 0") && r.out().contains("Errors:   3"), r.out());
        assertTrue(r.err().contains(dump + ":1: header lacks required field(s) User, End"), r.err());
        assertTrue(r.err().contains("hpcusage: " + dump + ": no record could be read (is --scheduler right?)"), r.err());
        // Not recorded as imported: a second run reads it again instead of skipping it.
        MainTest.Run again = MainTest.run("jobs", "import", "-m", "hammer", "--scheduler", "slurm", dump.toString(),
                "--db", temp.resolve("jobs.db").toString());
        assertEquals(1, again.exit(), again.err());
        assertTrue(again.out().contains("Errors:   3") && !again.out().contains("Files skipped"), again.out());
    }
}
