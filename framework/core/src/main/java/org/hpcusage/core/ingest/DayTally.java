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
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;

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
 * <p>A day that had no jobs before the unit that writes it (a new day of a sync, a month's first
 * import) needs no read at all: its jobs are added here as they are written, with their buckets
 * from {@link Dimension#bucketOf}, the Java twin of the SQL, and {@code DayTallyTest} checks
 * that both ways give the same rows.
 *
 * <p>Sums of real numbers are compensated (Kahan–Babuška–Neumaier), as SQLite's own SUM() is
 * since 3.43, so the hours match the statements' to the last bits or nearly so.
 */
final class DayTally {
    private static final Dimension[] DIMENSIONS = Dimension.values();
    private static final int ROWS_PER_INSERT = 200;

    /** Bits per dimension in the packed bucket column: a bucket index + 2, 0 for "not counted". */
    private static final int BUCKET_BITS = 5;

    /**
     * The day's jobs, one row each, shaped for few JNI calls per row (most of the read's cost):
     * ids that are never negative come back as -1 for NULL, a missing charge row as zero hours
     * (adding 0 to a sum is the same as SUM() skipping a NULL), and all six bucket indexes packed
     * into one integer. Columns: 1-3 user, account, queue; 4 status; 5-7 CPUs, GPUs, elapsed
     * (NULL as 0, as every use wants); 8 wait (NULL as {@link Long#MIN_VALUE}); 9-12 CPU, GPU and
     * memory hours, QoS factor; 13 the packed buckets of {@link #DIMENSIONS}.
     */
    private static final String READ = read();

    private final Map<SummaryKey, Sums> summary = new HashMap<>();
    private final Map<BucketKey, Sums> buckets = new HashMap<>();
    private final Map<UserKey, Sums> users = new HashMap<>();

    /** An empty tally, for jobs added as they are written ({@link #add(JobRecord, Long, Long, Long, Charge)}). */
    DayTally() {
    }

    private static String read() {
        StringBuilder packed = new StringBuilder();
        for (int d = 0; d < DIMENSIONS.length; d++) {
            Dimension dim = DIMENSIONS[d];
            if (dim.buckets().size() + 1 >= 1 << BUCKET_BITS) {
                throw new IllegalStateException(dim + ": too many buckets to pack");
            }
            String bucket = dim.filter() == null ? dim.bucketSql()
                    : "CASE WHEN " + dim.filter() + " THEN " + dim.bucketSql() + " END";
            packed.append(d == 0 ? "" : " + ").append("COALESCE((").append(bucket).append(") + 2, 0)");
            if (d > 0) {
                packed.append(" * ").append(1L << (BUCKET_BITS * d));
            }
        }
        return "SELECT COALESCE(j.user_id, -1), COALESCE(j.account_id, -1), COALESCE(j.queue_id, -1), j.status, "
                + "j.numcpus, j.numgpus, j.elapsed, COALESCE(j.eligible_secs, " + Long.MIN_VALUE + "), "
                + "COALESCE(c.cpu_hours, 0), COALESCE(c.gpu_hours, 0), COALESCE(c.memory_hours, 0), "
                + "COALESCE(c.qos_factor, 0), " + packed
                + " FROM jobs j INDEXED BY ix_jobs_machine_end_day LEFT JOIN job_charges c ON c.job_id = j.id"
                + " WHERE j.machine_id = ? AND j.end_day = ?";
    }

    /**
     * Reads the day's stored jobs back and inserts its aggregate rows (the caller has deleted the
     * old ones).
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
        return tally.insert(connection, machineId, date, endDay);
    }

    private void add(ResultSet rs) throws SQLException {
        add(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                rs.getLong(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12), rs.getLong(13));
    }

    /**
     * Adds a job as it is written, with the ids it is stored under and its charge: the same
     * values {@link #READ} would read back from its row.
     */
    void add(JobRecord job, Long userId, Long accountId, Long queueId, Charge charge) {
        long packed = 0;
        for (int d = 0; d < DIMENSIONS.length; d++) {
            int bucket = DIMENSIONS[d].bucketOf(job);
            if (bucket != Dimension.EXCLUDED) {
                packed += (long) (bucket + 2) << (BUCKET_BITS * d);
            }
        }
        add(orNone(userId), orNone(accountId), orNone(queueId), job.status(), orZero(job.numcpus()), orZero(job.numgpus()),
                job.elapsed() == null ? 0 : job.elapsed(), job.eligibleSecs() == null ? Long.MIN_VALUE : job.eligibleSecs(),
                charge.cpuHours(), charge.gpuHours(), charge.memoryHours(), charge.qosFactor(), packed);
    }

    private static long orNone(Long id) {
        return id == null ? -1 : id;
    }

    private static long orZero(Integer n) {
        return n == null ? 0 : n;
    }

    private void add(long user, long account, long queue, String status, long cpus, long gpus, long elapsed,
                     long eligibleSecs, double cpuHours, double gpuHours, double memoryHours, double qos, long packed) {
        if (user >= 0 && account >= 0 && queue >= 0) {
            Sums s = summary.computeIfAbsent(new SummaryKey(user, account, queue), k -> new Sums(6, false));
            s.count++;
            s.add(0, cpuHours);
            s.add(1, gpuHours);
            s.add(2, memoryHours);
            s.add(3, cpuHours * qos);
            s.add(4, gpuHours * qos);
            s.add(5, memoryHours * qos);
        }
        if (queue >= 0) {
            for (int d = 0; d < DIMENSIONS.length; d++) {
                int code = (int) (packed >>> (BUCKET_BITS * d)) & ((1 << BUCKET_BITS) - 1);
                if (code == 0) {
                    continue;   // the dimension's filter leaves the job out
                }
                Long bucketUser = DIMENSIONS[d].perUser() && user >= 0 ? user : null;
                Sums s = buckets.computeIfAbsent(new BucketKey(DIMENSIONS[d].code(), code - 2, queue, bucketUser),
                        k -> new Sums(2, true));
                s.count++;
                if (eligibleSecs != Long.MIN_VALUE) {
                    s.waitJobs++;
                    s.waitSecs += eligibleSecs;
                }
                s.add(0, cpuHours);
                s.add(1, gpuHours);
            }
        }
        if (user >= 0) {
            Sums s = users.computeIfAbsent(new UserKey(user, status), k -> new Sums(4, false));
            s.count++;
            s.add(0, (double) cpus * elapsed);
            s.add(1, (double) elapsed);
            s.add(2, (double) gpus * elapsed);
            s.add(3, gpus > 0 ? (double) elapsed : 0.0);
        }
    }

    /**
     * Inserts the rows summed so far (the caller has deleted the day's old ones).
     *
     * @return the number of daily_summary rows written (0: the caller writes the "no jobs" marker)
     */
    int insert(Connection connection, long machineId, String date, int endDay) throws SQLException {
        insert(connection, "INSERT INTO daily_summary (machine_id, date, user_id, account_id, queue_id, job_count, "
                + "cpu_hours, gpu_hours, memory_hours, cpu_charges, gpu_charges, memory_charges) VALUES ", 12, summary,
                (ins, k) -> {
                    ins.add(machineId);
                    ins.add(date);
                    ins.add(k.user());
                    ins.add(k.account());
                    ins.add(k.queue());
                });
        insert(connection, "INSERT INTO daily_buckets (machine_id, end_day, dimension, bucket, queue_id, user_id, "
                + "job_count, wait_jobs, wait_secs, cpu_hours, gpu_hours) VALUES ", 11, buckets, (ins, k) -> {
                    ins.add(machineId);
                    ins.add(endDay);
                    ins.add(k.dimension());
                    ins.add(k.bucket());
                    ins.add(k.queue());
                    ins.add(k.user(), Types.BIGINT);
                });
        insert(connection, "INSERT INTO daily_user_usage (machine_id, end_day, user_id, status, job_count, cpu_seconds, "
                + "elapsed_seconds, gpu_seconds, gpu_elapsed_seconds) VALUES ", 9, users, (ins, k) -> {
                    ins.add(machineId);
                    ins.add(endDay);
                    ins.add(k.user());
                    ins.add(k.status());
                });
        return summary.size();
    }

    /** The key columns of a group's row; its {@link Sums} follow. */
    private interface KeyColumns<K> {
        void add(MultiRowInsert ins, K key);
    }

    private static <K> void insert(Connection connection, String head, int columns, Map<K, Sums> groups, KeyColumns<K> key)
            throws SQLException {
        try (MultiRowInsert ins = new MultiRowInsert(connection, head, columns, ROWS_PER_INSERT)) {
            for (Map.Entry<K, Sums> e : groups.entrySet()) {
                key.add(ins, e.getKey());
                e.getValue().addTo(ins);
                ins.endRow();
            }
            ins.flush();
        }
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

        private final boolean waits;

        /** @param waits whether the row has the wait columns (job_count, wait_jobs, wait_secs, sums...) */
        Sums(int n, boolean waits) {
            this.waits = waits;
            sums = new double[n];
            compensations = new double[n];
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

        /** The count, the waits if kept, then every sum. */
        void addTo(MultiRowInsert ins) {
            ins.add(count);
            if (waits) {
                ins.add(waitJobs);
                ins.add(waitSecs);
            }
            for (int i = 0; i < sums.length; i++) {
                ins.add(sum(i));
            }
        }
    }
}
