package org.hpcusage.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpcusage.core.util.UserException;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Migrations apply once, add to what is there, refuse a script changed after it ran, and never change once landed. */
class MigrationRunnerTest {
    private static final MigrationRunner.MigrationSet FIRST = new MigrationRunner.MigrationSet("test",
            List.of("V0001__test_notes.sql"));
    private static final MigrationRunner.MigrationSet BOTH = new MigrationRunner.MigrationSet("test",
            List.of("V0001__test_notes.sql", "V0002__test_author.sql"));

    @TempDir
    Path temp;
    private TestingDatabase testDb;

    @AfterEach
    void close() {
        if (testDb != null) {
            testDb.close();
        }
    }

    private Connection connect(TestingDatabase.Kind kind) throws SQLException {
        if (testDb == null) {
            testDb = TestingDatabase.create(kind, temp);
        }
        return DriverManager.getConnection(testDb.jdbcUrl());
    }

    private static Dialect dialect(TestingDatabase.Kind kind) {
        return kind == TestingDatabase.Kind.SQLITE ? Dialect.SQLITE : Dialect.POSTGRESQL;
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aSecondRunAppliesNothingAndALaterScriptKeepsTheRows(TestingDatabase.Kind kind) throws SQLException {
        try (Connection c = connect(kind)) {
            MigrationRunner runner = new MigrationRunner(c, dialect(kind));
            assertEquals(1, runner.migrate(FIRST));
            assertEquals(0, runner.migrate(FIRST));
            execute(c, "INSERT INTO notes (id, body) VALUES (3, 'user data')");
            assertEquals(1, runner.migrate(BOTH));
            assertEquals(0, runner.migrate(BOTH));
            // Rows 1 and 3 survived the second script, which added row 2.
            assertEquals(3, count(c, "SELECT COUNT(*) FROM notes"));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM notes WHERE id = 3 AND body = 'user data'"));
            assertEquals(2, runner.appliedChecksums("test").size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aScriptChangedAfterItRanIsRefusedWithOneLine(TestingDatabase.Kind kind) throws SQLException {
        try (Connection c = connect(kind)) {
            MigrationRunner runner = new MigrationRunner(c, dialect(kind));
            runner.migrate(FIRST);
            execute(c, "UPDATE schema_history SET checksum = 'edited' WHERE schema_name = 'test' AND version = 1");
            UserException e = assertThrows(UserException.class, () -> runner.migrate(BOTH));
            assertTrue(e.getMessage().contains("V0001__test_notes.sql differs"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            // Nothing of the second script ran.
            assertEquals(1, count(c, "SELECT COUNT(*) FROM notes"));
        }
    }

    /**
     * A store migrated while V0005 carried reworded comments (the same statements) still opens;
     * its recorded checksum is that text's (sha256sum of the file as it shipped then).
     */
    @ParameterizedTest
    @EnumSource(TestingDatabase.Kind.class)
    void aStoreMigratedWithV0005sRewordedCommentsStillOpens(TestingDatabase.Kind kind) throws SQLException {
        String reworded = kind == TestingDatabase.Kind.SQLITE
                ? "fc6dbc312aa8fbc7734a0994928ef2a9167111836bc2f1676ed7416a5d7c483a"
                : "9ff508354ab7b3e4ffc5962062831497e98b8972526643f2f4c9a018ef4fdd95";
        try (Connection c = connect(kind)) {
            MigrationRunner runner = new MigrationRunner(c, dialect(kind));
            assertEquals(MigrationRunner.JOBS.scripts().size(), runner.migrate(MigrationRunner.JOBS));
            execute(c, "UPDATE schema_history SET checksum = '" + reworded + "' WHERE schema_name = 'jobs' AND version = 5");
            assertEquals(0, runner.migrate(MigrationRunner.JOBS));
            // Another text of V0005 is still refused.
            execute(c, "UPDATE schema_history SET checksum = 'edited' WHERE schema_name = 'jobs' AND version = 5");
            assertThrows(UserException.class, () -> runner.migrate(MigrationRunner.JOBS));
        }
    }

    /**
     * Landed scripts never change (stores record their checksums and refuse another text): the
     * sha256sum of each file as it landed. A schema change is a new script.
     */
    @Test
    void landedScriptsAreAsTheyLanded() throws IOException {
        Map<String, String> landed = new TreeMap<>(Map.ofEntries(
                Map.entry("migration/postgresql/V0001__jobs.sql", "dc7cf661f7ec6db5fe864031e28ba74993f4060cf4d335185f78860aecd23949"),
                Map.entry("migration/postgresql/V0002__resource_reports.sql", "be25c192422f7a5699e45bb0dd3f733478176ebf2e9dbf4a78e54990ef680024"),
                Map.entry("migration/postgresql/V0003__query_indexes.sql", "72e88de4c8b17b1754b31473008f0076dafc12bc241d03e1e556ea55c336ea67"),
                Map.entry("migration/postgresql/V0004__drop_redundant_job_indexes.sql", "3e49129c5c842693e990a7917604e22ad4b4769d23eb211e88934f9163691f4d"),
                Map.entry("migration/postgresql/V0005__rollups.sql", "6e3b4f92b7669817f1d29024f9f8a5c8647213c5814bfbc8315873201cdc6ca5"),
                Map.entry("migration/sqlite/V0001__jobs.sql", "e3d1a12874bce3f316464117b827c44e1d6818993d07f2267310af802477456a"),
                Map.entry("migration/sqlite/V0002__resource_reports.sql", "be25c192422f7a5699e45bb0dd3f733478176ebf2e9dbf4a78e54990ef680024"),
                Map.entry("migration/sqlite/V0003__query_indexes.sql", "b239216d2bb1f8c6f4a89db2e96fc273137627a394212baf0be3084ab409ac50"),
                Map.entry("migration/sqlite/V0004__drop_redundant_job_indexes.sql", "3e49129c5c842693e990a7917604e22ad4b4769d23eb211e88934f9163691f4d"),
                Map.entry("migration/sqlite/V0005__rollups.sql", "8485f1bf94c1b8a16735fa461f32297ae5df164cc3f2a09918de7a818363f5ec"),
                Map.entry("migration-scan/postgresql/V0001__scans.sql", "f1574009c9bbfea49077e43515150f0ecd34d5970bd3c83d033eda8fa6262876"),
                Map.entry("migration-scan/postgresql/V0002__scan_indexes.sql", "e6c8448ac548f784cd4a96aa22b20d75a80b2236d567515ff6e3c43d76d10106"),
                Map.entry("migration-scan/sqlite/V0001__scans.sql", "c831214886bd38c8d90c8a826ee582ab54dc9f9230512be253fcf113c1181caa"),
                Map.entry("migration-scan/sqlite/V0002__scan_indexes.sql", "9a3e716e160a2e1973e4fb394c25070d32ceee8617e9e434b6e70b3350b7df77")));
        Map<String, String> actual = new TreeMap<>();
        for (String resource : landed.keySet()) {
            try (InputStream in = MigrationRunner.class.getResourceAsStream(resource)) {
                actual.put(resource, sha256(in.readAllBytes()));
            }
        }
        assertEquals(landed, actual, "a landed migration changed: put the change in a new script instead");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
