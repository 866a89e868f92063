package org.hpcusage.testkit.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away store for one test: a fresh SQLite file in a temp folder, or a fresh database on
 * the PostgreSQL server (default {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres},
 * override with {@code HPCUSAGE_TEST_PG}), dropped on close. Without a PostgreSQL server the
 * PostgreSQL variant is skipped with a message, except under CI ({@code CI=true}), where a
 * missing server is a failure so that the dialect can never silently go untested.
 */
public final class TestingDatabase implements AutoCloseable {

    public enum Kind { SQLITE, POSTGRESQL }

    private static final String DEFAULT_PG = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private final Kind kind;
    private final String spec;
    private final String pgName;

    private TestingDatabase(Kind kind, String spec, String pgName) {
        this.kind = kind;
        this.spec = spec;
        this.pgName = pgName;
    }

    public static TestingDatabase create(Kind kind, Path tempDir) {
        return kind == Kind.SQLITE ? sqlite(tempDir.resolve("test.db")) : postgres();
    }

    public static TestingDatabase sqlite(Path file) {
        return new TestingDatabase(Kind.SQLITE, file.toAbsolutePath().toString(), null);
    }

    public static TestingDatabase postgres() {
        String admin = adminUrl();
        String name = "hpcusage_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "no PostgreSQL server answers at " + admin.replaceAll("password=[^&]*", "password=***")
                    + " (" + e.getMessage() + "); start it with: pg_ctlcluster --skip-systemctl-redirect "
                    + "$(ls /etc/postgresql) main start";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        return new TestingDatabase(Kind.POSTGRESQL, withDatabase(admin, name), name);
    }

    /** Whether a PostgreSQL server is reachable (for tests that only report). */
    public static boolean postgresAvailable() {
        try (Connection c = DriverManager.getConnection(adminUrl())) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String adminUrl() {
        String env = System.getenv("HPCUSAGE_TEST_PG");
        return env == null || env.isBlank() ? DEFAULT_PG : env;
    }

    /** The admin URL with its database name replaced. */
    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String head = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        String tail = query < 0 ? "" : url.substring(query);
        return head + "/" + database + tail;
    }

    public Kind kind() {
        return kind;
    }

    /** What to pass as {@code --db}: a file path or a JDBC URL. */
    public String spec() {
        return spec;
    }

    /** A JDBC URL for direct connections in assertions. */
    public String jdbcUrl() {
        return kind == Kind.SQLITE ? "jdbc:sqlite:" + spec : spec;
    }

    @Override
    public void close() {
        if (pgName == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
        } catch (SQLException e) {
            // The database name is unique; a leftover is harmless and visible with \l.
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
