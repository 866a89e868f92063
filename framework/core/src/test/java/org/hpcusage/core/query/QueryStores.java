package org.hpcusage.core.query;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.MigrationRunner;
import org.hpcusage.testkit.db.TestingDatabase;

/** The {@link QueryFixture} store, built once per dialect for a test class and dropped after it. */
final class QueryStores implements AutoCloseable {
    private final Path temp;
    private final Map<TestingDatabase.Kind, TestingDatabase> testDbs = new EnumMap<>(TestingDatabase.Kind.class);
    private final Map<TestingDatabase.Kind, Database> dbs = new EnumMap<>(TestingDatabase.Kind.class);

    QueryStores(Path temp) {
        this.temp = temp;
    }

    synchronized Database get(TestingDatabase.Kind kind) throws SQLException {
        Database db = dbs.get(kind);
        if (db == null) {
            TestingDatabase testDb = TestingDatabase.create(kind, temp);
            testDbs.put(kind, testDb);
            db = Database.open(DatabaseTarget.parse(testDb.spec()), MigrationRunner.JOBS);
            dbs.put(kind, db);
            QueryFixture.build(db);
        }
        return db;
    }

    JobQuery derecho(TestingDatabase.Kind kind) throws SQLException {
        return new JobQuery(get(kind), "derecho", Map.of());
    }

    @Override
    public void close() {
        dbs.values().forEach(Database::close);
        testDbs.values().forEach(TestingDatabase::close);
    }
}
