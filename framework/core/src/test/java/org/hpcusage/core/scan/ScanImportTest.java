package org.hpcusage.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.plugin.gpfs.GpfsPolicyScanParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference's golden numbers (fs-scans §12) and hand-made edge cases (§12.1, with §14 fixed). */
class ScanImportTest {

    @TempDir
    Path dir;

    private final List<String> rejects = new ArrayList<>();

    private ScanImporter.Result importFile(Path file, Path db) throws IOException {
        return new ScanImporter().importFile(file, new GpfsPolicyScanParser(), ScanNaming.collection(file.getFileName().toString()),
                DatabaseTarget.sqlite(db), ZoneOffset.UTC, HostAccounts.none(), rejects::add);
    }

    static List<String> rows(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
                out.add(String.join("|", cells));
            }
            return out;
        }
    }

    static Path sharedData() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null) {
            Path candidate = d.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            d = d.getParent();
        }
        return Path.of("../shared/data");
    }

    @Test
    void sampleGivesTheReferenceGoldenNumbers() throws Exception {
        Path sample = sharedData().resolve("gpfs/20260115_test_minimal.list.list_all.log");
        Assumptions.assumeTrue(Files.isRegularFile(sample), "shared sample not found at " + sample + "; skipped");
        Path db = dir.resolve("minimal.db");
        ScanImporter.Result result = importFile(sample, db);
        assertEquals("minimal", result.collection());
        assertEquals(List.of(), rejects, "the [I] header is skipped, not rejected");
        assertEquals(3, result.directories());
        assertEquals(5, result.files());
        // §12 directories
        assertEquals(List.of("0|null|test|2", "1|0|user1|3", "2|0|user2|3"),
                rows(db, "SELECT dir_id, parent_id, name, depth FROM directories ORDER BY dir_id"));
        // §12 directory_stats; max_atime_r of /test: newest of its subtree
        assertEquals(List.of(
                "0|0|0|2|null|5|1622016|2|2025-12-01 10:00:00|null|null|0|null",
                "1|3|1081344|0|2025-12-01 10:00:00|3|1081344|0|2025-12-01 10:00:00|1000|1000|0|1",
                "2|2|540672|0|2025-11-15 10:00:00|2|540672|0|2025-11-15 10:00:00|2000|2000|0|2"),
                rows(db, "SELECT dir_id, file_count_nr, total_size_nr, dir_count_nr, max_atime_nr, file_count_r, total_size_r,"
                        + " dir_count_r, max_atime_r, owner_uid, owner_gid, anc_d1, anc_d2 FROM directory_stats ORDER BY dir_id"));
        assertEquals(List.of("0"), rows(db, "SELECT COUNT(*) FROM directory_stats WHERE COALESCE(anc_d3, anc_d4, anc_d5,"
                + " anc_d6, anc_d7, anc_d8, anc_d9) IS NOT NULL"));
        assertEquals(List.of("1000|1|1|8192", "1000|3|1|16384", "1000|5|1|1056768", "2000|1|1|8192", "2000|6|1|532480"),
                rows(db, "SELECT * FROM access_histogram ORDER BY owner_uid, bucket_index"));
        assertEquals(List.of("1000|1|1|8192", "1000|2|1|16384", "1000|4|1|1056768", "2000|1|1|8192", "2000|3|1|532480"),
                rows(db, "SELECT * FROM size_histogram ORDER BY owner_uid, bucket_index"));
        assertEquals(List.of("1000|1081344|3|1", "2000|540672|2|1"), rows(db, "SELECT * FROM owner_summary ORDER BY 1"));
        assertEquals(List.of("1000|1081344|3|1", "2000|540672|2|1"), rows(db, "SELECT * FROM group_summary ORDER BY 1"));
        assertEquals(List.of("1|20260115_test_minimal.list.list_all.log|2026-01-15 00:00:00|minimal|3|5|1622016"),
                rows(db, "SELECT scan_id, source_file, scan_timestamp, filesystem, total_directories, total_files, total_size"
                        + " FROM scan_metadata"));
        // §5.3 invariant: every file's parent is listed
        assertEquals(List.of("5|5|5"), rows(db, "SELECT (SELECT SUM(file_count) FROM access_histogram),"
                + " (SELECT SUM(file_count) FROM size_histogram), (SELECT SUM(file_count_nr) FROM directory_stats)"));
        assertEquals(List.of(), Files.list(dir).filter(p -> p.toString().endsWith(".building")).toList(), "nothing left aside");
    }

    /** §12.1's edge-case file, written here by hand; expectations with D2 and D3 fixed. */
    static String quirkFile() {
        String t = " ac=2026-01-01 00:00:00 mt=2026-01-01 00:00:00 cr=2026-01-01 00:00:00 nl=1 -- ";
        StringBuilder sb = new StringBuilder();
        Object[][] lines = {
                {10, 4096, 4, 0, "drwxr-xr-x", "/fs/root"},
                {11, 4096, 4, 0, "drwxr-xr-x", "/fs/root/emptyparent"},
                {12, 4096, 4, 0, "drwxr-xr-x", "/fs/root/emptyparent/emptychild"},
                {13, 4096, 4, 5, "drwxr-xr-x", "/fs/root/p"},
                {14, 4096, 4, 3, "drwxr-xr-x", "/fs/root/p/c3"},
                {15, 4096, 4, 5, "drwxr-xr-x", "/fs/root/p/c5"},
                {20, 100, 0, 5, "-rw-r--r--", "/fs/root/p/f"},
                {21, 100, 0, 3, "-rw-r--r--", "/fs/root/p/c3/f"},
                {22, 100, 0, 5, "-rw-r--r--", "/fs/root/p/c5/f"},
                {23, 5000, 0, 7, "-rw-r--r--", "/fs/root/nodir/orphan"},
                {24, 100, 0, 5, "lrwxrwxrwx", "/fs/root/link -- x y"},
                {25, 100, 1, 5, "-rw-r--r--", "/fs/root/has space.txt"}};
        for (Object[] l : lines) {
            sb.append("<1> ").append(l[0]).append(" 0 0 s=").append(l[1]).append(" a=").append(l[2]).append(" u=").append(l[3])
                    .append(" g=").append(l[3]).append(" m=FAu p=").append(l[4]).append(t).append(l[5]).append('\n');
        }
        sb.append("garbage line\n");
        return sb.toString();
    }

    @Test
    void edgeCasesAreCountedExactly() throws Exception {
        Path file = dir.resolve("20260115_srv_quirk.list.list_all.log");
        Files.writeString(file, quirkFile(), StandardCharsets.UTF_8);
        Path db = dir.resolve("quirk.db");
        ScanImporter.Result result = importFile(file, db);
        assertEquals(List.of("20260115_srv_quirk.list.list_all.log:13: not a LIST line (expected <N> at the start)"), rejects);
        assertEquals(1, result.rejected());
        assertEquals(1, result.orphanFiles(), "/fs/root/nodir/orphan: its parent is not listed");
        // ids: depth, then file order — root 0, emptyparent 1, p 2, emptychild 3, c3 4, c5 5
        assertEquals(List.of("0|null|root", "1|0|emptyparent", "2|0|p", "3|1|emptychild", "4|2|c3", "5|2|c5"),
                rows(db, "SELECT dir_id, parent_id, name FROM directories ORDER BY dir_id"));
        // root: own files = the symlink (100 B, inode-resident) and 'has space.txt' (a=1 → 1024 B)
        //       → 2 files, 1124 B; subtree adds p/f, c3/f, c5/f (100 B each) → 5 files, 1424 B;
        //       5 descendant dirs. Owner: files of uid 5 and uid 3 → NULL (the reference keeps 5: D2).
        // p: 1 own file (100 B), subtree 3 files 300 B, owners {5, 3, 5} → NULL (reference: 5).
        // emptyparent: no file anywhere below → max_atime_r NULL (reference: integer 0, D3), owner -1.
        assertEquals(List.of(
                "0|2|1124|2|2026-01-01 00:00:00|5|1424|5|2026-01-01 00:00:00|null|null",
                "1|0|0|1|null|0|0|1|null|-1|-1",
                "2|1|100|2|2026-01-01 00:00:00|3|300|2|2026-01-01 00:00:00|null|null",
                "3|0|0|0|null|0|0|0|null|-1|-1",
                "4|1|100|0|2026-01-01 00:00:00|1|100|0|2026-01-01 00:00:00|3|3",
                "5|1|100|0|2026-01-01 00:00:00|1|100|0|2026-01-01 00:00:00|5|5"),
                rows(db, "SELECT dir_id, file_count_nr, total_size_nr, dir_count_nr, max_atime_nr, file_count_r, total_size_r,"
                        + " dir_count_r, max_atime_r, owner_uid, owner_gid FROM directory_stats ORDER BY dir_id"));
        // ancestors: levels relative to root (depth 2): emptychild (level 3) = [0, 1, 3]
        assertEquals(List.of("0|null|null", "0|1|null", "0|2|null", "0|1|3", "0|2|4", "0|2|5"),
                rows(db, "SELECT anc_d1, anc_d2, anc_d3 FROM directory_stats ORDER BY dir_id"));
        // histograms per file uid, every file (the orphan too: s=5000 with a=0 → 0 bytes);
        // all atimes 14 days before the scan date → access bucket 0
        assertEquals(List.of("3|0|1|100", "5|0|4|1324", "7|0|1|0"),
                rows(db, "SELECT * FROM access_histogram ORDER BY owner_uid, bucket_index"));
        assertEquals(List.of("3|0|1|100", "5|0|3|300", "5|1|1|1024", "7|0|1|0"),
                rows(db, "SELECT * FROM size_histogram ORDER BY owner_uid, bucket_index"));
        // only single-owner subtrees are credited: c3 (uid 3) and c5 (uid 5); the reference, with
        // D2, also credits root and p to uid 5: (5, 1324, 4, 3)
        assertEquals(List.of("3|100|1|1", "5|100|1|1"), rows(db, "SELECT * FROM owner_summary ORDER BY 1"));
        assertEquals(List.of("6|5|1424|1|1"), rows(db, "SELECT total_directories, total_files, total_size, rejected_lines,"
                + " orphan_files FROM scan_metadata"));
    }

    @Test
    void ownersStaySingleAcrossAnyOrderOfLines() throws Exception {
        // D1: the reference loses a single owner when a later batch brings only sub-directories.
        // Here the order of lines cannot matter: files first, then directories, reversed.
        List<String> lines = new ArrayList<>(Arrays.asList(quirkFile().split("\n")));
        java.util.Collections.reverse(lines);
        Path file = dir.resolve("20260115_srv_quirk.list.list_all.log");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Path db = dir.resolve("quirk.db");
        importFile(file, db);
        assertEquals(List.of("/fs/root/p/c3|3", "/fs/root/p/c5|5", "/fs/root/p|null"),
                rows(db, "SELECT '/fs/root/p' || CASE d.name WHEN 'p' THEN '' ELSE '/' || d.name END, s.owner_uid"
                        + " FROM directories d JOIN directory_stats s USING (dir_id) WHERE d.name IN ('p', 'c3', 'c5')"
                        + " ORDER BY d.name"));
    }

    @Test
    void aFailedImportLeavesThePreviousStoreInPlace() throws Exception {
        Path file = dir.resolve("20260115_srv_quirk.list.list_all.log");
        Files.writeString(file, quirkFile(), StandardCharsets.UTF_8);
        Path db = dir.resolve("quirk.db");
        importFile(file, db);
        // A parser that dies half-way (as a killed import would): the old store must survive.
        org.hpcusage.spi.scan.ScanParser dying = new org.hpcusage.spi.scan.ScanParser() {
            public String format() { return "dying"; }
            public boolean recognizes(byte[] head) { return false; }
            public void parse(org.hpcusage.spi.scan.ScanInput input, org.hpcusage.spi.scan.EntrySink sink) throws IOException {
                sink.accept(new org.hpcusage.spi.scan.FileEntry("/x", 1, 1, 1, 1, true, 0));
                throw new IOException("disk gone");
            }
        };
        try {
            new ScanImporter().importFile(file, dying, "quirk", DatabaseTarget.sqlite(db), ZoneOffset.UTC, HostAccounts.none(), rejects::add);
        } catch (IOException expected) {
            assertEquals("disk gone", expected.getMessage());
        }
        assertEquals(List.of("6"), rows(db, "SELECT total_directories FROM scan_metadata"));
        // and a stale aside file from a killed run is replaced, not trusted
        Files.writeString(dir.resolve("quirk.db.building"), "junk");
        importFile(file, db);
        assertFalse(Files.exists(dir.resolve("quirk.db.building")));
        assertTrue(rows(db, "SELECT COUNT(*) FROM directories").contains("6"));
    }

    @Test
    void lustreEdgeFileAsTheReferenceCountsIt() throws Exception {
        // reference §12.1 Lustre edge file (TZ=UTC): symlink and upper-case FID lines are left out
        String text = """
                # lfs scan of /lustre/desc1/demo
                0x200000007:0x1:0x0 s=4096 b=8 u=16093 g=4801 p= type=d perm=0755 a=1708547000 m=1 c=1 -- /lustre/desc1/demo
                0x200000007:0x2:0x0 s=4096 b=8 u=16093 g=4801 p= type=d perm=0755 a=1708547000 m=1 c=1 -- /lustre/desc1/demo/sub
                0x28001ff98:0xe66b:0x0 s=51 b=8 u=16093 g=4801 p=1 type=f perm=0755 a=1708547123 m=1 c=1 -- /lustre/desc1/demo/file.txt
                0x28001ff98:0xe66c:0x0 s=159249182720 b=311033880 u=16093 g=4801 p=1 type=f perm=0755 a=1708547467 m=1 c=1 -- /lustre/desc1/demo/sub/data.tar
                0x28001ff98:0xe66d:0x0 s=10 b=0 u=16093 g=4801 p=1 type=l perm=0777 a=1708547467 m=1 c=1 -- /lustre/desc1/demo/link
                0X28001FF98:0XE66E:0X0 s=10 b=8 u=16093 g=4801 p=1 type=f perm=0755 a=1708547467 m=1 c=1 -- /lustre/desc1/demo/upper
                """;
        Path file = dir.resolve("20260204_desc1_demo.lfs-scan");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path db = dir.resolve("demo.db");
        ScanImporter.Result result = new ScanImporter().importFile(file, new org.hpcusage.plugin.lustre.LustreLfsFindScanParser(),
                ScanNaming.collection(file.getFileName().toString()), DatabaseTarget.sqlite(db), ZoneOffset.UTC,
                HostAccounts.none(), rejects::add);
        assertEquals("demo", result.collection());
        assertEquals(1, result.rejected(), "the upper-case FID (the reference skips it silently)");
        // demo: 1 own file of 8 blocks (4096 B); subtree adds 311033880 × 512 = 159249346560 B
        assertEquals(List.of("0|3|1|4096|2|159249350656|16093|4801", "1|4|1|159249346560|1|159249346560|16093|4801"),
                rows(db, "SELECT d.dir_id, d.depth, file_count_nr, total_size_nr, file_count_r, total_size_r, owner_uid, owner_gid"
                        + " FROM directories d JOIN directory_stats s USING (dir_id) ORDER BY d.dir_id"));
        // 2024-02-21 → 2026-02-04 is 714 days: bucket 4 (1-2 Years) for both; sizes: 4096 B → 1, 148 GiB → 9
        assertEquals(List.of("16093|4|2|159249350656"), rows(db, "SELECT * FROM access_histogram"));
        assertEquals(List.of("16093|1|1|4096", "16093|9|1|159249346560"), rows(db, "SELECT * FROM size_histogram ORDER BY 2"));
    }
}
