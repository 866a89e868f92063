package org.hpcusage.core.scan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.Dialect;
import org.hpcusage.core.store.MigrationRunner;
import org.hpcusage.core.util.UserException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.sqlite.SQLiteConfig;

/**
 * Loads a finished SQLite scan store into PostgreSQL (reference §8): schema
 * {@code <collection>_staging} gets the tables, every table's rows stream in with
 * {@code COPY ... FROM STDIN} (text format), then the indexes and {@code ANALYZE}; the staging
 * schema is swapped in for {@code <collection>} in one transaction.
 */
public final class ScanConsolidator {
    private static final List<String> TABLES = List.of("directories", "directory_stats", "scan_metadata", "owner_summary",
            "group_summary", "user_info", "group_info", "access_histogram", "size_histogram");
    private static final int FLUSH = 1 << 20;

    /** Rows copied per table and the seconds taken. */
    public record Result(Map<String, Long> rows, double seconds) {
    }

    public Result consolidate(Path sqlite, String collection, DatabaseTarget target, boolean swap, boolean keepOld)
            throws SQLException {
        if (target.dialect() != Dialect.POSTGRESQL) {
            throw new UserException("consolidate loads into PostgreSQL: give --db jdbc:postgresql://...");
        }
        if (!Files.isRegularFile(sqlite)) {
            throw new UserException("missing source: " + sqlite);
        }
        long t0 = System.nanoTime();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Map<String, Long> rows = new LinkedHashMap<>();
        String staging = ScanStores.quote(collection + "_staging");
        try (Connection src = DriverManager.getConnection("jdbc:sqlite:" + sqlite, config.toProperties());
             Connection pg = DriverManager.getConnection(target.jdbcUrl())) {
            try (Statement st = pg.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + staging + " CASCADE");
                st.execute("CREATE SCHEMA " + staging);
                st.execute("SET search_path TO " + staging);
            }
            MigrationRunner migrations = new MigrationRunner(pg, Dialect.POSTGRESQL);
            migrations.migrate(ScanSchema.TABLES);
            pg.setAutoCommit(false);
            for (String table : TABLES) {
                rows.put(table, copy(src, pg, table));
            }
            pg.commit();
            pg.setAutoCommit(true);
            migrations.migrate(ScanSchema.FULL);
            try (Statement st = pg.createStatement()) {
                for (String table : TABLES) {
                    st.execute("ANALYZE " + table);
                }
            }
            if (swap) {
                ScanImporter.swap(pg, collection, keepOld);
            }
        }
        return new Result(rows, (System.nanoTime() - t0) / 1e9);
    }

    private static long copy(Connection src, Connection pg, String table) throws SQLException {
        try (Statement st = src.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(md.getColumnName(i));
            }
            CopyIn in = pg.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN");
            long count = 0;
            StringBuilder line = new StringBuilder(256);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH + 4096);
            try {
                while (rs.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= n; i++) {
                        if (i > 1) {
                            line.append('\t');
                        }
                        Object v = rs.getObject(i);
                        if (v == null) {
                            line.append("\\N");
                        } else if (v instanceof String s) {
                            escape(s, line);
                        } else {
                            line.append(v);
                        }
                    }
                    line.append('\n');
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    buffer.write(bytes, 0, bytes.length);
                    if (buffer.size() >= FLUSH) {
                        in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                    count++;
                }
                if (buffer.size() > 0) {
                    in.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                }
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            return count;
        }
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
