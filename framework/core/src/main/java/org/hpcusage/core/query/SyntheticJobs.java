package org.hpcusage.core.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.IntConsumer;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.SummaryMapper;

/**
 * Fills a store with many synthetic jobs and their charges for query benchmarks, straight in SQL
 * (one {@code INSERT ... SELECT} over a recursive row source per day and table, one transaction
 * per day), because going through day files and the parser would take far longer than the
 * queries being measured. Values are deterministic integer hashes of the row id, shaped roughly
 * like a large cluster's month: thousands of users with a skewed share of jobs, mostly small
 * jobs with a long tail of wide ones, waits from seconds to days, a few NULLs. The same SQL runs
 * on SQLite and PostgreSQL.
 */
public final class SyntheticJobs {

    static final int USERS = 3500;
    static final int ACCOUNTS = 1300;
    static final String[] QUEUES = {"cpu", "cpu", "cpu", "gpu", "develop", "cpudev", "gpudev", "preempt", "share", "long"};

    private SyntheticJobs() {
    }

    /**
     * Adds {@code jobsPerDay} jobs ending on each of {@code days} machine-local days from
     * {@code firstDay} to {@code machine}; reports each finished day to {@code progress}.
     *
     * @return the number of jobs written
     */
    public static long generate(Database db, String machine, ZoneId zone, LocalDate firstDay, int days, int jobsPerDay,
                                IntConsumer progress) throws SQLException {
        long written = 0;
        try (SqlSession session = db.writer()) {
            Connection c = session.getConnection();
            long machineId = lookups(c, machine, zone);
            session.commit();
            long nextId = scalar(c, "SELECT COALESCE(MAX(id), 0) FROM jobs") + 1;
            try (PreparedStatement jobs = c.prepareStatement(jobsSql());
                 PreparedStatement charges = c.prepareStatement(chargesSql())) {
                for (int d = 0; d < days; d++) {
                    LocalDate day = firstDay.plusDays(d);
                    long dayStart = day.atStartOfDay(zone).toEpochSecond();
                    long daySeconds = day.plusDays(1).atStartOfDay(zone).toEpochSecond() - dayStart;
                    jobs.setLong(1, jobsPerDay);
                    jobs.setLong(2, nextId - 1);
                    jobs.setLong(3, machineId);
                    jobs.setLong(4, dayStart);
                    jobs.setLong(5, daySeconds);
                    jobs.setLong(6, jobsPerDay);
                    jobs.setInt(7, Machine.yyyymmdd(day));
                    jobs.setLong(8, nextId - 1);
                    jobs.executeUpdate();
                    charges.setLong(1, nextId);
                    charges.setLong(2, nextId + jobsPerDay - 1);
                    charges.executeUpdate();
                    session.commit();
                    nextId += jobsPerDay;
                    written += jobsPerDay;
                    progress.accept(d + 1);
                }
            }
        }
        return written;
    }

    /**
     * Writes the daily summaries of {@code days} days from {@code firstDay} with the sync's own
     * statements (one (user, account, queue) row per combination, a NO_JOBS marker for an empty
     * day), unless the machine already has summaries; one transaction per day.
     *
     * @return the number of days summarized (0 when summaries were there)
     */
    public static int summarize(Database db, String machine, LocalDate firstDay, int days) throws SQLException {
        try (SqlSession session = db.writer()) {
            Connection c = session.getConnection();
            long machineId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM machines WHERE name = ?")) {
                ps.setString(1, machine);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    machineId = rs.getLong(1);
                }
            }
            if (scalar(c, "SELECT COUNT(*) FROM daily_summary WHERE machine_id = " + machineId) > 0) {
                return 0;
            }
            SummaryMapper summaries = session.getMapper(SummaryMapper.class);
            for (int d = 0; d < days; d++) {
                LocalDate day = firstDay.plusDays(d);
                if (summaries.insertDay(machineId, day.toString(), Machine.yyyymmdd(day)) == 0) {
                    summaries.insertMarker(machineId, day.toString());
                }
                session.commit();
            }
            return days;
        }
    }

    /** Machine, users, accounts and queues; returns the machine's id. */
    private static long lookups(Connection c, String machine, ZoneId zone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO machines (name, time_zone) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, machine);
            ps.setString(2, zone.getId());
            ps.executeUpdate();
        }
        insertNames(c, "users", "username", "user", USERS);
        insertNames(c, "accounts", "account_name", "ACCT", ACCOUNTS);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO queues (queue_name) VALUES (?) ON CONFLICT (queue_name) DO NOTHING")) {
            for (String q : QUEUES) {
                ps.setString(1, q);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM machines WHERE name = ?")) {
            ps.setString(1, machine);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertNames(Connection c, String table, String column, String prefix, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + table + " (" + column + ") VALUES (?) ON CONFLICT (" + column + ") DO NOTHING")) {
            for (int i = 1; i <= n; i++) {
                ps.setString(1, String.format("%s%04d", prefix, i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Parameters: rows, id offset, machine id, day start epoch, day length, rows again, end_day,
     * id offset again.
     * {@code h} is a hash of the id in 0..999,999; lookups are joined by name so that ids
     * assigned by either database work.
     */
    private static String jobsSql() {
        return "INSERT INTO jobs (id, machine_id, job_id, short_id, name, status, submit, eligible, start, \"end\", end_day, "
                + "elapsed, walltime, eligible_secs, run_count, numcpus, numgpus, numnodes, reqmem, memory, "
                + "user_id, account_id, queue_id, qos_id) "
                + "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ?), "
                + "r AS (SELECT ? + n AS id, n, ? AS machine_id, ? + (n * ?) / (? + 1) AS e, ? AS end_day, "
                + "       ((? + n) * 2654435761) % 1000003 AS h FROM s), "
                + "v AS (SELECT id, machine_id, e, end_day, h, "
                + "       CASE WHEN h % 100 < 55 THEN 1 WHEN h % 100 < 75 THEN 2 WHEN h % 100 < 87 THEN 4 "
                + "            WHEN h % 100 < 94 THEN 16 WHEN h % 100 < 98 THEN 64 WHEN h % 100 < 99 THEN 256 ELSE 1024 END AS nodes, "
                + "       (h / 100) % 43200 + 1 AS elapsed, "
                + "       CASE WHEN h % 47 = 0 THEN NULL ELSE ((h / 7) % 1000) * ((h / 7) % 1000) / 4 END AS wait, "
                + "       1 + (((h / 13) % " + USERS + ") * ((h / 17) % " + USERS + ")) / " + USERS + " AS u, "
                + "       1 + (h / 19) % 10 AS q "
                + "     FROM r) "
                + "SELECT v.id, v.machine_id, CAST(v.id + 1000000 AS TEXT) || '.bench', v.id + 1000000, "
                + "       'job_' || CAST(v.h % 5000 AS TEXT), "
                + "       CASE WHEN v.h % 20 = 0 THEN '1' WHEN v.h % 20 = 1 THEN '271' ELSE '0' END, "
                + "       v.e - v.elapsed - COALESCE(v.wait, 0), v.e - v.elapsed - COALESCE(v.wait, 0), v.e - v.elapsed, "
                + "       v.e, v.end_day, v.elapsed, v.elapsed + 600, v.wait, 1, "
                + "       CASE WHEN v.q IN (5, 6, 7) THEN 1 + v.h % 64 ELSE v.nodes * 128 END, "
                + "       CASE WHEN v.q IN (4, 7) THEN v.nodes * 4 ELSE 0 END, v.nodes, "
                + "       CASE WHEN v.h % 31 = 0 THEN NULL ELSE CAST(v.nodes AS BIGINT) * 235 * 1073741824 END, "
                + "       CAST(v.nodes AS BIGINT) * ((v.h / 23) % 300) * 1073741824, "
                + "       (SELECT id FROM users WHERE username = 'user' || substr(CAST(10000 + v.u AS TEXT), 2)), "
                + "       (SELECT id FROM accounts WHERE account_name = 'ACCT' || substr(CAST(10000 + 1 + (v.u * 31 + v.h % 3) % "
                + ACCOUNTS + " AS TEXT), 2)), "
                + "       (SELECT id FROM queues WHERE queue_name = " + queueCase() + "), "
                + "       (SELECT id FROM job_qos WHERE name = CASE WHEN v.h % 10 = 0 THEN 'premium' "
                + "            WHEN v.h % 10 = 1 THEN 'economy' ELSE 'regular' END) "
                + "FROM v";
    }

    private static String queueCase() {
        StringBuilder sb = new StringBuilder("CASE v.q");
        for (int i = 0; i < QUEUES.length; i++) {
            sb.append(" WHEN ").append(i + 1).append(" THEN '").append(QUEUES[i]).append('\'');
        }
        return sb.append(" END").toString();
    }

    /** Node-exclusive hours, 128 cores and 4 GPUs per node, with the QoS's factor. */
    private static String chargesSql() {
        return "INSERT INTO job_charges (job_id, cpu_hours, gpu_hours, memory_hours, charge_version, qos_factor) "
                + "SELECT j.id, j.elapsed * j.numnodes * 128 / 3600.0, j.elapsed * j.numgpus / 3600.0, "
                + "j.elapsed * (COALESCE(j.memory, 0) / 1073741824.0) / 3600.0, 1, q.factor "
                + "FROM jobs j JOIN job_qos q ON q.id = j.qos_id WHERE j.id BETWEEN ? AND ?";
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
