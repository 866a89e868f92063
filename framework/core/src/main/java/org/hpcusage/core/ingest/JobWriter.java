package org.hpcusage.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.store.Dialect;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.charging.Charge;

/**
 * Batched writes of jobs, charges and raw records on the unit's connection. Plain JDBC batches
 * rather than MyBatis statements: this is the one hot path (tens of thousands of rows per
 * unit), each statement has a fixed shape, and per-row reflection would dominate the cost.
 * Statements run in dependency order at {@link #flush()}: jobs before the rows that reference them.
 */
final class JobWriter implements AutoCloseable {

    /**
     * The columns a re-read log may change: everything but identity (machine, job id, submit).
     * Insert and update bind them with the same code, in this order.
     */
    private static final List<String> FIELDS = List.of("short_id", "name", "priority", "status", "queued",
            "eligible", "start", "\"end\"", "end_day", "elapsed", "walltime", "eligible_secs", "run_count", "numcpus",
            "numgpus", "numnodes", "mpiprocs", "ompthreads", "reqmem", "memory", "vmemory", "cputype", "gputype",
            "resources", "user_id", "account_id", "queue_id", "qos_id");

    private static final String INSERT_JOB = "INSERT INTO jobs (id, machine_id, job_id, submit, "
            + String.join(", ", FIELDS) + ") VALUES (?, ?, ?, ?" + ", ?".repeat(FIELDS.size()) + ")";

    private static final String UPDATE_JOB = "UPDATE jobs SET " + String.join(" = ?, ", FIELDS) + " = ? WHERE id = ?";

    private static final String UPSERT_CHARGE = "INSERT INTO job_charges "
            + "(job_id, cpu_hours, gpu_hours, memory_hours, charge_version, qos_factor) VALUES (?, ?, ?, ?, 1, ?) "
            + "ON CONFLICT (job_id) DO UPDATE SET cpu_hours = excluded.cpu_hours, gpu_hours = excluded.gpu_hours, "
            + "memory_hours = excluded.memory_hours, charge_version = excluded.charge_version, "
            + "qos_factor = excluded.qos_factor";

    private static final String UPSERT_RECORD = "INSERT INTO job_records (job_id, codec, dict_id, compressed_data) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (job_id) DO UPDATE SET codec = excluded.codec, "
            + "dict_id = excluded.dict_id, compressed_data = excluded.compressed_data";

    /**
     * Job ids per look-up of stored jobs on SQLite. The statement has this many placeholders
     * whatever the batch (unused ones bound to NULL, which matches nothing), so it is prepared
     * once per unit instead of being rebuilt for every batch as a dynamic IN list would be.
     */
    static final int LOOKUP_CHUNK = 500;
    /** PostgreSQL: the fewest inserted jobs after which a unit refreshes the table's statistics ({@link #analyzeJobs}). */
    private static final long FIRST_ANALYZE = 5_000;

    private static final String FIND_STORED_SQLITE = "SELECT id, job_id, submit FROM jobs WHERE machine_id = ? AND job_id IN ("
            + "?, ".repeat(LOOKUP_CHUNK - 1) + "?)";

    /**
     * PostgreSQL takes the whole batch as one array. Unlike a list of parameters, {@code = ANY}
     * of an array is planned as a scan of the unique index even in a generic plan on a table
     * that has never been analysed (a fresh store); the IN list was planned as a scan of every
     * job of the machine, filtered against each id, which made a first sync slower with every
     * batch (measured: 300 ms a batch at 10 000 stored jobs).
     */
    private static final String FIND_STORED_POSTGRESQL = "SELECT id, job_id, submit FROM jobs WHERE machine_id = ? "
            + "AND job_id = ANY (?)";

    /** Foreign keys and derived values of one job, resolved by the engine. */
    record Keys(long machineId, int endDay, Long userId, Long accountId, Long queueId, long qosId) {
    }

    private final PreparedStatement insertJob;
    private final PreparedStatement updateJob;
    private final PreparedStatement upsertCharge;
    private final PreparedStatement upsertRecord;
    private final PreparedStatement findStored;
    private final Connection connection;
    private final Dialect dialect;
    private int pendingInserts;
    private int pendingUpdates;
    private int pendingCharges;
    private int pendingRecords;
    /** Jobs inserted by this writer, and the count at which PostgreSQL's statistics are refreshed next. */
    private long insertedRows;
    private long analyzeAt;

    JobWriter(Connection connection, Dialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        insertJob = connection.prepareStatement(INSERT_JOB);
        updateJob = connection.prepareStatement(UPDATE_JOB);
        upsertCharge = connection.prepareStatement(UPSERT_CHARGE);
        upsertRecord = connection.prepareStatement(UPSERT_RECORD);
        findStored = connection.prepareStatement(dialect == Dialect.POSTGRESQL ? FIND_STORED_POSTGRESQL : FIND_STORED_SQLITE);
        if (dialect == Dialect.POSTGRESQL) {
            analyzeAt = Math.max(FIRST_ANALYZE, estimatedJobs());
        }
    }

    /** The server's estimate of the jobs table's rows (0 before its first ANALYZE). */
    private long estimatedJobs() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT reltuples FROM pg_class WHERE oid = 'jobs'::regclass")) {
            return rs.next() ? Math.max(0, (long) rs.getDouble(1)) : 0;
        }
    }

    /**
     * PostgreSQL: refreshes the jobs table's statistics inside a unit that grows the table a lot
     * (ANALYZE sees the unit's own rows): once the unit has inserted as many jobs as the table
     * held (at least 5 000), and again each time that count doubles (~8 times for a million jobs
     * into an empty table, ~0.1 s each; never for a day of a big store). The server plans from
     * statistics taken before the unit, and the plans it cached for the table as it was stop
     * fitting: with a machine that had no jobs, the de-duplication look-up went through an index
     * that cannot use the job id and compared every row of the machine with every id of the
     * batch, 250 ms a batch and growing. New statistics make it plan again.
     */
    private void analyzeJobs() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ANALYZE jobs");
        }
        analyzeAt = insertedRows * 2;
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
        if (dialect == Dialect.POSTGRESQL) {
            findStored.setArray(2, connection.createArrayOf("text", jobIds.toArray()));
            collect(found);
            return found;
        }
        for (int from = 0; from < jobIds.size(); from += LOOKUP_CHUNK) {
            int n = Math.min(LOOKUP_CHUNK, jobIds.size() - from);
            for (int i = 0; i < LOOKUP_CHUNK; i++) {
                if (i < n) {
                    findStored.setString(i + 2, jobIds.get(from + i));
                } else {
                    findStored.setNull(i + 2, Types.VARCHAR);
                }
            }
            collect(found);
        }
        return found;
    }

    private void collect(Map<String, Long> found) throws SQLException {
        try (ResultSet rs = findStored.executeQuery()) {
            while (rs.next()) {
                long submit = rs.getLong(3);
                found.put(identity(rs.getString(2), rs.wasNull() ? null : submit), rs.getLong(1));
            }
        }
    }

    void insert(long id, JobRecord job, Keys keys) throws SQLException {
        insertJob.setLong(1, id);
        insertJob.setLong(2, keys.machineId());
        insertJob.setString(3, job.jobId());
        setInstant(insertJob, 4, job.submit());
        bindFields(insertJob, 5, job, keys);
        insertJob.addBatch();
        pendingInserts++;
    }

    void update(long id, JobRecord job, Keys keys) throws SQLException {
        int next = bindFields(updateJob, 1, job, keys);
        updateJob.setLong(next, id);
        updateJob.addBatch();
        pendingUpdates++;
    }

    /** Binds {@link #FIELDS} from parameter {@code first} on; returns the next parameter index. */
    private static int bindFields(PreparedStatement ps, int first, JobRecord job, Keys keys) throws SQLException {
        int i = first;
        setLong(ps, i++, job.shortId());
        ps.setString(i++, job.name());
        ps.setString(i++, job.priority());
        ps.setString(i++, job.status());
        setInstant(ps, i++, job.queued());
        setInstant(ps, i++, job.eligible());
        setInstant(ps, i++, job.start());
        setInstant(ps, i++, job.end());
        if (job.end() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, keys.endDay());
        }
        setLong(ps, i++, job.elapsed());
        setLong(ps, i++, job.walltime());
        setLong(ps, i++, job.eligibleSecs());
        setInt(ps, i++, job.runCount());
        setInt(ps, i++, job.numcpus());
        setInt(ps, i++, job.numgpus());
        setInt(ps, i++, job.numnodes());
        setInt(ps, i++, job.mpiprocs());
        setInt(ps, i++, job.ompthreads());
        setLong(ps, i++, job.reqmem());
        setLong(ps, i++, job.memory());
        setLong(ps, i++, job.vmemory());
        ps.setString(i++, job.cputype());
        ps.setString(i++, job.gputype());
        ps.setString(i++, job.resources());
        setLong(ps, i++, keys.userId());
        setLong(ps, i++, keys.accountId());
        setLong(ps, i++, keys.queueId());
        ps.setLong(i++, keys.qosId());
        assert i - first == FIELDS.size();
        return i;
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
            insertedRows += pendingInserts;
            pendingInserts = 0;
            if (dialect == Dialect.POSTGRESQL && insertedRows >= analyzeAt) {
                analyzeJobs();
            }
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
