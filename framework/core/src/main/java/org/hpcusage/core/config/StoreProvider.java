package org.hpcusage.core.config;

import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.MigrationRunner;

/**
 * Opens the jobs store on first use and closes it at the end of the command. The store is
 * {@code --db} if given, else the site file's {@code database}, else
 * {@code $HPCUSAGE_HOME/data/jobs.db}.
 */
public final class StoreProvider implements AutoCloseable {
    private final DatabaseTarget target;
    private Database database;

    public StoreProvider(String dbOption, SiteConfig site, Home home) {
        String spec = dbOption != null ? dbOption : site.database();
        this.target = spec != null ? parse(spec) : DatabaseTarget.sqlite(home.defaultJobsDb());
    }

    private static DatabaseTarget parse(String spec) {
        try {
            return DatabaseTarget.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new org.hpcusage.core.util.UserException("--db: " + e.getMessage());
        }
    }

    public DatabaseTarget target() {
        return target;
    }

    public synchronized Database jobs() {
        if (database == null) {
            database = Database.open(target, MigrationRunner.JOBS);
        }
        return database;
    }

    @Override
    public synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
