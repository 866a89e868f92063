package org.hpcusage.core.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.plugin.gpfs.GpfsPolicyScanParser;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Queries on both dialects: hand-computed answers on the §12.1 edge-case tree, and the parity of
 * the ancestor-column scope with the recursive walk on a tree deeper than the columns reach.
 */
class ScanQueriesTest {

    @TempDir
    Path dir;

    private ScanReader importAndOpen(TestingDatabase.Kind kind, String fileName, String text, List<AutoCloseable> closeLater)
            throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String collection = ScanNaming.collection(fileName);
        if (kind == TestingDatabase.Kind.POSTGRESQL) {
            Assumptions.assumeTrue(TestingDatabase.postgresAvailable(), "no PostgreSQL server; skipped");
            TestingDatabase db = TestingDatabase.postgres();
            closeLater.add(db);
            DatabaseTarget target = DatabaseTarget.parse(db.jdbcUrl());
            new ScanImporter().importFile(file, new GpfsPolicyScanParser(), collection, target, ZoneOffset.UTC,
                    HostAccounts.none(), r -> { });
            // a second import swaps the schema: the answers must not double
            new ScanImporter().importFile(file, new GpfsPolicyScanParser(), collection, target, ZoneOffset.UTC,
                    HostAccounts.none(), r -> { });
            ScanReader reader = ScanReader.postgres(target, collection);
            closeLater.add(0, reader);
            assertEquals(List.of(collection), ScanReader.postgresCollections(target));
            return reader;
        }
        Path db = dir.resolve(collection + ".db");
        new ScanImporter().importFile(file, new GpfsPolicyScanParser(), collection, DatabaseTarget.sqlite(db), ZoneOffset.UTC,
                HostAccounts.none(), r -> { });
        ScanReader reader = ScanReader.sqlite(db, collection);
        closeLater.add(reader);
        return reader;
    }

    private static void closeAll(List<AutoCloseable> all) throws Exception {
        for (AutoCloseable c : all) {
            c.close();
        }
    }

    private static List<String> paths(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("path")).toList();
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void handComputedAnswersOnTheEdgeCaseTree(TestingDatabase.Kind kind) throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            ScanReader r = importAndOpen(kind, "20260115_srv_quirk.list.list_all.log", ScanImportTest.quirkFile(), open);
            ScanQueries q = new ScanQueries(r);
            // stored paths start at the shallowest listed directory; /fs is the mount prefix
            assertArrayEquals(new long[] {2, 3}, r.resolve("/fs/root/p"));
            assertArrayEquals(new long[] {2, 3}, r.resolve("/root/p/"));
            assertEquals(null, r.resolve("/fs/rootx"));
            // -P /root/p, by size then dir_id: p (300 B), c3 (100 B, id 4), c5 (100 B, id 5)
            assertEquals(List.of("/root/p", "/root/p/c3", "/root/p/c5"),
                    paths(q.directories(DirectoryQuery.all().withPrefixes(List.of("/fs/root/p")))));
            // -P /root -E /root/p: root, then the two empty ones by dir_id (emptyparent 1, emptychild 3)
            DirectoryQuery exclude = new DirectoryQuery(null, null, false, null, null, List.of("/root"), List.of("/root/p"), 0,
                    "size", null, null, false, false, List.of(), false, null, null, null, null, null, null);
            assertEquals(List.of("/root", "/root/emptyparent", "/root/emptyparent/emptychild"), paths(q.directories(exclude)));
            // --single-owner: only c3 (uid 3) and c5 (uid 5); root and p have two owners (D2 fixed)
            DirectoryQuery single = new DirectoryQuery(null, null, true, null, null, List.of(), List.of(), 0, "path", null, null,
                    false, false, List.of(), false, null, null, null, null, null, null);
            assertEquals(List.of("/root/p/c3", "/root/p/c5"), paths(q.directories(single)));
            // --accessed-before 2026-01-02: every directory with a file (newest atime 2026-01-01);
            // the file-less ones have no time and do not match (D3 decision)
            DirectoryQuery before = new DirectoryQuery(null, null, false, null, null, List.of(), List.of(), 0, "path",
                    "2026-01-02 00:00:00", null, false, false, List.of(), false, null, null, null, null, null, null);
            assertEquals(List.of("/root", "/root/p", "/root/p/c3", "/root/p/c5"), paths(q.directories(before)));
            // -N 'c*': c3, c5
            DirectoryQuery names = new DirectoryQuery(null, null, false, null, null, List.of(), List.of(), 0, "path", null, null,
                    false, false, List.of("c*"), false, null, null, null, null, null, null);
            assertEquals(List.of("/root/p/c3", "/root/p/c5"), paths(q.directories(names)));
            // owner summary scoped to p: c3 → uid 3 (100 B, 1 file, 1 dir), c5 → uid 5 (same); p itself is mixed
            assertEquals(List.of(new ScanQueries.OwnerRow(3, 100, 1, 1), new ScanQueries.OwnerRow(5, 100, 1, 1)),
                    q.ownerSummary(false, null, null, List.of("/root/p"), 0, "size"));
            // unscoped access histogram: per file, all 14 days old → bucket 0: 6 files, 1324+100+0 B
            ScanQueries.Histogram h = q.histogram(false, null, null, null, null);
            assertNotNull(h);
            assertEquals(6, h.files[0]);
            assertEquals(1424, h.bytes[0]);
            // scoped size histogram of p for uid 5 (D4: the owner filter applies): only c5
            // (average 100 B → bucket 0); p's own file belongs to a mixed subtree
            ScanQueries.Histogram hs = q.histogram(true, 5L, List.of("/root/p"), null, null);
            assertEquals(1, hs.files[0]);
            assertEquals(100, hs.bytes[0]);
            assertFalse(hs.fast);
        } finally {
            closeAll(open);
        }
    }

    /**
     * A tree 13 levels deep (deeper than the nine ancestor columns), with branching and four
     * owners. Directory /top/bK/l1/.../lN; files of uid (K + N) % 4 in every directory.
     */
    static String deepTree() {
        StringBuilder sb = new StringBuilder();
        String head = "<0> 1 1 0 s=%d a=%d u=%d g=%d p=%s ac=%s 00:00:00 -- %s%n";
        sb.append(String.format(head, 0, 4, 0, 0, "drwxr-xr-x", "2026-01-01", "/fs/top"));
        for (int k = 0; k < 3; k++) {
            String path = "/fs/top/b" + k;
            for (int n = 0; n <= 12; n++) {
                if (n > 0) {
                    path = path + "/l" + n;
                }
                sb.append(String.format(head, 0, 4, 0, 0, "drwxr-xr-x", "2026-01-01", path));
                for (int f = 0; f < 1 + (k + n) % 3; f++) {
                    int uid = (k + n + f) % 4;
                    String day = String.format("20%02d-0%d-1%d", 16 + (n + f) % 10, 1 + (k + f) % 9, n % 10);
                    sb.append(String.format(head, 1000L * (n + 1) * (f + 1), (n + 1) * (k + 2) * (f + 1), uid, uid, "-rw-r--r--",
                            day, path + "/f" + f));
                }
            }
        }
        return sb.toString();
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void ancestorColumnsAndTheRecursiveWalkGiveTheSameRows(TestingDatabase.Kind kind) throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            ScanReader r = importAndOpen(kind, "20260115_srv_deep.list", deepTree(), open);
            ScanQueries fast = new ScanQueries(r);
            ScanQueries walk = new ScanQueries(r, true);
            String b0 = "/top/b0";
            List<List<String>> scopes = List.of(List.of("/top"), List.of(b0), List.of(b0 + "/l1/l2"),
                    List.of(b0 + "/l1/l2/l3/l4/l5/l6/l7/l8/l9/l10"), List.of(b0 + "/l1/l2/l3/l4/l5/l6/l7/l8/l9/l10/l11"),
                    List.of("/top/b1/l1", "/top/b2/l1/l2/l3/l4/l5/l6/l7/l8/l9/l10/l11/l12"), List.of("/top/nowhere"));
            for (List<String> scope : scopes) {
                for (String sort : List.of("size", "files_nr", "atime", "path")) {
                    DirectoryQuery q = new DirectoryQuery(null, null, false, null, null, scope, List.of(b0 + "/l1/l2/l3/l4"),
                            0, sort, null, null, false, false, List.of(), false, 0L, null, null, null, null, null);
                    assertEquals(fast.directories(q), walk.directories(q), scope + " " + sort);
                }
                assertEquals(fast.ownerSummary(false, null, null, scope, 0, "size"), walk.ownerSummary(false, null, null, scope, 0, "size"));
                assertEquals(fast.ownerSummary(true, 14, null, scope, 0, "files"), walk.ownerSummary(true, 14, null, scope, 0, "files"));
                for (boolean size : new boolean[] {false, true}) {
                    ScanQueries.Histogram a = fast.histogram(size, null, scope, null, null);
                    ScanQueries.Histogram b = walk.histogram(size, null, scope, null, null);
                    assertArrayEquals(a.files, b.files);
                    assertArrayEquals(a.bytes, b.bytes);
                }
            }
            // the whole collection (level 1) holds every directory: 1 + 3 × 13
            assertEquals(40, fast.directories(new DirectoryQuery(null, null, false, null, null, List.of("/top"), List.of(), 0,
                    "size", null, null, false, false, List.of(), false, 0L, null, null, null, null, null)).size());
            // the summary table and the live aggregate agree
            assertEquals(fast.ownerSummary(false, null, null, List.of(), 0, "size"), walk.ownerSummary(false, null, null, List.of(), 0, "size"));
            assertEquals(fast.ownerSummary(true, null, null, List.of(), 3, "dirs"), walk.ownerSummary(true, null, null, List.of(), 3, "dirs"));
        } finally {
            closeAll(open);
        }
    }

    @org.junit.jupiter.api.Test
    void consolidatedPostgresAnswersLikeTheSqliteStore() throws Exception {
        Assumptions.assumeTrue(TestingDatabase.postgresAvailable(), "no PostgreSQL server; skipped");
        List<AutoCloseable> open = new ArrayList<>();
        try {
            // names with a tab and a backslash must survive COPY's text format
            String odd = "<0> 9 1 0 s=0 a=4 u=9 g=9 p=drwxr-xr-x ac=2026-01-01 00:00:00 -- /fs/top/b0/odd\tname\\x\n";
            ScanReader sqlite = importAndOpen(TestingDatabase.Kind.SQLITE, "20260115_srv_deep.list", deepTree() + odd, open);
            TestingDatabase pgDb = TestingDatabase.postgres();
            open.add(pgDb);
            DatabaseTarget target = DatabaseTarget.parse(pgDb.jdbcUrl());
            ScanConsolidator.Result result = new ScanConsolidator().consolidate(dir.resolve("deep.db"), "deep", target, true, false);
            assertEquals(41L, result.rows().get("directories"));
            ScanReader pg = ScanReader.postgres(target, "deep");
            open.add(0, pg);
            DirectoryQuery everything = new DirectoryQuery(null, null, false, null, null, List.of(), List.of(), 0, "size", null,
                    null, false, false, List.of(), false, 0L, null, null, null, null, null);
            assertEquals(new ScanQueries(sqlite).directories(everything), new ScanQueries(pg).directories(everything));
            assertEquals(new ScanQueries(sqlite).ownerSummary(false, null, null, List.of("/top/b1"), 0, "size"),
                    new ScanQueries(pg).ownerSummary(false, null, null, List.of("/top/b1"), 0, "size"));
            assertArrayEquals(new ScanQueries(sqlite).histogram(false, null, List.of(), null, null).bytes,
                    new ScanQueries(pg).histogram(false, null, List.of(), null, null).bytes);
            assertNotNull(pg.resolve("/top/b0/odd\tname\\x"));
        } finally {
            closeAll(open);
        }
    }
}
