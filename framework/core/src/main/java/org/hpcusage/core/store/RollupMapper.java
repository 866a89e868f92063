package org.hpcusage.core.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * The per-day rollups of V0005 (RollupMapper.xml): written for one machine-local day
 * (yyyymmdd) at a time, read by the bucketed resource reports. {@code bucketSql}, {@code filter}
 * and {@code hours} are SQL constants of {@code org.hpcusage.core.report.resource}.
 */
public interface RollupMapper {

    int deleteBuckets(@Param("machineId") long machineId, @Param("dimensions") List<Integer> dimensions,
                      @Param("endDay") int endDay);

    int deleteUserUsage(@Param("machineId") long machineId, @Param("endDay") int endDay);

    int deleteDay(@Param("machineId") long machineId, @Param("endDay") int endDay);

    /**
     * A dimension's rule for the rollup: its code, the SQL of a job's bucket, the condition a
     * job must meet to count (or null), and whether rows are per user. SQL constants of
     * {@code Dimension}, never user input.
     */
    record BucketRule(int code, String bucketSql, String filter, boolean perUser) {
    }

    /** One dimension's buckets of the day's jobs, per queue (and user). */
    int insertBuckets(@Param("machineId") long machineId, @Param("endDay") int endDay, @Param("rule") BucketRule rule);

    /** The day's jobs per user and status (leaderboards). */
    int insertUserUsage(@Param("machineId") long machineId, @Param("endDay") int endDay);

    int deleteUserMonth(@Param("machineId") long machineId, @Param("month") int month);

    /** Sums the month's (yyyymm) daily_user_usage rows into monthly_user_usage. */
    int insertUserMonth(@Param("machineId") long machineId, @Param("month") int month);

    int markDay(@Param("machineId") long machineId, @Param("endDay") int endDay, @Param("signature") String signature);

    /** The days of the window rolled up under {@code signature} (null: under any). */
    List<Integer> days(@Param("machineId") long machineId, @Param("fromDay") Integer fromDay,
                       @Param("toDay") Integer toDay, @Param("signature") String signature);

    /** ResourceMapper.buckets, answered from daily_buckets. */
    List<BucketRow> buckets(@Param("machineId") long machineId, @Param("queueIds") List<Long> queueIds,
                            @Param("fromDay") Integer fromDay, @Param("toDay") Integer toDay,
                            @Param("dimension") int dimension, @Param("groupBy") String groupBy,
                            @Param("hours") String hours, @Param("users") boolean users,
                            @Param("waits") boolean waits);

    boolean isPruned(@Param("machineId") long machineId, @Param("endDay") int endDay);

    /** The machine's pruned days (yyyymmdd). */
    List<Integer> prunedDays(@Param("machineId") long machineId);

    int markPruned(@Param("machineId") long machineId, @Param("endDay") int endDay);

    long countJobsOn(@Param("machineId") long machineId, @Param("endDay") int endDay);

    List<JobKey> jobKeysOn(@Param("machineId") long machineId, @Param("endDay") int endDay);

    int deleteRecordsOn(@Param("machineId") long machineId, @Param("endDay") int endDay);

    int deleteChargesOn(@Param("machineId") long machineId, @Param("endDay") int endDay);

    int deleteJobsOn(@Param("machineId") long machineId, @Param("endDay") int endDay);
}
