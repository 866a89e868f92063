package org.hpcusage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hpcusage fs ...} in-process, with the gpfs plugin on the class path. */
class FsCommandsTest {
    @TempDir
    Path temp;

    private static final String LINE = "<0> %d 1 0 s=%d a=%d u=%d g=%d m=FAu p=%s ac=%s mt=2026-01-15 10:00:00 nl=1 -- %s%n";

    /** The reference sample's shape (§2.5), written out here: 3 directories and 5 files. */
    private Path sample() throws Exception {
        StringBuilder sb = new StringBuilder("[I] GPFS Test Data\n");
        sb.append(String.format(LINE, 100, 0, 8, 1000, 1000, "drwxr-xr-x", "2026-01-15 10:00:00", "/gpfs/test"));
        sb.append(String.format(LINE, 101, 0, 8, 1000, 1000, "drwxr-xr-x", "2026-01-15 10:00:00", "/gpfs/test/user1"));
        sb.append(String.format(LINE, 102, 0, 8, 2000, 2000, "drwxr-xr-x", "2026-01-15 10:00:00", "/gpfs/test/user2"));
        sb.append(String.format(LINE, 200, 1024, 8, 1000, 1000, "-rw-r--r--", "2025-12-01 10:00:00", "/gpfs/test/user1/recent.txt"));
        sb.append(String.format(LINE, 201, 10240, 16, 1000, 1000, "-rw-r--r--", "2025-06-01 10:00:00", "/gpfs/test/user1/medium.txt"));
        sb.append(String.format(LINE, 202, 1048576, 1032, 1000, 1000, "-rw-r--r--", "2024-01-01 10:00:00", "/gpfs/test/user1/old.dat"));
        sb.append(String.format(LINE, 300, 512, 8, 2000, 2000, "-rw-r--r--", "2025-11-15 10:00:00", "/gpfs/test/user2/small.txt"));
        sb.append(String.format(LINE, 301, 524288, 520, 2000, 2000, "-rw-r--r--", "2023-01-01 10:00:00", "/gpfs/test/user2/big.dat"));
        Path file = temp.resolve("20260115_test_minimal.list.list_all.log");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fs import", "fs scan", "fs query", "fs analyze", "fs consolidate", "fs generate", "fs bench"})
    void everyFsCommandHasHelpWithAnExample(String command) {
        MainTest.Run r = MainTest.run((command + " --help").split(" "));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Examples:") && r.out().contains("hpcusage " + command), r.out());
    }

    @Test
    void importThenQueryAndAnalyzeGiveTheReferenceAnswers() throws Exception {
        Path data = temp.resolve("data");
        MainTest.Run imported = MainTest.run("fs", "import", sample().toString(), "--data-dir", data.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(Files.isRegularFile(data.resolve("minimal.db")), imported.out());

        // §6.7: the default --min-size 1GiB finds nothing on the sample
        MainTest.Run none = MainTest.run("fs", "query", "--data-dir", data.toString());
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().contains("No directories found matching criteria."), none.out());

        // §6.7 TSV, byte for byte
        Path tsv = temp.resolve("out.tsv");
        MainTest.Run written = MainTest.run("fs", "query", "--data-dir", data.toString(), "--min-size", "0", "-o", tsv.toString(),
                "--dir-counts");
        assertEquals(0, written.exit(), written.err());
        assertEquals(List.of(
                "directory\tdepth\ttotal_size_r\ttotal_size_nr\tfile_count_r\tfile_count_nr\tdir_count_r\tdir_count_nr\tmax_atime_r\tmax_atime_nr\towner_uid",
                "/test\t2\t1622016\t0\t5\t0\t2\t2\t2025-12-01\tN/A\tNone",
                "/test/user1\t3\t1081344\t1081344\t3\t3\t0\t0\t2025-12-01\t2025-12-01\t1000",
                "/test/user2\t3\t540672\t540672\t2\t2\t0\t0\t2025-11-15\t2025-11-15\t2000"), Files.readAllLines(tsv));

        // §6.7: -P with the on-disk path, JSON row of /test/user1
        MainTest.Run json = MainTest.run("fs", "query", "minimal", "--data-dir", data.toString(), "--min-size", "0",
                "-P", "/gpfs/test/user1", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        assertTrue(json.out().contains("\"path\": \"/test/user1\""), json.out());
        assertTrue(json.out().contains("\"max_atime_nr\": \"2025-12-01 10:00:00\""), json.out());
        assertEquals(1, json.out().split("\"dir_id\"").length - 1, json.out());

        // §6.7 group-by group in JSON: (1000, 1081344, 3, 1), (2000, 540672, 2, 1)
        MainTest.Run groups = MainTest.run("fs", "query", "--data-dir", data.toString(), "--group-by", "group", "--format", "json");
        assertEquals(0, groups.exit(), groups.err());
        String compact = groups.out().replaceAll("\\s+", "");
        assertTrue(compact.contains("{\"owner_gid\":1000,\"total_size\":1081344,\"total_files\":3,\"directory_count\":1,"
                + "\"filesystem\":\"minimal\"},{\"owner_gid\":2000,\"total_size\":540672,\"total_files\":2,"
                + "\"directory_count\":1,\"filesystem\":\"minimal\"}"), groups.out());

        // §6.7 analyze --access-history: 2-3 Years holds 1.0 MiB = 65.15 % of the data
        MainTest.Run access = MainTest.run("fs", "analyze", "--data-dir", data.toString(), "--access-history");
        assertEquals(0, access.exit(), access.err());
        assertTrue(access.out().contains("2-3 Years                   1.0 MiB (65.15%)"), access.out());
        assertTrue(access.out().contains("Directory: /minimal"), access.out());
        // slow path under /test: everything in 1-3 Months (newest file per directory)
        MainTest.Run scoped = MainTest.run("fs", "analyze", "--data-dir", data.toString(), "--access-history", "-P", "/test");
        assertTrue(scoped.out().contains("1-3 Months                  1.5 MiB (100.00%)"), scoped.out());
    }

    @Test
    void unknownFormatsAndMissingFilesAreOneLineErrors() throws Exception {
        Path junk = temp.resolve("20260115_x_y.txt");
        Files.writeString(junk, "hello\n");
        MainTest.Run auto = MainTest.run("fs", "import", junk.toString(), "--data-dir", temp.toString());
        assertEquals(2, auto.exit());
        assertTrue(auto.err().startsWith("hpcusage: cannot tell the scan format of 20260115_x_y.txt (available: gpfs, lustre, posix"), auto.err());
        MainTest.Run named = MainTest.run("fs", "import", junk.toString(), "-F", "posix2");
        assertEquals(2, named.exit());
        assertTrue(named.err().startsWith("hpcusage: unknown scan format 'posix2'"), named.err());
        MainTest.Run missing = MainTest.run("fs", "import", temp.resolve("nope.log").toString());
        assertEquals(1, missing.exit());
        assertEquals(1, missing.err().lines().count(), missing.err());
        MainTest.Run noDb = MainTest.run("fs", "query", "asp", "--data-dir", temp.toString());
        assertEquals(1, noDb.exit());
        assertTrue(noDb.err().startsWith("hpcusage: Database not found: "), noDb.err());
        MainTest.Run noPg = MainTest.run("fs", "consolidate", "--all", "--data-dir", temp.toString());
        assertEquals(2, noPg.exit());
        assertTrue(noPg.err().startsWith("hpcusage: consolidate loads into PostgreSQL"), noPg.err());
        MainTest.Run badSize = MainTest.run("fs", "query", "--min-size", "100XB", "--data-dir", temp.toString());
        assertEquals(2, badSize.exit());
        assertTrue(badSize.err().startsWith("hpcusage: Invalid value: Invalid size: 100XB"), badSize.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpfs", "lustre"})
    void generatedScansRoundTripThroughAutoDetection(String format) throws Exception {
        Path scan = temp.resolve("20260115_gen_roundtrip." + format);
        MainTest.Run gen = MainTest.run("fs", "generate", "-F", format, "--lines", "3000", "-o", scan.toString());
        assertEquals(0, gen.exit(), gen.err());
        long lines = Files.lines(scan).count();
        long dirs = Files.lines(scan).filter(l -> l.contains(" p=drwx") || l.contains(" type=d ")).count();
        MainTest.Run imported = MainTest.run("--format", "json", "fs", "import", scan.toString(), "--data-dir", temp.toString());
        assertEquals(0, imported.exit(), imported.err());
        // every generated line is an entry; every file's directory is in the scan
        assertTrue(imported.out().contains(String.format("%,d directories, %,d files", dirs, lines - dirs)), imported.out());
        assertTrue(imported.out().contains("rejected 0, files whose directory is not in the scan 0"), imported.out());
        MainTest.Run summary = MainTest.run("fs", "query", "roundtrip", "--summary", "--data-dir", temp.toString());
        assertTrue(summary.out().contains(String.format("Total directories: %,d", dirs)), summary.out());
        assertTrue(summary.out().contains(String.format("Total files (root): %,d", lines - dirs)), summary.out());
    }

    @Test
    void scanWalksATreeIntoItsStore() throws Exception {
        Path root = Files.createDirectories(temp.resolve("proj/sub dir"));
        Files.write(root.resolve("a.dat"), new byte[5000]); // 5000 B → 8192 allocated (4 KiB blocks)
        Files.write(root.getParent().resolve("b.txt"), new byte[10]);
        Path data = temp.resolve("data");
        MainTest.Run scanned = MainTest.run("fs", "scan", temp.resolve("proj").toString(), "--data-dir", data.toString(), "-w", "2",
                "--source", "posix");
        assertEquals(0, scanned.exit(), scanned.err());
        assertTrue(scanned.out().contains("(walker posix)"), scanned.out());
        assertTrue(scanned.out().contains("collection proj: 2 directories, 2 files, 0 unreadable"), scanned.out());
        Path tsv = temp.resolve("proj.tsv");
        MainTest.Run q = MainTest.run("fs", "query", "proj", "--data-dir", data.toString(), "--min-size", "0", "-o", tsv.toString());
        assertEquals(0, q.exit(), q.err());
        List<String> rows = Files.readAllLines(tsv);
        // /proj: own b.txt (4096 allocated) + sub dir's 8192
        assertTrue(rows.get(1).startsWith("/proj\t" + temp.resolve("proj").getNameCount() + "\t12288\t4096\t2\t1\t"), rows.get(1));
        assertTrue(rows.get(2).startsWith("/proj/sub dir\t"), rows.get(2));
    }

    @Test
    void scanUsesGnuFindWhenItIsThere() throws Exception {
        Path root = Files.createDirectories(temp.resolve("proj/sub dir/deeper"));
        Files.write(root.resolve("a.dat"), new byte[5000]);
        Files.write(root.getParent().resolve("b.txt"), new byte[10]);
        Files.write(temp.resolve("proj/c\nd.txt"), new byte[1]); // a newline in a name: NUL-ended records keep it whole
        Path data = temp.resolve("data");
        for (String workers : List.of("1", "3")) {
            MainTest.Run scanned = MainTest.run("fs", "scan", temp.resolve("proj").toString(), "--data-dir", data.toString(),
                    "-w", workers);
            assertEquals(0, scanned.exit(), scanned.err());
            org.junit.jupiter.api.Assumptions.assumeTrue(scanned.out().contains("(walker find)"), "no GNU find; skipped");
            assertTrue(scanned.out().contains("collection proj: 3 directories, 3 files, 0 unreadable"), scanned.out());
        }
    }

    @Test
    void postgresStoresAnswerLikeSqliteOnes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.hpcusage.testkit.db.TestingDatabase.postgresAvailable(),
                "no PostgreSQL server; skipped");
        try (org.hpcusage.testkit.db.TestingDatabase pg = org.hpcusage.testkit.db.TestingDatabase.postgres()) {
            Path scan = sample();
            Path data = temp.resolve("data");
            assertEquals(0, MainTest.run("fs", "import", scan.toString(), "--data-dir", data.toString()).exit());
            MainTest.Run direct = MainTest.run("fs", "import", scan.toString(), "--db", pg.jdbcUrl());
            assertEquals(0, direct.exit(), direct.err());
            Path fromSqlite = temp.resolve("sqlite.tsv");
            Path fromPg = temp.resolve("pg.tsv");
            assertEquals(0, MainTest.run("fs", "query", "--data-dir", data.toString(), "--min-size", "0", "-o", fromSqlite.toString()).exit());
            MainTest.Run q = MainTest.run("fs", "query", "--db", pg.jdbcUrl(), "--min-size", "0", "-o", fromPg.toString());
            assertEquals(0, q.exit(), q.err());
            assertEquals(Files.readAllLines(fromSqlite), Files.readAllLines(fromPg));
            // consolidate the SQLite store over the direct import: same answers again
            MainTest.Run c = MainTest.run("fs", "consolidate", "minimal", "--data-dir", data.toString(), "--db", pg.jdbcUrl());
            assertEquals(0, c.exit(), c.out() + c.err());
            assertTrue(c.out().contains("copied 3 rows -> directories"), c.out());
            MainTest.Run a = MainTest.run("fs", "analyze", "minimal", "--db", pg.jdbcUrl(), "--access-history");
            assertTrue(a.out().contains("2-3 Years                   1.0 MiB (65.15%)"), a.out());
        }
    }
}
