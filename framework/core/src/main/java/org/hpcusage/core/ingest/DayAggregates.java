package org.hpcusage.core.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.report.resource.Dimension;
import org.hpcusage.core.store.Dialect;
import org.hpcusage.core.store.JobKey;
import org.hpcusage.core.store.RollupMapper;
import org.hpcusage.core.store.SummaryMapper;

/**
 * A machine-local day's aggregates: its daily_summary rows and its rollups (daily_buckets,
 * daily_user_usage, rollup_days), always written in the caller's transaction, the one that
 * changed the day's jobs, so a day's aggregates match its jobs.
 *
 * <p>A pruned day (retention mode) has no raw jobs left: its aggregates are the only record of
 * it and are never rebuilt. Jobs that arrive for it later are added to them, remembered in
 * {@link SeenJobs}, and their raw rows removed again, so the day stays pruned.
 */
final class DayAggregates {
    private static final String SIGNATURE = Dimension.signature();
    private static final List<Integer> DIMENSIONS = Arrays.stream(Dimension.values()).map(Dimension::code).toList();
    private static final List<RollupMapper.BucketRule> BUCKETS = Arrays.stream(Dimension.values())
            .map(d -> new RollupMapper.BucketRule(d.code(), d.bucketSql(), d.filter(), d.perUser()))
            .toList();

    /** Days whose aggregates came from a tally summed as their jobs were written (for tests). */
    static final AtomicLong SUMMED_AS_WRITTEN = new AtomicLong();

    private DayAggregates() {
    }

    /**
     * Rebuilds (or, on a pruned day, adds to) the aggregates of {@code days} from their stored
     * jobs, then the monthly sums of the months they fall in, once each.
     */
    static void summarize(SqlSession session, long machineId, Collection<LocalDate> days, SeenJobs seen) {
        summarize(session, machineId, days, seen, Map.of());
    }

    /**
     * @param tallies days whose every job was summed as it was written (days that had no jobs
     *                before this transaction, SQLite): their rows come from there, not from a read
     */
    static void summarize(SqlSession session, long machineId, Collection<LocalDate> days, SeenJobs seen,
                          Map<Integer, DayTally> tallies) {
        Set<Integer> months = new TreeSet<>();
        for (LocalDate day : days) {
            summarizeDay(session, machineId, day, seen, tallies.get(Machine.yyyymmdd(day)));
            months.add(Machine.yyyymmdd(day) / 100);
        }
        RollupMapper rollups = session.getMapper(RollupMapper.class);
        for (int month : months) {
            // About 25 000 daily rows for a month of 400 users: ~10 ms.
            rollups.deleteUserMonth(machineId, month);
            rollups.insertUserMonth(machineId, month);
        }
    }

    private static void summarizeDay(SqlSession session, long machineId, LocalDate day, SeenJobs seen, DayTally written) {
        int endDay = Machine.yyyymmdd(day);
        RollupMapper rollups = session.getMapper(RollupMapper.class);
        if (rollups.isPruned(machineId, endDay)) {
            addToPruned(session, machineId, day, seen);
            return;
        }
        SummaryMapper summaries = session.getMapper(SummaryMapper.class);
        String date = day.toString();
        summaries.deleteDay(machineId, date);
        rollups.deleteBuckets(machineId, DIMENSIONS, endDay);
        rollups.deleteUserUsage(machineId, endDay);
        rollups.deleteDay(machineId, endDay);
        boolean sqlite = Dialect.SQLITE.id().equals(session.getConfiguration().getDatabaseId());
        int summaryRows;
        if (written != null) {
            SUMMED_AS_WRITTEN.incrementAndGet();
            summaryRows = jdbc(session, date, c -> written.insert(c, machineId, date, endDay));
        } else {
            summaryRows = sqlite ? tally(session, machineId, date, endDay) : grouped(session, machineId, date, endDay);
        }
        if (summaryRows == 0) {
            summaries.insertMarker(machineId, date);   // the NO_JOBS marker
        }
        rollups.markDay(machineId, endDay, SIGNATURE);
    }

    /**
     * Inserts the day's daily_summary and rollup rows with grouped statements (PostgreSQL).
     *
     * @return the number of daily_summary rows
     */
    static int grouped(SqlSession session, long machineId, String date, int endDay) {
        int rows = session.getMapper(SummaryMapper.class).insertDay(machineId, date, endDay);
        insertRollups(session.getMapper(RollupMapper.class), machineId, endDay);
        return rows;
    }

    /** The same rows as {@link #grouped}, summed in Java (SQLite; see {@link DayTally}). */
    static int tally(SqlSession session, long machineId, String date, int endDay) {
        return jdbc(session, date, c -> DayTally.write(c, machineId, date, endDay));
    }

    private interface DayRows {
        int write(Connection connection) throws SQLException;
    }

    /** Runs a day's JDBC writes on the session's connection, failing as MyBatis statements do. */
    private static int jdbc(SqlSession session, String date, DayRows rows) {
        try {
            return rows.write(session.getConnection());
        } catch (SQLException e) {
            throw new PersistenceException("rolling up " + date + ": " + e.getMessage(), e);
        }
    }

    /** Whether the day's rollups exist under the current bucket tables. */
    static boolean rolledUp(SqlSession session, long machineId, int endDay) {
        return !session.getMapper(RollupMapper.class).days(machineId, endDay, endDay, SIGNATURE).isEmpty();
    }

    /**
     * Removes the day's raw jobs (records, charges, rows) after remembering each in {@code seen}
     * (saved before the caller commits), and marks the day pruned. The caller has made sure the
     * day is rolled up.
     */
    static int prune(SqlSession session, long machineId, int endDay, SeenJobs seen) {
        RollupMapper rollups = session.getMapper(RollupMapper.class);
        int n = removeJobs(session, machineId, endDay, seen);
        rollups.markPruned(machineId, endDay);
        return n;
    }

    private static void addToPruned(SqlSession session, long machineId, LocalDate day, SeenJobs seen) {
        int endDay = Machine.yyyymmdd(day);
        RollupMapper rollups = session.getMapper(RollupMapper.class);
        if (rollups.countJobsOn(machineId, endDay) == 0) {
            return;   // nothing arrived (a resummarize, or every job was seen before)
        }
        // The day's jobs table holds only what arrived since it was pruned: add it up. Rollup
        // readers sum their rows, so a second row for a (bucket, queue, user) key is harmless;
        // daily_summary has a unique key and is added to in place.
        SummaryMapper summaries = session.getMapper(SummaryMapper.class);
        summaries.deleteMarker(machineId, day.toString());
        summaries.addDay(machineId, day.toString(), endDay);
        insertRollups(rollups, machineId, endDay);
        removeJobs(session, machineId, endDay, seen);
    }

    private static void insertRollups(RollupMapper rollups, long machineId, int endDay) {
        for (RollupMapper.BucketRule rule : BUCKETS) {
            rollups.insertBuckets(machineId, endDay, rule);
        }
        rollups.insertUserUsage(machineId, endDay);
    }

    private static int removeJobs(SqlSession session, long machineId, int endDay, SeenJobs seen) {
        RollupMapper rollups = session.getMapper(RollupMapper.class);
        List<JobKey> keys = rollups.jobKeysOn(machineId, endDay);
        if (keys.isEmpty()) {
            return 0;
        }
        if (seen == null) {
            throw new IllegalStateException("jobs on pruned day " + endDay + " and nothing to remember them in");
        }
        for (JobKey k : keys) {
            seen.add(k.getJobId(), k.getEnd() == null ? null : Instant.ofEpochSecond(k.getEnd()));
        }
        try {
            seen.save();   // before the rows go: a crash now leaves them stored and remembered
        } catch (IOException e) {
            throw new UncheckedIOException("saving the record of pruned jobs: " + e.getMessage(), e);
        }
        rollups.deleteRecordsOn(machineId, endDay);
        rollups.deleteChargesOn(machineId, endDay);
        rollups.deleteJobsOn(machineId, endDay);
        return keys.size();
    }
}
