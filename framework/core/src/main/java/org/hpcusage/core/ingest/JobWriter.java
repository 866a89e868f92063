package org.hpcusage.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;

/**
 * Batched writes of jobs, charges and raw records on the unit's connection. Plain JDBC batches
 * rather than MyBatis statements: this is the one hot path (tens of thousands of rows per
 * unit), each statement has a fixed shape, and per-row reflection would dominate the cost.
 * Statements run in dependency order at {@link #flush()}: jobs before the rows that reference them.
 */
final class JobWriter implements AutoCloseable {

    /** The job columns the writer fills, in parameter order after id. */
    private static final String JOB_COLUMNS = "machine_id, job_id, short_id, name, priority, status, submit, queued, "
            + "eligible, start, \"end\", end_day, elapsed, walltime, eligible_secs, run_count, numcpus, numgpus, "
            + "numnodes, mpiprocs, ompthreads, reqmem, memory, vmemory, cputype, gputype, resources, "
            + "user_id, account_id, queue_id, qos_id";

    /** Everything but identity (machine, job id, submit) may change when a log is re-read. */
    private static final String UPDATE_JOB = "UPDATE jobs SET short_id = ?, name = ?, priority = ?, status = ?, "
            + "queued = ?, eligible = ?, start = ?, \"end\" = ?, end_day = ?, elapsed = ?, walltime = ?, "
            + "eligible_secs = ?, run_count = ?, numcpus = ?, numgpus = ?, numnodes = ?, mpiprocs = ?, "
            + "ompthreads = ?, reqmem = ?, memory = ?, vmemory = ?, cputype = ?, gputype = ?, resources = ?, "
            + "user_id = ?, account_id = ?, queue_id = ?, qos_id = ? WHERE id = ?";

    private static final String UPSERT_CHARGE = "INSERT INTO job_charges "
            + "(job_id, cpu_hours, gpu_hours, memory_hours, charge_version, qos_factor) VALUES (?, ?, ?, ?, 1, ?) "
            + "ON CONFLICT (job_id) DO UPDATE SET cpu_hours = excluded.cpu_hours, gpu_hours = excluded.gpu_hours, "
            + "memory_hours = excluded.memory_hours, charge_version = excluded.charge_version, "
            + "qos_factor = excluded.qos_factor";

    private static final String UPSERT_RECORD = "INSERT INTO job_records (job_id, codec, dict_id, compressed_data) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (job_id) DO UPDATE SET codec = excluded.codec, "
            + "dict_id = excluded.dict_id, compressed_data = excluded.compressed_data";

    /**
     * Job ids per look-up of stored jobs. The statement has this many placeholders whatever the
     * batch (unused ones bound to NULL, which matches nothing), so it is prepared once per unit
     * instead of being rebuilt for every batch as a dynamic IN list would be.
     */
    static final int LOOKUP_CHUNK = 500;

    private static final String FIND_STORED = "SELECT id, job_id, submit FROM jobs WHERE machine_id = ? AND job_id IN ("
            + "?, ".repeat(LOOKUP_CHUNK - 1) + "?)";

    /** Foreign keys and derived values of one job, resolved by the engine. */
    record Keys(long machineId, int endDay, Long userId, Long accountId, Long queueId, long qosId) {
    }

    private final PreparedStatement insertJob;
    private final PreparedStatement updateJob;
    private final PreparedStatement upsertCharge;
    private final PreparedStatement upsertRecord;
    private final PreparedStatement findStored;
    private int pendingInserts;
    private int pendingUpdates;
    private int pendingCharges;
    private int pendingRecords;

    JobWriter(Connection connection) throws SQLException {
        String placeholders = "?, ".repeat(32);
        insertJob = connection.prepareStatement("INSERT INTO jobs (id, " + JOB_COLUMNS + ") VALUES ("
                + placeholders.substring(0, placeholders.length() - 2) + ")");
        updateJob = connection.prepareStatement(UPDATE_JOB);
        upsertCharge = connection.prepareStatement(UPSERT_CHARGE);
        upsertRecord = connection.prepareStatement(UPSERT_RECORD);
        findStored = connection.prepareStatement(FIND_STORED);
    }

    /** The identity of a job within a machine: scheduler ids wrap, so the submit time is part of it. */
    static String identity(String jobId, Long submit) {
        return submit == null ? jobId + "\u0000" : jobId + "\u0000" + submit;
    }

    /**
     * Row ids of the stored jobs of {@code machineId} among {@code jobIds}, by {@link #identity}.
     * Sees rows this writer inserted only after {@link #flush()}.
     */
    Map<String, Long> findStored(long machineId, List<String> jobIds) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        findStored.setLong(1, machineId);
        for (int from = 0; from < jobIds.size(); from += LOOKUP_CHUNK) {
            int n = Math.min(LOOKUP_CHUNK, jobIds.size() - from);
            for (int i = 0; i < LOOKUP_CHUNK; i++) {
                if (i < n) {
                    findStored.setString(i + 2, jobIds.get(from + i));
                } else {
                    findStored.setNull(i + 2, Types.VARCHAR);
                }
            }
            try (ResultSet rs = findStored.executeQuery()) {
                while (rs.next()) {
                    long submit = rs.getLong(3);
                    found.put(identity(rs.getString(2), rs.wasNull() ? null : submit), rs.getLong(1));
                }
            }
        }
        return found;
    }

    void insert(long id, JobRecord job, Keys keys) throws SQLException {
        PreparedStatement ps = insertJob;
        ps.setLong(1, id);
        ps.setLong(2, keys.machineId());
        ps.setString(3, job.jobId());
        setLong(ps, 4, job.shortId());
        ps.setString(5, job.name());
        ps.setString(6, job.priority());
        ps.setString(7, job.status());
        setInstant(ps, 8, job.submit());
        setInstant(ps, 9, job.queued());
        setInstant(ps, 10, job.eligible());
        setInstant(ps, 11, job.start());
        setInstant(ps, 12, job.end());
        setEndDay(ps, 13, job, keys);
        setLong(ps, 14, job.elapsed());
        setLong(ps, 15, job.walltime());
        setLong(ps, 16, job.eligibleSecs());
        setInt(ps, 17, job.runCount());
        setInt(ps, 18, job.numcpus());
        setInt(ps, 19, job.numgpus());
        setInt(ps, 20, job.numnodes());
        setInt(ps, 21, job.mpiprocs());
        setInt(ps, 22, job.ompthreads());
        setLong(ps, 23, job.reqmem());
        setLong(ps, 24, job.memory());
        setLong(ps, 25, job.vmemory());
        ps.setString(26, job.cputype());
        ps.setString(27, job.gputype());
        ps.setString(28, job.resources());
        setLong(ps, 29, keys.userId());
        setLong(ps, 30, keys.accountId());
        setLong(ps, 31, keys.queueId());
        ps.setLong(32, keys.qosId());
        ps.addBatch();
        pendingInserts++;
    }

    void update(long id, JobRecord job, Keys keys) throws SQLException {
        PreparedStatement ps = updateJob;
        setLong(ps, 1, job.shortId());
        ps.setString(2, job.name());
        ps.setString(3, job.priority());
        ps.setString(4, job.status());
        setInstant(ps, 5, job.queued());
        setInstant(ps, 6, job.eligible());
        setInstant(ps, 7, job.start());
        setInstant(ps, 8, job.end());
        setEndDay(ps, 9, job, keys);
        setLong(ps, 10, job.elapsed());
        setLong(ps, 11, job.walltime());
        setLong(ps, 12, job.eligibleSecs());
        setInt(ps, 13, job.runCount());
        setInt(ps, 14, job.numcpus());
        setInt(ps, 15, job.numgpus());
        setInt(ps, 16, job.numnodes());
        setInt(ps, 17, job.mpiprocs());
        setInt(ps, 18, job.ompthreads());
        setLong(ps, 19, job.reqmem());
        setLong(ps, 20, job.memory());
        setLong(ps, 21, job.vmemory());
        ps.setString(22, job.cputype());
        ps.setString(23, job.gputype());
        ps.setString(24, job.resources());
        setLong(ps, 25, keys.userId());
        setLong(ps, 26, keys.accountId());
        setLong(ps, 27, keys.queueId());
        ps.setLong(28, keys.qosId());
        ps.setLong(29, id);
        ps.addBatch();
        pendingUpdates++;
    }

    void charge(long id, Charge charge) throws SQLException {
        upsertCharge.setLong(1, id);
        upsertCharge.setDouble(2, charge.cpuHours());
        upsertCharge.setDouble(3, charge.gpuHours());
        upsertCharge.setDouble(4, charge.memoryHours());
        upsertCharge.setDouble(5, charge.qosFactor());
        upsertCharge.addBatch();
        pendingCharges++;
    }

    void record(long id, int codec, Long dictionaryId, byte[] data) throws SQLException {
        upsertRecord.setLong(1, id);
        upsertRecord.setInt(2, codec);
        setLong(upsertRecord, 3, dictionaryId);
        upsertRecord.setBytes(4, data);
        upsertRecord.addBatch();
        pendingRecords++;
    }

    void flush() throws SQLException {
        if (pendingInserts > 0) {
            insertJob.executeBatch();
            pendingInserts = 0;
        }
        if (pendingUpdates > 0) {
            updateJob.executeBatch();
            pendingUpdates = 0;
        }
        if (pendingCharges > 0) {
            upsertCharge.executeBatch();
            pendingCharges = 0;
        }
        if (pendingRecords > 0) {
            upsertRecord.executeBatch();
            pendingRecords = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try (insertJob; updateJob; upsertCharge; upsertRecord; findStored) {
            // closes all five, suppressing secondary failures
        }
    }

    private static void setEndDay(PreparedStatement ps, int index, JobRecord job, Keys keys) throws SQLException {
        if (job.end() == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, keys.endDay());
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value.getEpochSecond());
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
