package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hpcusage.core.report.resource.ResourceReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code jobs resource} end to end in-process on the hand-made jobs of
 * src/test/resources/pbs/resource (see the README there for every job and its hours).
 */
class ResourceCommandTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(ResourceReport.class)
    void everyReportHasHelpWithAnExample(ResourceReport report) {
        MainTest.Run r = MainTest.run("jobs", "resource", report.command(), "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("hpcusage jobs resource " + report.command()), r.out());
        assertEquals(report.periodic(), r.out().contains("--group-by"), r.out());
    }

    @Test
    void aBadReportNameIsAUsageError() {
        MainTest.Run r = MainTest.run("jobs", "resource", "pie-nothing", "--db", temp.resolve("x.db").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("hpcusage: unknown command 'hpcusage jobs resource pie-nothing' (choose from pie-proj-cpu,"),
                r.err());
        MainTest.Run bad = MainTest.run("jobs", "resource", "cpu-job-durations", "--group-by", "week");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("hpcusage: --group-by: invalid period 'week'"), bad.err());
        MainTest.Run date = MainTest.run("jobs", "resource", "pie-user-cpu", "--start-date", "2026-2-1");
        assertEquals(2, date.exit());
        assertTrue(date.err().startsWith("hpcusage: --start-date must be in YYYY-MM-DD format"), date.err());
    }

    @Test
    void allMachinesAsCsvAndReferenceFileNames() throws IOException {
        String db = sync();
        Path out = temp.resolve("reports");

        // -m all, CSV: machine becomes the first column; casper first (name order), then derecho.
        // casper: frank, htc, 1 h x 4 cpus = 4.0; derecho CPU jobs: bob 192.0 (1), alice 128.0 (3).
        MainTest.Run csv = MainTest.run("--db", db, "jobs", "resource", "pie-user-cpu", "-m", "all", "--format", "csv",
                "--output-dir", out.toString());
        assertEquals(0, csv.exit(), csv.err());
        Path csvFile = out.resolve("All_pie_user_cpu_None_None.csv");
        assertEquals("Report saved to " + csvFile.toAbsolutePath(), csv.out().strip());
        assertEquals("machine,label,usage_hours,job_count\r\ncasper,frank,4.0,1\r\nderecho,bob,192.0,1\r\nderecho,alice,128.0,3\r\n",
                Files.readString(csvFile, StandardCharsets.UTF_8));

        // Default format dat, De_ prefix, the dates in the name; Feb 10 (machine-local) holds J1
        // (alice, 1 node, 128 h) and J2 (bob, 2 nodes, 192 h; it ends 05:00 UTC on Feb 11).
        MainTest.Run dat = MainTest.run("--db", db, "jobs", "resource", "cpu-job-sizes", "-m", "derecho",
                "--start-date", "2026-02-10", "--end-date", "2026-02-10", "--output-dir", out.toString());
        assertEquals(0, dat.exit(), dat.err());
        assertEquals(String.join("\n",
                "Nodes               #-Jobs      #-Users     Cr-hrs",
                "1                   1           1           128.0",
                "2                   1           1           192.0", ""),
                Files.readString(out.resolve("De_cpu_job_sizes_2026-02-10_2026-02-10.dat"), StandardCharsets.UTF_8));

        // md and json-file to files named after the report's stem (job-waits -> bycore_job_waits).
        assertEquals(0, MainTest.run("--db", db, "jobs", "resource", "job-waits", "-m", "casper", "--format", "md",
                "--output-dir", out.toString()).exit());
        assertTrue(Files.isRegularFile(out.resolve("Ca_bycore_job_waits_None_None.md")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("All_pie_user_cpu_None_None.csv", "Ca_bycore_job_waits_None_None.md",
                    "De_cpu_job_sizes_2026-02-10_2026-02-10.dat"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void jsonGoesToStdoutWithTheEnvelope() throws IOException {
        String db = sync();
        // usage-history by month through the jobhist-resource style: options after the report.
        MainTest.Run json = MainTest.run("--db", db, "jobs", "resource", "usage-history", "-m", "derecho",
                "--group-by", "month", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        assertTrue(json.out().startsWith("{\n  \"kind\": \"usage_history\",\n  \"machine\": \"derecho\",\n  \"start\": null,\n"
                + "  \"end\": null,\n  \"group_by\": \"month\""), json.out());
        // February: 5 users (alice, bob, carol, dave, erin), 3 CPU jobs with 128 + 192 = 320 CPU hours.
        assertTrue(json.out().contains("\"Date\": \"2026-02\",\n      \"#-Users\": 5,"), json.out());
        assertTrue(json.out().contains("\"#-CPU-Jobs\": 3,\n      \"#-CPU-Hrs\": 320.0,"), json.out());
    }

    private String sync() throws IOException {
        return syncFixture(temp);
    }

    /** Syncs the derecho and casper days of /pbs/resource into {@code temp}/jobs.db; returns its path. */
    static String syncFixture(Path temp) throws IOException {
        String db = temp.resolve("jobs.db").toString();
        for (String machine : List.of("derecho", "casper")) {
            Path dir = Files.createDirectories(temp.resolve("logs").resolve(machine));
            for (String day : List.of("20260210", "20260211", "20260302")) {
                try (var in = ResourceCommandTest.class.getResourceAsStream("/pbs/resource/" + machine + "/" + day)) {
                    if (in != null) {
                        Files.copy(in, dir.resolve(day));
                    }
                }
            }
            MainTest.Run sync = MainTest.run("--db", db, "jobs", "sync", "-m", machine, "-l", dir.toString(),
                    "--start", "2026-02-10", "--end", "2026-03-02");
            assertEquals(0, sync.exit(), sync.err());
        }
        return db;
    }
}
