package org.hpcusage.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import org.hpcusage.core.report.resource.Dimension;
import org.hpcusage.core.store.MultiRowInsert;

/**
 * A machine-local day's daily_summary, daily_buckets and daily_user_usage rows from one read of
 * its jobs, summed here: the SQLite way of {@link DayAggregates}' grouped statements.
 *
 * <p>SQLite has no hash aggregate; each of the eight grouped INSERT … SELECTs sorted the day's
 * jobs, and together they took a third of a big import (a month of 1 M jobs: ~11 s of the
 * writer's time). One read of the day through its index, with every dimension's bucket still
 * computed by the SQL CASE of {@link Dimension} (so the bucket rules stay in one place), and
 * hash maps here, give the same rows. PostgreSQL keeps the statements: it aggregates by hash on
 * the server and sends back only the groups.
 *
 * <p>Sums of real numbers are compensated (Kahan–Babuška–Neumaier), as SQLite's own SUM() is
 * since 3.43, so the hours match the statements' to the last bits or nearly so.
 */
final class DayTally {
    private static final Dimension[] DIMENSIONS = Dimension.values();
    private static final int ROWS_PER_INSERT = 200;

    /** Result columns 1-12 are the job's; the buckets of {@link #DIMENSIONS} follow, in order. */
    private static final String READ = read();

    private final Map<SummaryKey, Sums> summary = new HashMap<>();
    private final Map<BucketKey, Sums> buckets = new HashMap<>();
    private final Map<UserKey, Sums> users = new HashMap<>();

    private DayTally() {
    }

    private static String read() {
        StringBuilder sql = new StringBuilder("SELECT j.user_id, j.account_id, j.queue_id, j.status, j.numcpus, j.numgpus, ")
                .append("j.elapsed, j.eligible_secs, c.cpu_hours, c.gpu_hours, c.memory_hours, c.qos_factor");
        for (Dimension d : DIMENSIONS) {
            sql.append(", ");
            if (d.filter() == null) {
                sql.append(d.bucketSql());
            } else {
                sql.append("CASE WHEN ").append(d.filter()).append(" THEN ").append(d.bucketSql()).append(" END");
            }
        }
        return sql.append(" FROM jobs j INDEXED BY ix_jobs_machine_end_day LEFT JOIN job_charges c ON c.job_id = j.id")
                .append(" WHERE j.machine_id = ? AND j.end_day = ?").toString();
    }

    /**
     * Inserts the day's aggregate rows (the caller has deleted the old ones).
     *
     * @return the number of daily_summary rows written (0: the caller writes the "no jobs" marker)
     */
    static int write(Connection connection, long machineId, String date, int endDay) throws SQLException {
        DayTally tally = new DayTally();
        try (PreparedStatement ps = connection.prepareStatement(READ)) {
            ps.setLong(1, machineId);
            ps.setInt(2, endDay);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tally.add(rs);
                }
            }
        }
        tally.insert(connection, machineId, date, endDay);
        return tally.summary.size();
    }

    private void add(ResultSet rs) throws SQLException {
        Long user = nullableLong(rs, 1);
        Long account = nullableLong(rs, 2);
        Long queue = nullableLong(rs, 3);
        String status = rs.getString(4);
        long cpus = rs.getLong(5);   // NULL reads as 0, which is what every use below wants
        long gpus = rs.getLong(6);
        long elapsed = rs.getLong(7);
        Long eligibleSecs = nullableLong(rs, 8);
        Double cpuHours = nullableDouble(rs, 9);
        Double gpuHours = nullableDouble(rs, 10);
        Double memoryHours = nullableDouble(rs, 11);
        Double qos = nullableDouble(rs, 12);

        if (user != null && account != null && queue != null) {
            Sums s = summary.computeIfAbsent(new SummaryKey(user, account, queue), k -> new Sums(6));
            s.count++;
            s.add(0, cpuHours);
            s.add(1, gpuHours);
            s.add(2, memoryHours);
            s.add(3, product(cpuHours, qos));
            s.add(4, product(gpuHours, qos));
            s.add(5, product(memoryHours, qos));
        }
        if (queue != null) {
            for (int d = 0; d < DIMENSIONS.length; d++) {
                int bucket = rs.getInt(13 + d);
                if (rs.wasNull()) {
                    continue;   // the dimension's filter leaves the job out
                }
                Long bucketUser = DIMENSIONS[d].perUser() ? user : null;
                Sums s = buckets.computeIfAbsent(new BucketKey(DIMENSIONS[d].code(), bucket, queue, bucketUser), k -> new Sums(2));
                s.count++;
                if (eligibleSecs != null) {
                    s.waitJobs++;
                    s.waitSecs += eligibleSecs;
                }
                s.add(0, cpuHours);
                s.add(1, gpuHours);
            }
        }
        if (user != null) {
            Sums s = users.computeIfAbsent(new UserKey(user, status), k -> new Sums(4));
            s.count++;
            s.add(0, (double) cpus * elapsed);
            s.add(1, (double) elapsed);
            s.add(2, (double) gpus * elapsed);
            s.add(3, gpus > 0 ? (double) elapsed : 0.0);
        }
    }

    private void insert(Connection connection, long machineId, String date, int endDay) throws SQLException {
        try (MultiRowInsert ins = new MultiRowInsert(connection, "INSERT INTO daily_summary (machine_id, date, user_id, "
                + "account_id, queue_id, job_count, cpu_hours, gpu_hours, memory_hours, cpu_charges, gpu_charges, "
                + "memory_charges) VALUES ", 12, ROWS_PER_INSERT)) {
            for (Map.Entry<SummaryKey, Sums> e : summary.entrySet()) {
                SummaryKey k = e.getKey();
                ins.add(machineId);
                ins.add(date);
                ins.add(k.user());
                ins.add(k.account());
                ins.add(k.queue());
                e.getValue().addTo(ins);
                ins.endRow();
            }
            ins.flush();
        }
        try (MultiRowInsert ins = new MultiRowInsert(connection, "INSERT INTO daily_buckets (machine_id, end_day, "
                + "dimension, bucket, queue_id, user_id, job_count, wait_jobs, wait_secs, cpu_hours, gpu_hours) VALUES ",
                11, ROWS_PER_INSERT)) {
            for (Map.Entry<BucketKey, Sums> e : buckets.entrySet()) {
                BucketKey k = e.getKey();
                Sums s = e.getValue();
                ins.add(machineId);
                ins.add(endDay);
                ins.add(k.dimension());
                ins.add(k.bucket());
                ins.add(k.queue());
                ins.add(k.user(), Types.BIGINT);
                ins.add(s.count);
                ins.add(s.waitJobs);
                ins.add(s.waitSecs);
                ins.add(s.sum(0));
                ins.add(s.sum(1));
                ins.endRow();
            }
            ins.flush();
        }
        try (MultiRowInsert ins = new MultiRowInsert(connection, "INSERT INTO daily_user_usage (machine_id, end_day, "
                + "user_id, status, job_count, cpu_seconds, elapsed_seconds, gpu_seconds, gpu_elapsed_seconds) VALUES ",
                9, ROWS_PER_INSERT)) {
            for (Map.Entry<UserKey, Sums> e : users.entrySet()) {
                ins.add(machineId);
                ins.add(endDay);
                ins.add(e.getKey().user());
                ins.add(e.getKey().status());
                e.getValue().addTo(ins);
                ins.endRow();
            }
            ins.flush();
        }
    }

    /** SQL's {@code a * b}: NULL when either is, and SUM() skips NULLs. */
    private static Double product(Double a, Double b) {
        return a == null || b == null ? null : a * b;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private record SummaryKey(long user, long account, long queue) {
    }

    private record BucketKey(int dimension, int bucket, long queue, Long user) {
    }

    private record UserKey(long user, String status) {
    }

    /** A group's count and compensated sums; a sum of no values is 0, as COALESCE(SUM(x), 0). */
    private static final class Sums {
        long count;
        long waitJobs;
        long waitSecs;
        private final double[] sums;
        private final double[] compensations;

        Sums(int n) {
            sums = new double[n];
            compensations = new double[n];
        }

        void add(int i, Double value) {
            if (value != null) {
                add(i, value.doubleValue());
            }
        }

        /** Neumaier's variant of Kahan summation: also right when the term is the larger. */
        void add(int i, double value) {
            double s = sums[i];
            double t = s + value;
            compensations[i] += Math.abs(s) >= Math.abs(value) ? (s - t) + value : (value - t) + s;
            sums[i] = t;
        }

        double sum(int i) {
            return sums[i] + compensations[i];
        }

        /** The count, then every sum. */
        void addTo(MultiRowInsert ins) {
            ins.add(count);
            for (int i = 0; i < sums.length; i++) {
                ins.add(sum(i));
            }
        }
    }
}
