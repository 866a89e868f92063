package org.hpcusage.core.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.hpcusage.core.store.Dialect;
import org.sqlite.SQLiteConfig;

/**
 * Indexes of an SQLite scan store that the import leaves out because only rare sort keys use
 * them (see {@code V0002__scan_indexes.sql}): the first query that needs one builds it, once, if
 * the store file is writable; otherwise that query scans the table. Building is a few seconds per
 * million directories; a scan of the table a few tenths.
 *
 * <p>With such an index, a top-N listing reads the index in order and stops after N rows, but only
 * if the planner is kept off the total_size_r index for the size filter ({@code --min-size}
 * defaults to 1 GiB): {@link #orderedScanPays} decides from how many rows pass the filter.
 */
final class ScanIndexes {
    private ScanIndexes() {
    }

    /** Name → columns of {@code directory_stats}. */
    static final Map<String, String> ON_DEMAND = Map.of(
            "ix_stats_total_size_nr", "total_size_nr",
            "ix_stats_file_count_nr", "file_count_nr",
            "ix_stats_dir_count_nr", "dir_count_nr",
            "ix_stats_dir_count_r", "dir_count_r",
            "ix_stats_owner_files", "owner_uid, file_count_r",
            "ix_stats_group_files", "owner_gid, file_count_r",
            "ix_stats_atime_r", "(max_atime_r IS NULL), max_atime_r DESC");

    /**
     * The on-demand index an unscoped listing needs, or null: its sort key's, or for a
     * {@code -u}/{@code -g} listing by file count the owner's.
     */
    static String forListing(String sortBy, boolean owner, boolean group) {
        return switch (sortBy == null ? "size" : sortBy) {
            case "size_nr" -> "ix_stats_total_size_nr";
            case "files_nr" -> "ix_stats_file_count_nr";
            case "dirs_nr" -> "ix_stats_dir_count_nr";
            case "dirs", "dirs_r" -> "ix_stats_dir_count_r";
            case "files", "files_r" -> owner ? "ix_stats_owner_files" : group ? "ix_stats_group_files" : null;
            case "atime", "atime_r" -> "ix_stats_atime_r";
            default -> null;
        };
    }

    /** Makes sure the index exists; false when it does not and cannot be built here. */
    static boolean ensure(ScanReader reader, String name) throws SQLException {
        Path file = reader.sqliteFile();
        if (name == null || reader.dialect() != Dialect.SQLITE || file == null) {
            return false;
        }
        if (exists(reader.connection(), name)) {
            return true;
        }
        if (!Files.isWritable(file) || !Files.isWritable(file.toAbsolutePath().getParent())) {
            return false; // a shared read-only store: the query scans instead
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(30_000);
        try (Connection rw = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
             Statement st = rw.createStatement()) {
            st.execute("PRAGMA cache_size=-262144");
            st.execute("PRAGMA temp_store=MEMORY");
            st.execute("CREATE INDEX IF NOT EXISTS " + name + " ON directory_stats (" + ON_DEMAND.get(name) + ")");
            return true;
        } catch (SQLException e) {
            return false; // locked or read-only after all: scanning still answers the query
        }
    }

    static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Whether reading the sort key's index in order (stopping after {@code limit} rows that pass
     * the size filter) beats collecting every row that passes it and sorting: about
     * {@code limit × total / matching} rows read against {@code matching} rows sorted, so when
     * {@code matching² > limit × total}. Counts at most that many matching rows.
     */
    static boolean orderedScanPays(ScanReader reader, int limit, Long minSize, Long maxSize) throws SQLException {
        long total;
        try (PreparedStatement ps = reader.connection().prepareStatement("SELECT COALESCE(MAX(dir_id), -1) + 1 FROM directory_stats");
             ResultSet rs = ps.executeQuery()) {
            total = rs.next() ? rs.getLong(1) : 0;
        }
        long enough = (long) Math.ceil(Math.sqrt((double) limit * total)) + 1;
        try (PreparedStatement ps = reader.connection().prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM directory_stats"
                + " WHERE total_size_r >= ? AND total_size_r <= ? LIMIT ?) m")) {
            ps.setLong(1, minSize == null ? Long.MIN_VALUE : minSize);
            ps.setLong(2, maxSize == null ? Long.MAX_VALUE : maxSize);
            ps.setLong(3, enough);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) >= enough;
            }
        }
    }
}
