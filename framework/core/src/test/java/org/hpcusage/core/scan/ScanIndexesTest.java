package org.hpcusage.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.plugin.gpfs.GpfsPolicyScanParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store's reduced index set: rare sort keys build their index on first use (and
 * answer the same either way); the composite scope index matches scopes under an orphan root,
 * whose ancestor columns above it are NULL.
 */
class ScanIndexesTest {

    @TempDir
    Path dir;

    private Path store(String text) throws Exception {
        Path file = dir.resolve("20260115_srv_ix.list");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path db = dir.resolve("ix.db");
        new ScanImporter().importFile(file, new GpfsPolicyScanParser(), "ix", DatabaseTarget.sqlite(db), ZoneOffset.UTC,
                HostAccounts.none(), r -> { });
        return db;
    }

    /** The deep tree plus an orphan root /fs/other/deep/x (its parent is not listed) with two levels below. */
    static String treeWithOrphanRoot() {
        String line = "<0> 1 1 0 s=%d a=%d u=%d g=%d p=%s ac=2025-06-01 00:00:00 -- %s%n";
        StringBuilder sb = new StringBuilder(ScanQueriesTest.deepTree());
        String x = "/fs/other/deep/x";
        for (String d : List.of(x, x + "/y", x + "/y/z", x + "/w")) {
            sb.append(String.format(line, 0, 4, 0, 0, "drwxr-xr-x", d));
            for (int f = 0; f < 3; f++) {
                sb.append(String.format(line, 100 * f, 4 * (f + 1), 7 + f % 2, 7, "-rw-r--r--", d + "/f" + f));
            }
        }
        return sb.toString();
    }

    private static DirectoryQuery listing(String sort, List<String> scope, Long owner) {
        return new DirectoryQuery(null, null, false, owner, null, scope, List.of(), 10, sort, null, null, false, false,
                List.of(), false, 0L, null, null, null, null, null);
    }

    @Test
    void rareSortKeysBuildTheirIndexOnceAndAnswerAsAScan() throws Exception {
        Path db = store(treeWithOrphanRoot());
        assertEquals(List.of(), ScanImportTest.rows(db, "SELECT name FROM sqlite_master WHERE name IN ('ix_stats_dir_count_nr',"
                + " 'ix_stats_total_size_nr', 'ix_stats_owner_files')"), "not built by the import");
        try (ScanReader r = ScanReader.sqlite(db, "ix")) {
            ScanQueries fast = new ScanQueries(r);
            ScanQueries walk = new ScanQueries(r, true); // never builds an index: a plain scan and sort
            for (String sort : List.of("dirs_nr", "size_nr", "atime", "files", "size")) {
                List<Map<String, Object>> scanned = walk.directories(listing(sort, List.of(), null));
                assertEquals(scanned, fast.directories(listing(sort, List.of(), null)), sort);
            }
            // all 44 directories pass --min-size 0, more than sqrt(10 × 44): the index is read in order
            assertTrue(ScanIndexes.orderedScanPays(r, 10, 0L, null));
            // none is 1 TiB: collecting the matches and sorting them is cheaper
            assertFalse(ScanIndexes.orderedScanPays(r, 10, 1L << 40, null));
            assertEquals(walk.directories(listing("files", List.of(), 1L)), fast.directories(listing("files", List.of(), 1L)));
            // /top (root) has the most direct sub-directories: b0, b1, b2
            assertEquals("/top", fast.directories(listing("dirs_nr", List.of(), null)).get(0).get("path"));
        }
        assertEquals(List.of("ix_stats_atime_r", "ix_stats_dir_count_nr", "ix_stats_owner_files", "ix_stats_total_size_nr"),
                ScanImportTest.rows(db, "SELECT name FROM sqlite_master WHERE name IN ('ix_stats_dir_count_nr',"
                        + " 'ix_stats_total_size_nr', 'ix_stats_owner_files', 'ix_stats_atime_r') ORDER BY name"));
    }

    @Test
    void aReadOnlyStoreIsScannedInstead() throws Exception {
        Path db = store(treeWithOrphanRoot());
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "root may write anything; skipped");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        try (ScanReader r = ScanReader.sqlite(db, "ix")) {
            ScanQueries q = new ScanQueries(r);
            assertEquals("/top", q.directories(listing("dirs_nr", List.of(), null)).get(0).get("path"));
            assertFalse(ScanIndexes.exists(r.connection(), "ix_stats_dir_count_nr"));
        } finally {
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void scopesUnderAnOrphanRootMatchTheWalk() throws Exception {
        Path db = store(treeWithOrphanRoot());
        try (ScanReader r = ScanReader.sqlite(db, "ix")) {
            ScanQueries fast = new ScanQueries(r);
            ScanQueries walk = new ScanQueries(r, true);
            for (List<String> scope : List.of(List.of("/x"), List.of("/x/y"), List.of("/x/y", "/top/b1/l1"), List.of("/x/w"))) {
                List<Map<String, Object>> rows = fast.directories(listing("size", scope, null));
                assertEquals(walk.directories(listing("size", scope, null)), rows, scope.toString());
                assertEquals(walk.ownerSummary(false, null, null, scope, 0, "size"), fast.ownerSummary(false, null, null, scope, 0, "size"));
                assertTrue(!rows.isEmpty(), scope.toString());
            }
            // x holds itself, y, z and w: four directories, 12 files
            List<Map<String, Object>> x = fast.directories(listing("size", List.of("/x"), null));
            assertEquals(4, x.size());
            assertEquals(12L, x.get(0).get("file_count_r"));
        }
    }
}
