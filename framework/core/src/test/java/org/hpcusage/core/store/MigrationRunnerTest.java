package org.hpcusage.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.hpcusage.core.util.UserException;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Migrations apply once, add to what is there, and refuse a script changed after it ran. */
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
