package org.hpcusage.core.scan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.store.Dialect;

/**
 * The questions {@code fs query} and {@code fs analyze} ask of one collection. Subtree scopes use
 * the ancestor-at-level columns when the scope's level has one (an indexed equality instead of a
 * walk), else a recursive walk over {@code parent_id}; both give {X} ∪ descendants(X), so the
 * rows are the same ({@code recursiveOnly} forces the walk, for tests and comparisons).
 * Unscoped summaries and histograms come from their pre-computed tables.
 */
public final class ScanQueries {
    private final ScanReader reader;
    private final boolean recursiveOnly;

    public ScanQueries(ScanReader reader) {
        this(reader, false);
    }

    public ScanQueries(ScanReader reader, boolean recursiveOnly) {
        this.reader = reader;
        this.recursiveOnly = recursiveOnly;
    }

    /** SQL text and its parameters, built up piece by piece. */
    private static final class Sql {
        final StringBuilder text = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        Sql add(String s, Object... values) {
            text.append(s);
            params.addAll(List.of(values));
            return this;
        }

        PreparedStatement prepare(java.sql.Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(text.toString());
            for (int i = 0; i < params.size(); i++) {
                Object v = params.get(i);
                if (v instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (v instanceof Integer n) {
                    ps.setInt(i + 1, n);
                } else {
                    ps.setString(i + 1, (String) v);
                }
            }
            return ps;
        }
    }

    /**
     * Resolved scopes as {dir_id, level, then on SQLite the scope's own anc_d2..anc_d7 (NO_ANCESTOR
     * for NULL)}; null = unscoped; empty = nothing resolved.
     */
    List<long[]> scopes(List<String> prefixes) throws SQLException {
        if (prefixes == null || prefixes.isEmpty()) {
            return null;
        }
        List<long[]> out = new ArrayList<>();
        int rootDepth = reader.rootDepth();
        for (String prefix : collapse(prefixes)) {
            long[] found = reader.resolve(prefix);
            if (found != null) {
                out.add(withAncestors(found[0], (int) (found[1] - rootDepth + 1)));
            }
        }
        return out;
    }

    private static final long NO_ANCESTOR = Long.MIN_VALUE;
    private static final int INDEXED_FROM = 2;
    private static final int INDEXED_TO = 7;

    /**
     * SQLite has one composite scope index (anc_d2 .. anc_d7): a scope is matched on its whole
     * ancestor prefix, so the scope's own ancestor ids are read here.
     */
    private long[] withAncestors(long id, int level) throws SQLException {
        if (recursiveOnly || reader.dialect() != Dialect.SQLITE || level < INDEXED_FROM || level > ScanSchema.ANCESTOR_LEVELS) {
            return new long[] {id, level};
        }
        long[] scope = new long[2 + INDEXED_TO - INDEXED_FROM + 1];
        scope[0] = id;
        scope[1] = level;
        try (PreparedStatement ps = reader.connection().prepareStatement(
                "SELECT anc_d2, anc_d3, anc_d4, anc_d5, anc_d6, anc_d7 FROM directory_stats WHERE dir_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new long[] {id, level};
                }
                for (int k = INDEXED_FROM; k <= INDEXED_TO; k++) {
                    long v = rs.getLong(k - INDEXED_FROM + 1);
                    scope[2 + k - INDEXED_FROM] = rs.wasNull() ? NO_ANCESTOR : v;
                }
            }
        }
        return scope;
    }

    /** Drops prefixes inside another given prefix (reference §7.2 step 2). */
    static List<String> collapse(List<String> prefixes) {
        List<String> sorted = prefixes.stream().distinct().sorted().toList();
        List<String> kept = new ArrayList<>();
        for (String p : sorted) {
            boolean inside = kept.stream().anyMatch(k -> p.equals(k) || p.startsWith(k.endsWith("/") ? k : k + "/"));
            if (!inside) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** {@code s.dir_id} is in the subtree of {@code scope} (or, negated, is not). */
    private void subtree(Sql sql, long[] scope, boolean negate) {
        long id = scope[0];
        int level = (int) scope[1];
        if (!recursiveOnly && level >= 1 && level <= ScanSchema.ANCESTOR_LEVELS) {
            String col = "s.anc_d" + level;
            if (negate) {
                sql.add("(" + col + " IS NULL OR " + col + " <> ?)", id);
            } else if (scope.length > 2) {
                // the ancestors' columns too: an equality prefix of ix_stats_scope
                sql.add("(");
                int last = Math.min(level - 1, INDEXED_TO);
                for (int k = INDEXED_FROM; k <= last; k++) {
                    long a = scope[2 + k - INDEXED_FROM];
                    if (a == NO_ANCESTOR) {
                        sql.add("s.anc_d" + k + " IS NULL AND ");
                    } else {
                        sql.add("s.anc_d" + k + " = ? AND ", a);
                    }
                }
                sql.add(col + " = ?)", id);
            } else {
                sql.add(col + " = ?", id);
            }
        } else {
            sql.add("s.dir_id " + (negate ? "NOT " : "") + "IN (WITH RECURSIVE sub(id) AS (SELECT CAST(? AS BIGINT)"
                    + " UNION ALL SELECT d2.dir_id FROM directories d2 JOIN sub ON d2.parent_id = sub.id) SELECT id FROM sub)", id);
        }
    }

    private void scopeFilter(Sql sql, List<long[]> scopes) {
        if (scopes == null) {
            return;
        }
        sql.add(" AND (");
        for (int i = 0; i < scopes.size(); i++) {
            if (i > 0) {
                sql.add(" OR ");
            }
            subtree(sql, scopes.get(i), false);
        }
        sql.add(")");
    }

    private static void depthFilter(Sql sql, Integer minDepth, Integer maxDepth) {
        if (minDepth != null) {
            sql.add(" AND d.depth >= ?", minDepth);
        }
        if (maxDepth != null) {
            sql.add(" AND d.depth <= ?", maxDepth);
        }
    }

    /** Directory rows (reference §7.3 keys), ordered, limited; display paths filled in. */
    public List<Map<String, Object>> directories(DirectoryQuery q) throws SQLException {
        List<long[]> scopes = scopes(q.pathPrefixes());
        if (scopes != null && scopes.isEmpty()) {
            return List.of();
        }
        // "+col": a term SQLite cannot serve from an index, so the sort key's index is read in order
        String sizeColumn = "s.total_size_r";
        if (scopes == null && !recursiveOnly && reader.dialect() == Dialect.SQLITE) {
            String sort = q.sortBy() == null ? "size" : q.sortBy();
            String index = ScanIndexes.forListing(sort, q.ownerUid() != null, q.ownerGid() != null);
            boolean ordered = index == null ? sort.equals("files") || sort.equals("files_r") : ScanIndexes.ensure(reader, index);
            if (ordered && q.limit() > 0 && (q.minSize() != null || q.maxSize() != null)
                    && ScanIndexes.orderedScanPays(reader, q.limit(), q.minSize(), q.maxSize())) {
                sizeColumn = "+s.total_size_r";
            }
        }
        Sql sql = new Sql().add("SELECT s.dir_id, d.depth, s.file_count_nr, s.total_size_nr, s.max_atime_nr, s.dir_count_nr,"
                + " s.file_count_r, s.total_size_r, s.max_atime_r, s.dir_count_r, s.owner_uid, s.owner_gid"
                + " FROM directory_stats s JOIN directories d ON d.dir_id = s.dir_id WHERE 1 = 1");
        depthFilter(sql, q.minDepth(), q.maxDepth());
        if (q.singleOwner()) {
            sql.add(" AND s.owner_uid IS NOT NULL AND s.owner_uid <> -1");
        }
        if (q.ownerUid() != null) {
            sql.add(" AND s.owner_uid = ?", q.ownerUid());
        }
        if (q.ownerGid() != null) {
            sql.add(" AND s.owner_gid = ?", q.ownerGid());
        }
        scopeFilter(sql, scopes);
        for (String exclude : q.excludes()) {
            long[] found = reader.resolve(exclude);
            if (found != null) {
                sql.add(" AND ");
                subtree(sql, new long[] {found[0], found[1] - reader.rootDepth() + 1}, true);
            }
        }
        String atimeColumn = q.atimeNonRecursive() ? "s.max_atime_nr" : "s.max_atime_r";
        if (q.accessedBefore() != null) {
            sql.add(" AND " + atimeColumn + " < ?", q.accessedBefore());
        }
        if (q.accessedAfter() != null) {
            sql.add(" AND " + atimeColumn + " > ?", q.accessedAfter());
        }
        if (q.leavesOnly()) {
            sql.add(" AND s.dir_count_nr = 0");
        }
        if (!q.namePatterns().isEmpty()) {
            sql.add(" AND (");
            for (int i = 0; i < q.namePatterns().size(); i++) {
                sql.add(i > 0 ? " OR " : "");
                namePattern(sql, q.namePatterns().get(i), q.ignoreCase());
            }
            sql.add(")");
        }
        if (q.minSize() != null) {
            sql.add(" AND " + sizeColumn + " >= ?", q.minSize());
        }
        if (q.maxSize() != null) {
            sql.add(" AND " + sizeColumn + " <= ?", q.maxSize());
        }
        if (q.minFiles() != null) {
            sql.add(" AND s.file_count_r >= ?", q.minFiles());
        }
        if (q.maxFiles() != null) {
            sql.add(" AND s.file_count_r <= ?", q.maxFiles());
        }
        if (q.minAvgSize() != null) {
            sql.add(" AND s.file_count_nr > 0 AND s.total_size_nr / s.file_count_nr >= ?", q.minAvgSize());
        }
        if (q.maxAvgSize() != null) {
            sql.add(" AND s.file_count_nr > 0 AND s.total_size_nr / s.file_count_nr < ?", q.maxAvgSize());
        }
        String order = DirectoryQuery.orderBy(q.sortBy());
        sql.add(" ORDER BY " + (order == null ? "s.total_size_r DESC" : order) + ", s.dir_id ASC");
        if (q.limit() > 0) {
            sql.add(" LIMIT " + q.limit());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(reader.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dir_id", rs.getLong(1));
                row.put("path", null);
                row.put("depth", rs.getInt(2));
                row.put("file_count_nr", rs.getLong(3));
                row.put("total_size_nr", rs.getLong(4));
                row.put("max_atime_nr", rs.getString(5));
                row.put("dir_count_nr", rs.getLong(6));
                row.put("file_count_r", rs.getLong(7));
                row.put("total_size_r", rs.getLong(8));
                row.put("max_atime_r", rs.getString(9));
                row.put("dir_count_r", rs.getLong(10));
                row.put("owner_uid", nullableLong(rs, 11));
                row.put("owner_gid", nullableLong(rs, 12));
                rows.add(row);
            }
        }
        Map<Long, String> paths = reader.paths(rows.stream().map(r -> (Long) r.get("dir_id")).toList());
        for (Map<String, Object> row : rows) {
            row.put("path", paths.get((Long) row.get("dir_id")));
        }
        return rows;
    }

    private void namePattern(Sql sql, String glob, boolean ignoreCase) {
        if (ignoreCase) {
            String like = glob.replace('*', '%').replace('?', '_');
            sql.add(reader.dialect() == Dialect.POSTGRESQL ? "d.name ILIKE ?" : "d.name LIKE ?", like);
        } else if (reader.dialect() == Dialect.POSTGRESQL) {
            sql.add("d.name ~ ?", globToRegex(glob));
        } else {
            sql.add("d.name GLOB ?", glob);
        }
    }

    /** The reference's PostgreSQL glob: anchored, '*' and '?' wild, regex characters literal. */
    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder("^");
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '.', '\\', '+', '(', ')', '[', ']', '{', '}', '^', '$', '|' -> sb.append('\\').append(ch);
                default -> sb.append(ch);
            }
        }
        return sb.append('$').toString();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** One row of an owner or group summary. */
    public record OwnerRow(long id, long totalSize, long totalFiles, long directoryCount) {
    }

    /**
     * Per single owner (uid, or gid with {@code groups}) of whole subtrees: Σ own bytes and files
     * of those directories and their number (reference §3.8, §7.4). From the summary table when
     * unscoped and without a depth range, else aggregated live.
     */
    public List<OwnerRow> ownerSummary(boolean groups, Integer minDepth, Integer maxDepth, List<String> prefixes,
                                       int limit, String sortBy) throws SQLException {
        String metric = switch (sortBy == null ? "size" : sortBy) {
            case "files" -> "total_files";
            case "dirs", "directories" -> "directory_count";
            default -> "total_size";
        };
        String idColumn = groups ? "owner_gid" : "owner_uid";
        List<long[]> scopes = scopes(prefixes);
        if (scopes != null && scopes.isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql();
        if (scopes == null && minDepth == null && maxDepth == null && !recursiveOnly) {
            sql.add("SELECT " + idColumn + ", total_size, total_files, directory_count FROM "
                    + (groups ? "group_summary" : "owner_summary") + " WHERE 1 = 1");
        } else {
            sql.add("SELECT * FROM (SELECT s." + idColumn + " AS " + idColumn + ", SUM(s.total_size_nr) AS total_size,"
                    + " SUM(s.file_count_nr) AS total_files, COUNT(*) AS directory_count FROM directory_stats s"
                    + " JOIN directories d ON d.dir_id = s.dir_id WHERE s." + idColumn + " >= 0");
            depthFilter(sql, minDepth, maxDepth);
            scopeFilter(sql, scopes);
            sql.add(" GROUP BY s." + idColumn + ") agg WHERE 1 = 1");
        }
        sql.add(" ORDER BY " + metric + " DESC, " + idColumn + " ASC");
        if (limit > 0) {
            sql.add(" LIMIT " + limit);
        }
        List<OwnerRow> rows = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(reader.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new OwnerRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return rows;
    }

    /** A histogram: per bucket files and bytes, and per owner within each bucket. */
    public static final class Histogram {
        public final long[] files = new long[Buckets.COUNT];
        public final long[] bytes = new long[Buckets.COUNT];
        /** Per bucket: uid → {files, bytes}. */
        public final List<Map<Long, long[]>> owners = new ArrayList<>();
        public boolean fast = true;
        public boolean approximate;

        public Histogram() {
            for (int i = 0; i < Buckets.COUNT; i++) {
                owners.add(new LinkedHashMap<>());
            }
        }

        void add(int bucket, Long uid, long n, long b) {
            files[bucket] += n;
            bytes[bucket] += b;
            if (uid != null && uid >= 0) {
                long[] o = owners.get(bucket).computeIfAbsent(uid, k -> new long[2]);
                o[0] += n;
                o[1] += b;
            }
        }

        /** Adds another collection's histogram bucket by bucket. */
        public void addAll(Histogram other) {
            for (int i = 0; i < Buckets.COUNT; i++) {
                final int bucket = i;
                files[i] += other.files[i];
                bytes[i] += other.bytes[i];
                other.owners.get(i).forEach((uid, v) -> {
                    long[] o = owners.get(bucket).computeIfAbsent(uid, k -> new long[2]);
                    o[0] += v[0];
                    o[1] += v[1];
                });
            }
            fast &= other.fast;
            approximate |= other.approximate;
        }
    }

    /**
     * Access-age ({@code size == false}) or size histogram. Unscoped and without a depth range:
     * exact, from the per-file tables. Otherwise per directory (reference §7.5): a directory's
     * own files all go to the bucket of their newest atime (access) or of their average size
     * (size), credited to its single owner; the owner filter applies on both (fixes D4).
     * Returns null for an access histogram of a scan without a date.
     */
    public Histogram histogram(boolean size, Long ownerUid, List<String> prefixes, Integer minDepth, Integer maxDepth)
            throws SQLException {
        LocalDate scanDate = reader.scanDate();
        if (!size && scanDate == null) {
            return null;
        }
        List<long[]> scopes = scopes(prefixes);
        Histogram h = new Histogram();
        if (scopes != null && scopes.isEmpty()) {
            h.fast = false;
            h.approximate = size;
            return h;
        }
        Sql sql = new Sql();
        if (scopes == null && minDepth == null && maxDepth == null) {
            sql.add("SELECT bucket_index, owner_uid, file_count, total_size FROM "
                    + (size ? "size_histogram" : "access_histogram") + " WHERE 1 = 1");
            if (ownerUid != null) {
                sql.add(" AND owner_uid = ?", ownerUid);
            }
        } else {
            h.fast = false;
            h.approximate = size;
            StringBuilder bucket = new StringBuilder("CASE");
            if (size) {
                for (int i = 0; i < Buckets.COUNT - 1; i++) {
                    bucket.append(" WHEN s.total_size_nr / s.file_count_nr < ").append(Buckets.sizeUpper(i)).append(" THEN ").append(i);
                }
            } else {
                bucket.append(" WHEN s.max_atime_nr IS NULL THEN 9");
                for (int i = 0; i < Buckets.COUNT - 1; i++) {
                    String cutoff = NaiveTime.format(NaiveTime.of(scanDate.minusDays(Buckets.ageUpperDays(i)).atStartOfDay()));
                    bucket.append(" WHEN s.max_atime_nr > '").append(cutoff).append("' THEN ").append(i);
                }
            }
            bucket.append(" ELSE 9 END");
            sql.add("SELECT b, owner_uid, SUM(file_count_nr), SUM(total_size_nr) FROM (SELECT " + bucket + " AS b,"
                    + " s.owner_uid AS owner_uid, s.file_count_nr AS file_count_nr, s.total_size_nr AS total_size_nr"
                    + " FROM directory_stats s JOIN directories d ON d.dir_id = s.dir_id WHERE s.file_count_nr > 0");
            if (ownerUid != null) {
                sql.add(" AND s.owner_uid = ?", ownerUid);
            }
            depthFilter(sql, minDepth, maxDepth);
            scopeFilter(sql, scopes);
            sql.add(") per_dir GROUP BY b, owner_uid");
        }
        sql.add(" ORDER BY 1, 2");
        try (PreparedStatement ps = sql.prepare(reader.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                h.add(rs.getInt(1), nullableLong(rs, 2), rs.getLong(3), rs.getLong(4));
            }
        }
        return h;
    }

    /** Per-collection summary (reference §6.7 {@code --summary}, with D10 fixed). */
    public record Summary(long directories, long roots, long files, long size, int maxDepth) {
    }

    public Summary summary() throws SQLException {
        try (PreparedStatement ps = reader.connection().prepareStatement("SELECT (SELECT COUNT(*) FROM directories),"
                + " COUNT(*), COALESCE(SUM(s.file_count_r), 0), COALESCE(SUM(s.total_size_r), 0),"
                + " (SELECT COALESCE(MAX(depth), 0) FROM directories) FROM directories d JOIN directory_stats s"
                + " ON d.dir_id = s.dir_id WHERE d.parent_id IS NULL"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5));
        }
    }
}
