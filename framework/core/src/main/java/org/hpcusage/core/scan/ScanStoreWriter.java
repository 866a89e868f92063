package org.hpcusage.core.scan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hpcusage.core.store.Dialect;
import org.hpcusage.core.store.MigrationRunner;
import org.hpcusage.core.store.MultiRowInsert;

/**
 * Writes a finished {@link ScanTree} into an empty scan store: tables, rows in JDBC batches in
 * one transaction, then the indexes, summaries, names and the metadata row.
 */
final class ScanStoreWriter {
    /** Rows per INSERT statement: 200 × 20 columns = 4 000 parameters. */
    private static final int ROWS_PER_INSERT = 200;

    private final Connection connection;
    private final Dialect dialect;

    ScanStoreWriter(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Metadata of the import. */
    record Provenance(String sourceFile, String scanTimestamp, String importTimestamp, String collection,
                      String format) {
    }

    void write(ScanTree tree, Provenance provenance, HostAccounts accounts) throws SQLException {
        long tm = System.nanoTime();
        MigrationRunner migrations = new MigrationRunner(connection, dialect);
        migrations.migrate(ScanSchema.TABLES);
        if (ScanImporter.TIMING) {
            System.err.printf("tables %.2f s%n", (System.nanoTime() - tm) / 1e9);
        }
        connection.setAutoCommit(false);
        List<DirNode> dirs = tree.directories();
        long t0 = System.nanoTime();
        writeDirectories(dirs);
        long t1 = System.nanoTime();
        writeStats(dirs);
        long t2 = System.nanoTime();
        writeHistograms(tree.histograms());
        Map<Long, long[]> owners = new TreeMap<>();
        Map<Long, long[]> groups = new TreeMap<>();
        long totalFiles = 0;
        long totalSize = 0;
        for (DirNode n : dirs) {
            if (n.uidR >= 0) {
                long[] s = owners.computeIfAbsent(n.uidR, k -> new long[3]);
                s[0] += n.sizeNr;
                s[1] += n.filesNr;
                s[2]++;
            }
            if (n.gidR >= 0) {
                long[] s = groups.computeIfAbsent(n.gidR, k -> new long[3]);
                s[0] += n.sizeNr;
                s[1] += n.filesNr;
                s[2]++;
            }
            if (n.parent == null) {
                totalFiles += n.filesR;
                totalSize += n.sizeR;
            }
        }
        writeSummary("owner_summary", "owner_uid", owners);
        writeSummary("group_summary", "owner_gid", groups);
        java.util.Set<Long> uids = new java.util.TreeSet<>(owners.keySet());
        uids.addAll(tree.histograms().byUid().keySet());
        writeNames(uids, groups.keySet(), accounts);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO scan_metadata (source_file, scan_timestamp,"
                + " import_timestamp, filesystem, total_directories, total_files, total_size, format, rejected_lines,"
                + " orphan_files, mount_prefix) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, provenance.sourceFile());
            ps.setString(2, provenance.scanTimestamp());
            ps.setString(3, provenance.importTimestamp());
            ps.setString(4, provenance.collection());
            ps.setLong(5, dirs.size());
            ps.setLong(6, totalFiles);
            ps.setLong(7, totalSize);
            ps.setString(8, provenance.format());
            ps.setLong(9, tree.rejected());
            ps.setLong(10, tree.orphanFiles());
            // The path above the shallowest listed directory: stored paths start below it.
            ps.setString(11, dirs.isEmpty() ? null : ScanTree.parentOf(dirs.get(0).path));
            ps.executeUpdate();
        }
        connection.commit();
        long t3 = System.nanoTime();
        migrations.migrate(ScanSchema.FULL); // the indexes, now that the rows are in
        long t4 = System.nanoTime();
        if (ScanImporter.TIMING) {
            System.err.printf("dirs %.2f s, stats %.2f s, rest %.2f s, indexes %.2f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        }
    }

    private void writeDirectories(List<DirNode> dirs) throws SQLException {
        try (MultiRowInsert ins = new MultiRowInsert(connection,
                "INSERT INTO directories (dir_id, parent_id, name, depth) VALUES ", 4, ROWS_PER_INSERT)) {
            for (DirNode n : dirs) {
                ins.add(n.id);
                if (n.parent == null) {
                    ins.addNull(Types.BIGINT);
                } else {
                    ins.add(n.parent.id);
                }
                ins.add(n.name());
                ins.add(n.depth);
                ins.endRow();
            }
            ins.flush();
        }
    }

    private void writeStats(List<DirNode> dirs) throws SQLException {
        int rootDepth = Integer.MAX_VALUE;
        for (DirNode n : dirs) {
            rootDepth = Math.min(rootDepth, n.depth);
        }
        long[] anc = new long[ScanSchema.ANCESTOR_LEVELS];
        try (MultiRowInsert ins = new MultiRowInsert(connection, "INSERT INTO directory_stats (dir_id, file_count_nr,"
                + " total_size_nr, dir_count_nr, max_atime_nr, file_count_r, total_size_r, dir_count_r, max_atime_r,"
                + " owner_uid, owner_gid, anc_d1, anc_d2, anc_d3, anc_d4, anc_d5, anc_d6, anc_d7, anc_d8, anc_d9) VALUES ",
                20, ROWS_PER_INSERT)) {
            for (DirNode n : dirs) {
                ins.add(n.id);
                ins.add(n.filesNr);
                ins.add(n.sizeNr);
                ins.add(n.dirsNr);
                addTime(ins, n.atimeNr);
                ins.add(n.filesR);
                ins.add(n.sizeR);
                ins.add(n.dirsR);
                addTime(ins, n.atimeR);
                addOwner(ins, n.uidR);
                addOwner(ins, n.gidR);
                ancestors(n, n.depth - rootDepth + 1, anc);
                for (long a : anc) {
                    if (a < 0) {
                        ins.addNull(Types.BIGINT);
                    } else {
                        ins.add(a);
                    }
                }
                ins.endRow();
            }
            ins.flush();
        }
    }

    /**
     * {@code anc[k-1]} = id of the ancestor at root-relative level k (the node itself at its own
     * level), -1 where there is none: levels below the node's, or above an orphan root.
     */
    static void ancestors(DirNode n, int level, long[] anc) {
        java.util.Arrays.fill(anc, -1);
        DirNode cur = n;
        int l = level;
        while (cur != null && l >= 1) {
            if (l <= anc.length) {
                anc[l - 1] = cur.id;
            }
            cur = cur.parent;
            l--;
        }
    }

    private static void addTime(MultiRowInsert ins, long time) {
        if (time == org.hpcusage.spi.scan.FileEntry.NO_TIME) {
            ins.addNull(Types.VARCHAR);
        } else {
            ins.add(NaiveTime.format(time));
        }
    }

    /** -1 = no files (kept), MULTIPLE = several owners (NULL). */
    private static void addOwner(MultiRowInsert ins, long owner) {
        if (owner == DirNode.MULTIPLE) {
            ins.addNull(Types.BIGINT);
        } else {
            ins.add(owner);
        }
    }

    private void writeHistograms(Histograms histograms) throws SQLException {
        try (PreparedStatement access = connection.prepareStatement(
                "INSERT INTO access_histogram (owner_uid, bucket_index, file_count, total_size) VALUES (?, ?, ?, ?)");
             PreparedStatement size = connection.prepareStatement(
                "INSERT INTO size_histogram (owner_uid, bucket_index, file_count, total_size) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, long[]> e : histograms.byUid().entrySet()) {
                long[] c = e.getValue();
                for (int b = 0; b < Buckets.COUNT; b++) {
                    addBucket(access, e.getKey(), b, c[b], c[Buckets.COUNT + b]);
                    addBucket(size, e.getKey(), b, c[2 * Buckets.COUNT + b], c[3 * Buckets.COUNT + b]);
                }
            }
            access.executeBatch();
            size.executeBatch();
        }
    }

    private static void addBucket(PreparedStatement ps, long uid, int bucket, long files, long bytes) throws SQLException {
        if (files == 0) {
            return; // sparse: only non-empty buckets
        }
        ps.setLong(1, uid);
        ps.setInt(2, bucket);
        ps.setLong(3, files);
        ps.setLong(4, bytes);
        ps.addBatch();
    }

    private void writeSummary(String table, String idColumn, Map<Long, long[]> sums) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " (" + idColumn
                + ", total_size, total_files, directory_count) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, long[]> e : sums.entrySet()) {
                ps.setLong(1, e.getKey());
                ps.setLong(2, e.getValue()[0]);
                ps.setLong(3, e.getValue()[1]);
                ps.setLong(4, e.getValue()[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writeNames(java.util.Set<Long> uids, java.util.Set<Long> gids, HostAccounts accounts) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO user_info (uid, username, full_name) VALUES (?, ?, ?)")) {
            for (long uid : uids) {
                HostAccounts.User user = accounts.user(uid);
                ps.setLong(1, uid);
                ps.setString(2, user == null ? null : user.name());
                ps.setString(3, user == null ? null : user.fullName());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO group_info (gid, groupname) VALUES (?, ?)")) {
            for (long gid : gids) {
                ps.setLong(1, gid);
                ps.setString(2, accounts.group(gid));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
