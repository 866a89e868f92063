package org.hpcusage.core.ingest;

import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.report.resource.Dimension;
import org.hpcusage.core.store.RollupMapper;

/**
 * Rebuilds the per-day rollups (daily_buckets, daily_user_usage, rollup_days) of one
 * machine-local day from the jobs stored for it, in the caller's transaction: the same unit of
 * work as the day's daily_summary, so a day's rollups always match its jobs.
 */
final class DayRollups {
    private static final String SIGNATURE = Dimension.signature();

    private DayRollups() {
    }

    /** Replaces the day's rollups; {@code endDay} is yyyymmdd in the machine's zone. */
    static void rebuild(SqlSession session, long machineId, int endDay) {
        RollupMapper rollups = session.getMapper(RollupMapper.class);
        rollups.deleteBuckets(machineId, endDay);
        rollups.deleteUserUsage(machineId, endDay);
        rollups.deleteDay(machineId, endDay);
        for (Dimension d : Dimension.values()) {
            rollups.insertBuckets(machineId, endDay, d.code(), d.bucketSql(), d.filter());
        }
        rollups.insertUserUsage(machineId, endDay);
        rollups.markDay(machineId, endDay, SIGNATURE);
    }
}
