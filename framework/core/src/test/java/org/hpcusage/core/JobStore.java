package org.hpcusage.core;

import java.nio.file.Path;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.MigrationRunner;
import org.hpcusage.testkit.db.TestingDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A jobs store for one test ({@code @RegisterExtension}): a real SQLite file or a throw-away
 * PostgreSQL database, migrated when opened, closed and dropped after the test.
 */
public final class JobStore implements AfterEachCallback {
    private TestingDatabase testDb;
    private Database db;

    /** Creates the database of {@code kind} (an SQLite file goes under {@code temp}) and opens it. */
    public Database open(TestingDatabase.Kind kind, Path temp) {
        testDb = TestingDatabase.create(kind, temp);
        db = Database.open(DatabaseTarget.parse(testDb.spec()), MigrationRunner.JOBS);
        return db;
    }

    /** For plain JDBC checks beside the store's own sessions. */
    public String jdbcUrl() {
        return testDb.jdbcUrl();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (db != null) {
            db.close();
            db = null;
        }
        if (testDb != null) {
            testDb.close();
            testDb = null;
        }
    }
}
