package org.hpcusage.core.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.store.Database;

/**
 * A small hand-built store for the query tests: eight derecho jobs (J1..J8, ids 1..8) and one
 * casper job (id 9), written with plain SQL so that the expected numbers can be worked out by
 * hand from this table. G = 1024³ bytes; derecho is America/Denver (UTC−7 in January).
 *
 * <pre>
 * id job_id                 name        user  account  queue   qos       exit end (UTC)          end_day  elapsed wait    nodes cpus gpus reqmem memory | cpu_h gpu_h mem_h factor
 *  1 6049117.desched1       wrf_case1   alice NCAR0001 cpu     regular   0    2026-01-10 15:00  20260110  3600   0      1     128  0    200G   50G    | 128   0     50    1.0
 *  2 6049117[].desched1     ens_parent  alice NCAR0001 cpu     premium   0    2026-01-10 16:00  20260110  7200   59     2     256  0    100G   120G   | 512   0     240   1.5
 *  3 6049117[28].desched1   ens_28      bob   UCSD0047 gpu     regular   271  2026-01-11 02:00  20260110  1800   120    1     64   4    50G    10G    | 64    2     5     1.0
 *  4 6049117[28].casper-pbs ens_28b     bob   UCSD0047 gpu     economy   0    2026-01-12 18:00  20260112  900    10000  1     32   1    NULL   5G     | 32    1     1.25  0.7
 *  5 60491170.desched1      Post_Proc   carol NCAR0001 develop regular   0    2026-01-20 20:00  20260120  36000  200000 1     16   0    4G     1G     | 160   0     10    1.0
 *  6 7000001.desched1       postproc    carol UCSD0047 develop uncharged -29  2026-02-01 08:00  20260201  20     NULL   1     1    0    1G     NULL   | (no charge row)
 *  7 7000002.desched1       NULL        NULL  NULL     cpu     regular   0    NULL              NULL      NULL   30     NULL  NULL NULL NULL   NULL   | 0     0     0     1.0
 *  8 7000003.desched1       a_b         alice UCSD0047 gpu     premium   0    2026-01-31 23:30  20260131  3600   3600   3     384  12   2000G  1000G  | 384   12    1000  1.5
 *  9 6049117.casper-pbs     wrf_case1   alice NCAR0001 cpu     regular   0    2026-01-10 15:00  20260110  3600   0      1     1    0    1G     1G     | 1     0     1     1.0   (casper)
 * </pre>
 * Job 3 ends at 19:00 on Jan 10 local time although its UTC date is Jan 11. Job 2 used more
 * memory than it asked for (wasted −20G).
 */
final class QueryFixture {
    static final long G = 1024L * 1024 * 1024;

    private QueryFixture() {
    }

    static void build(Database db) throws SQLException {
        try (SqlSession session = db.writer()) {
            Connection c = session.getConnection();
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO machines (name, time_zone) VALUES ('derecho', 'America/Denver')");
                st.execute("INSERT INTO machines (name, time_zone) VALUES ('casper', 'America/Denver')");
                for (String u : new String[] {"alice", "bob", "carol"}) {
                    st.execute("INSERT INTO users (username) VALUES ('" + u + "')");
                }
                st.execute("INSERT INTO accounts (account_name) VALUES ('NCAR0001')");
                st.execute("INSERT INTO accounts (account_name) VALUES ('UCSD0047')");
                for (String q : new String[] {"cpu", "gpu", "develop"}) {
                    st.execute("INSERT INTO queues (queue_name) VALUES ('" + q + "')");
                }
            }
            Object[][] jobs = {
                // id, machine, job_id, name, user, account, queue, qos, status, end, end_day, elapsed, wait, nodes, cpus, gpus, reqmem, memory
                {1, "derecho", "6049117.desched1", "wrf_case1", "alice", "NCAR0001", "cpu", "regular", "0", "2026-01-10T15:00:00Z", 20260110, 3600L, 0L, 1, 128, 0, 200 * G, 50 * G},
                {2, "derecho", "6049117[].desched1", "ens_parent", "alice", "NCAR0001", "cpu", "premium", "0", "2026-01-10T16:00:00Z", 20260110, 7200L, 59L, 2, 256, 0, 100 * G, 120 * G},
                {3, "derecho", "6049117[28].desched1", "ens_28", "bob", "UCSD0047", "gpu", "regular", "271", "2026-01-11T02:00:00Z", 20260110, 1800L, 120L, 1, 64, 4, 50 * G, 10 * G},
                {4, "derecho", "6049117[28].casper-pbs", "ens_28b", "bob", "UCSD0047", "gpu", "economy", "0", "2026-01-12T18:00:00Z", 20260112, 900L, 10000L, 1, 32, 1, null, 5 * G},
                {5, "derecho", "60491170.desched1", "Post_Proc", "carol", "NCAR0001", "develop", "regular", "0", "2026-01-20T20:00:00Z", 20260120, 36000L, 200000L, 1, 16, 0, 4 * G, 1 * G},
                {6, "derecho", "7000001.desched1", "postproc", "carol", "UCSD0047", "develop", "uncharged", "-29", "2026-02-01T08:00:00Z", 20260201, 20L, null, 1, 1, 0, 1 * G, null},
                {7, "derecho", "7000002.desched1", null, null, null, "cpu", "regular", "0", null, null, null, 30L, null, null, null, null, null},
                {8, "derecho", "7000003.desched1", "a_b", "alice", "UCSD0047", "gpu", "premium", "0", "2026-01-31T23:30:00Z", 20260131, 3600L, 3600L, 3, 384, 12, 2000 * G, 1000 * G},
                {9, "casper", "6049117.casper-pbs", "wrf_case1", "alice", "NCAR0001", "cpu", "regular", "0", "2026-01-10T15:00:00Z", 20260110, 3600L, 0L, 1, 1, 0, 1 * G, 1 * G},
            };
            String insert = "INSERT INTO jobs (id, machine_id, job_id, submit, name, user_id, account_id, queue_id, qos_id, status, "
                    + "\"end\", end_day, elapsed, eligible_secs, numnodes, numcpus, numgpus, reqmem, memory) VALUES (?, "
                    + "(SELECT id FROM machines WHERE name = ?), ?, 1767225600, ?, (SELECT id FROM users WHERE username = ?), "
                    + "(SELECT id FROM accounts WHERE account_name = ?), (SELECT id FROM queues WHERE queue_name = ?), "
                    + "(SELECT id FROM job_qos WHERE name = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (Object[] j : jobs) {
                    ps.setLong(1, ((Number) j[0]).longValue());
                    for (int i = 1; i <= 8; i++) {
                        ps.setString(i + 1, (String) j[i]);
                    }
                    setLong(ps, 10, j[9] == null ? null : Instant.parse((String) j[9]).getEpochSecond());
                    for (int i = 10; i <= 17; i++) {
                        setLong(ps, i + 1, (Number) j[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Object[][] charges = {
                {1, 128.0, 0.0, 50.0, 1.0}, {2, 512.0, 0.0, 240.0, 1.5}, {3, 64.0, 2.0, 5.0, 1.0},
                {4, 32.0, 1.0, 1.25, 0.7}, {5, 160.0, 0.0, 10.0, 1.0}, {7, 0.0, 0.0, 0.0, 1.0},
                {8, 384.0, 12.0, 1000.0, 1.5}, {9, 1.0, 0.0, 1.0, 1.0},
            };
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job_charges (job_id, cpu_hours, gpu_hours, "
                    + "memory_hours, charge_version, qos_factor) VALUES (?, ?, ?, ?, 1, ?)")) {
                for (Object[] ch : charges) {
                    ps.setLong(1, ((Number) ch[0]).longValue());
                    for (int i = 1; i <= 4; i++) {
                        ps.setDouble(i + 1, (Double) ch[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            session.commit();
        }
    }

    static long jobCount(Database db) throws SQLException {
        try (SqlSession session = db.reader(); Statement st = session.getConnection().createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM jobs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Number value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value.longValue());
        }
    }
}
