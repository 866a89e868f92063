package org.hpcusage.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hpcusage.core.util.UserException;

/**
 * Applies versioned SQL scripts once each, recording version and checksum in
 * {@code schema_history}. Scripts only ever add; a changed script that was already applied is an
 * error rather than a silent divergence. Each script runs in its own transaction.
 */
public final class MigrationRunner {

    /** A named, ordered set of scripts under {@code <folder>/<dialect>/} next to this class. */
    public record MigrationSet(String schema, String folder, List<String> scripts) {
        /** Scripts in the jobs store's folder, {@code migration/<dialect>/}. */
        public MigrationSet(String schema, List<String> scripts) {
            this(schema, "migration", scripts);
        }
    }

    public static final MigrationSet JOBS = new MigrationSet("jobs", List.of("V0001__jobs.sql", "V0002__resource_reports.sql",
            "V0003__query_indexes.sql", "V0004__drop_redundant_job_indexes.sql", "V0005__rollups.sql"));

    /**
     * Checksums of other texts of landed scripts that run the same statements, by resource:
     * stores migrated with them have the same schema. V0005's comments were reworded after it
     * had landed (comments only) and shipped so for two releases; its landed text is restored,
     * and both are accepted. Add to this only for a change that leaves every statement as it was.
     */
    private static final Map<String, Set<String>> SAME_STATEMENTS = Map.of(
            "migration/sqlite/V0005__rollups.sql",
            Set.of("fc6dbc312aa8fbc7734a0994928ef2a9167111836bc2f1676ed7416a5d7c483a"),
            "migration/postgresql/V0005__rollups.sql",
            Set.of("9ff508354ab7b3e4ffc5962062831497e98b8972526643f2f4c9a018ef4fdd95"));

    private final Connection connection;
    private final Dialect dialect;

    public MigrationRunner(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Applies what is missing; returns the number of scripts applied. */
    public int migrate(MigrationSet set) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            ensureHistoryTable();
            Map<Integer, String> applied = appliedChecksums(set.schema());
            int count = 0;
            for (String script : set.scripts()) {
                int version = versionOf(script);
                String sql = read(set.folder(), script);
                String checksum = sha256(sql);
                String known = applied.get(version);
                if (known != null) {
                    if (!known.equals(checksum) && !SAME_STATEMENTS.getOrDefault(resource(set.folder(), script), Set.of())
                            .contains(known)) {
                        throw new UserException("schema " + set.schema() + " migration " + script
                                + " differs from the one applied to this database; refusing to continue");
                    }
                    continue;
                }
                try (Statement st = connection.createStatement()) {
                    for (String statement : statements(sql)) {
                        st.execute(statement);
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO schema_history (schema_name, version, script, checksum, applied_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, set.schema());
                    ps.setInt(2, version);
                    ps.setString(3, script);
                    ps.setString(4, checksum);
                    ps.setLong(5, System.currentTimeMillis() / 1000);
                    ps.executeUpdate();
                }
                connection.commit();
                count++;
            }
            connection.commit();
            return count;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Versions applied so far, for {@code db info}. */
    public Map<Integer, String> appliedChecksums(String schema) throws SQLException {
        Map<Integer, String> out = new TreeMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT version, checksum FROM schema_history WHERE schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private void ensureHistoryTable() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_history ("
                    + "schema_name TEXT NOT NULL, version INTEGER NOT NULL, script TEXT NOT NULL, "
                    + "checksum TEXT NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (schema_name, version))");
        }
    }

    private String resource(String folder, String script) {
        return folder + "/" + dialect.id() + "/" + script;
    }

    private String read(String folder, String script) {
        String resource = resource(folder, script);
        try (InputStream in = MigrationRunner.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + resource, e);
        }
    }

    static int versionOf(String script) {
        int end = script.indexOf("__");
        return Integer.parseInt(script.substring(1, end));
    }

    /** Splits a script at semicolons that end a line; comment lines are dropped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
