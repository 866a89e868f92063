package org.hpcusage.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.ByteArrayTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.hpcusage.core.util.UserException;
import org.sqlite.SQLiteConfig;

/**
 * An open store: its connection pool, its dialect and the MyBatis session factory with every
 * mapper registered. Opening migrates the schema; closing releases the pool.
 */
public final class Database implements AutoCloseable {

    private static final List<String> MAPPERS = List.of("LookupMapper", "JobMapper", "SummaryMapper",
            "LedgerMapper", "HistoryMapper", "RecordMapper",
            "ResourceMapper", "RollupMapper", "ScoreboardMapper", "JobQueryMapper");

    /** File systems on which SQLite's WAL mode (shared memory) is unreliable. */
    private static final Set<String> NETWORK_FILE_SYSTEMS = Set.of("nfs", "nfs4", "lustre", "gpfs", "cifs",
            "smb3", "smbfs", "fuse.sshfs", "beegfs", "panfs");

    private final DatabaseTarget target;
    private final PooledDataSource dataSource;
    private final SqlSessionFactory sessions;

    private Database(DatabaseTarget target, PooledDataSource dataSource, SqlSessionFactory sessions) {
        this.target = target;
        this.dataSource = dataSource;
        this.sessions = sessions;
    }

    /** Connects, applies missing migrations of {@code schema}, and registers the mappers. */
    public static Database open(DatabaseTarget target, MigrationRunner.MigrationSet schema) {
        PooledDataSource dataSource = dataSource(target);
        try (Connection c = dataSource.getConnection()) {
            new MigrationRunner(c, target.dialect()).migrate(schema);
        } catch (SQLException e) {
            dataSource.forceCloseAll();
            throw new UserException("cannot open database " + target.display() + ": " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            dataSource.forceCloseAll();
            throw e;
        }
        return new Database(target, dataSource, sessionFactory(target.dialect(), dataSource));
    }

    private static PooledDataSource dataSource(DatabaseTarget target) {
        Properties props = new Properties();
        String driver;
        if (target.dialect() == Dialect.SQLITE) {
            driver = "org.sqlite.JDBC";
            Path file = target.sqliteFile();
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UserException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
            }
            props = sqliteConfig(file).toProperties();
        } else {
            driver = "org.postgresql.Driver";
            // pgjdbc rewrites batched INSERTs into multi-row statements: one round trip per batch.
            props.setProperty("reWriteBatchedInserts", "true");
            // Query plans for a local-disk or SSD server: at the default random_page_cost (4) a
            // month's aggregate hash-joins every charge row ever written instead of probing the
            // primary key, and JIT compilation costs more than it saves on these short queries.
            props.setProperty("options", "-c random_page_cost=1.1 -c jit=off");
        }
        PooledDataSource ds = new PooledDataSource(driver, target.jdbcUrl(), props);
        ds.setPoolMaximumActiveConnections(4);
        ds.setPoolMaximumIdleConnections(2);
        return ds;
    }

    /** Connection settings for SQLite; pragmas are per connection, so every pooled one gets them. */
    static SQLiteConfig sqliteConfig(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(30_000);
        config.setJournalMode(onNetworkFileSystem(file) ? SQLiteConfig.JournalMode.DELETE : SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-64_000);
        // A writing transaction takes the write lock when it begins, so two writers queue up
        // instead of failing on a read-to-write upgrade (SQLITE_BUSY that busy_timeout can't fix).
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    private static boolean onNetworkFileSystem(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            FileStore store = Files.getFileStore(dir);
            String type = store.type().toLowerCase(Locale.ROOT);
            if (NETWORK_FILE_SYSTEMS.contains(type)) {
                System.err.println("hpcusage: " + dir + " is on " + type
                        + "; using SQLite's rollback journal instead of WAL");
                return true;
            }
        } catch (IOException e) {
            // Unknown file system: WAL is the right default on local disks.
        }
        return false;
    }

    private static SqlSessionFactory sessionFactory(Dialect dialect, DataSource dataSource) {
        Configuration configuration = new Configuration(new Environment("hpcusage", new JdbcTransactionFactory(), dataSource));
        configuration.setDatabaseId(dialect.id());
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setJdbcTypeForNull(JdbcType.NULL);
        configuration.setLazyLoadingEnabled(false);
        configuration.setDefaultFetchSize(1000);
        // Blobs are read with getBytes(): sqlite-jdbc does not implement getBlob().
        configuration.getTypeHandlerRegistry().register(byte[].class, JdbcType.BLOB, new ByteArrayTypeHandler());
        configuration.getTypeHandlerRegistry().register(byte[].class, JdbcType.BINARY, new ByteArrayTypeHandler());
        configuration.getTypeHandlerRegistry().register(byte[].class, new ByteArrayTypeHandler());
        for (String mapper : MAPPERS) {
            String resource = "org/hpcusage/core/store/" + mapper + ".xml";
            try (InputStream in = Database.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing mapper " + resource);
                }
                new XMLMapperBuilder(in, configuration, resource, configuration.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    public DatabaseTarget target() {
        return target;
    }

    public Dialect dialect() {
        return target.dialect();
    }

    /** A session for reading: autocommit, so SQLite takes no write lock. */
    public SqlSession reader() {
        return sessions.openSession(true);
    }

    /** A session for one unit of writing; commit or it rolls back on close. */
    public SqlSession writer() {
        return sessions.openSession(ExecutorType.SIMPLE, false);
    }

    @Override
    public void close() {
        if (target.dialect() == Dialect.SQLITE) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("PRAGMA optimize");
            } catch (SQLException e) {
                // Best effort: optimize only refreshes planner statistics.
            }
        }
        dataSource.forceCloseAll();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
