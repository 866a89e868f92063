package org.hpcusage.core.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.Dialect;
import org.hpcusage.core.util.UserException;
import org.sqlite.SQLiteConfig;

/**
 * A read connection to one collection's scan store, with what every query needs: the scan date,
 * the mount prefix above the stored root, the root depth, path ↔ id resolution.
 */
public final class ScanReader implements AutoCloseable {
    private final Connection connection;
    private final Dialect dialect;
    private final String collection;
    private final String source;
    private final Path sqliteFile;
    private LocalDate scanDate;
    private String mountPrefix;
    private int rootDepth = -1;
    private boolean metadataRead;

    private ScanReader(Connection connection, Dialect dialect, String collection, String source, Path sqliteFile) {
        this.sqliteFile = sqliteFile;
        this.connection = connection;
        this.dialect = dialect;
        this.collection = collection;
        this.source = source;
    }

    public static ScanReader sqlite(Path file, String collection) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("Database not found: " + file + " (run hpcusage fs import first)");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(30_000);
        try {
            return new ScanReader(DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties()),
                    Dialect.SQLITE, collection, file.toString(), file);
        } catch (SQLException e) {
            throw new UserException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    public static ScanReader postgres(DatabaseTarget target, String collection) {
        try {
            Connection c = DriverManager.getConnection(target.jdbcUrl());
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
                ps.setString(1, collection);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.close();
                        throw new UserException("Database not found: schema " + collection + " in " + target.display());
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path TO " + ScanStores.quote(collection));
            }
            c.setAutoCommit(true);
            return new ScanReader(c, Dialect.POSTGRESQL, collection, target.display() + " schema " + collection, null);
        } catch (SQLException e) {
            throw new UserException("cannot open " + target.display() + ": " + e.getMessage(), e);
        }
    }

    /** Collections (schemas holding a scan) of a PostgreSQL database, sorted. */
    public static List<String> postgresCollections(DatabaseTarget target) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_schema FROM information_schema.tables WHERE table_name = 'scan_metadata'"
                     + " AND table_schema NOT LIKE '%\\_staging' AND table_schema NOT LIKE '%\\_old' ORDER BY 1")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new UserException("cannot open " + target.display() + ": " + e.getMessage(), e);
        }
    }

    public Connection connection() { return connection; }
    public Dialect dialect() { return dialect; }
    public String collection() { return collection; }
    public String source() { return source; }
    /** The store file, or null on PostgreSQL. */
    public Path sqliteFile() { return sqliteFile; }

    private void readMetadata() throws SQLException {
        if (metadataRead) {
            return;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT scan_timestamp, mount_prefix FROM scan_metadata ORDER BY scan_id DESC LIMIT 1")) {
            if (rs.next()) {
                String ts = rs.getString(1);
                scanDate = ts == null || ts.length() < 10 ? null : LocalDate.parse(ts.substring(0, 10));
                mountPrefix = rs.getString(2);
            }
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT MIN(depth) FROM directories")) {
            rootDepth = rs.next() ? rs.getInt(1) : 0;
        }
        metadataRead = true;
    }

    /** The scan date, or null when the file name had none. */
    public LocalDate scanDate() throws SQLException {
        readMetadata();
        return scanDate;
    }

    public int rootDepth() throws SQLException {
        readMetadata();
        return rootDepth;
    }

    /**
     * A user's path as stored paths are written: trailing '/' removed and, when it starts with
     * the scan's mount prefix (the path above the stored root, e.g. {@code /gpfs/csfs1}) at a
     * '/' boundary, that prefix removed.
     */
    public String normalize(String path) throws SQLException {
        readMetadata();
        String p = path.strip();
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (mountPrefix != null && !mountPrefix.isEmpty() && !mountPrefix.equals("/")
                && (p.equals(mountPrefix) || p.startsWith(mountPrefix + "/"))) {
            p = p.substring(mountPrefix.length());
        }
        return p.isEmpty() ? "/" : p;
    }

    /** {@code {dir_id, depth}} of a stored path ("/root/a/b"), or null. */
    public long[] resolve(String path) throws SQLException {
        String p = normalize(path);
        long[] found = null;
        try (PreparedStatement root = connection.prepareStatement(
                "SELECT dir_id, depth FROM directories WHERE parent_id IS NULL AND name = ? ORDER BY dir_id LIMIT 1");
             PreparedStatement child = connection.prepareStatement(
                "SELECT dir_id, depth FROM directories WHERE parent_id = ? AND name = ? ORDER BY dir_id LIMIT 1")) {
            for (String part : p.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                PreparedStatement ps = found == null ? root : child;
                if (found == null) {
                    ps.setString(1, part);
                } else {
                    ps.setLong(1, found[0]);
                    ps.setString(2, part);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    found = new long[] {rs.getLong(1), rs.getInt(2)};
                }
            }
        }
        return found;
    }

    /** Display paths ("/" + names from the root) of the given directories, a level at a time. */
    public Map<Long, String> paths(Collection<Long> ids) throws SQLException {
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, String> name = new HashMap<>();
        Set<Long> wanted = new HashSet<>(ids);
        while (!wanted.isEmpty()) {
            List<Long> batch = new ArrayList<>(wanted);
            wanted.clear();
            for (int from = 0; from < batch.size(); from += 500) {
                List<Long> part = batch.subList(from, Math.min(batch.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT dir_id, parent_id, name FROM directories WHERE dir_id IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setLong(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            long p = rs.getLong(2);
                            boolean isRoot = rs.wasNull();
                            name.put(id, rs.getString(3));
                            if (!isRoot) {
                                parent.put(id, p);
                                if (!name.containsKey(p)) {
                                    wanted.add(p);
                                }
                            }
                        }
                    }
                }
            }
        }
        Map<Long, String> out = new HashMap<>();
        for (long id : ids) {
            StringBuilder sb = new StringBuilder();
            List<String> parts = new ArrayList<>();
            Long cur = id;
            while (cur != null && name.containsKey(cur)) {
                parts.add(name.get(cur));
                cur = parent.get(cur);
            }
            for (int i = parts.size() - 1; i >= 0; i--) {
                sb.append('/').append(parts.get(i));
            }
            out.put(id, sb.toString());
        }
        return out;
    }

    /** uid → user name from the store's name cache (non-empty names only). */
    public Map<Long, String> userNames() throws SQLException {
        return names("SELECT uid, username FROM user_info WHERE username IS NOT NULL AND username <> ''");
    }

    public Map<Long, String> groupNames() throws SQLException {
        return names("SELECT gid, groupname FROM group_info WHERE groupname IS NOT NULL AND groupname <> ''");
    }

    private Map<Long, String> names(String sql) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only: nothing to lose
        }
    }
}
