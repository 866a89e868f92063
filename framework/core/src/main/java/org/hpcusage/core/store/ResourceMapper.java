package org.hpcusage.core.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Queries behind {@code jobs resource} (ResourceMapper.xml). Days are yyyymmdd integers in the
 * machine's zone ({@code jobs.end_day}); summary dates are the same days as ISO text. The
 * {@code hours}, {@code bucketSql} and {@code filter} arguments are SQL constants from
 * {@code org.hpcusage.core.report.resource}, never user input.
 */
public interface ResourceMapper {

    /** Σ jobs and hours per user (or account) of the given queues, from daily summaries. */
    List<OwnerUsage> usageFromSummary(@Param("machineId") long machineId, @Param("queueIds") List<Long> queueIds,
                                      @Param("fromDate") String fromDate, @Param("toDate") String toDate,
                                      @Param("byUser") boolean byUser, @Param("hours") String hours);

    /** The same from the jobs table (when some day of the window has no summary). */
    List<OwnerUsage> usageFromJobs(@Param("machineId") long machineId, @Param("queueIds") List<Long> queueIds,
                                   @Param("fromDay") Integer fromDay, @Param("toDay") Integer toDay,
                                   @Param("byUser") boolean byUser, @Param("hours") String hours);

    /**
     * Jobs per bucket (and period, when {@code groupBy} is set): count, and as asked distinct
     * users, Σ hours (joined to charges), Σ eligible seconds (jobs with a known wait only).
     */
    List<BucketRow> buckets(@Param("machineId") long machineId, @Param("queueIds") List<Long> queueIds,
                            @Param("fromDay") Integer fromDay, @Param("toDay") Integer toDay,
                            @Param("bucketSql") String bucketSql, @Param("filter") String filter,
                            @Param("groupBy") String groupBy, @Param("hours") String hours,
                            @Param("users") boolean users, @Param("waits") boolean waits);

    /** usage-history from daily summaries. */
    List<UsageHistoryRow> historyFromSummary(@Param("machineId") long machineId, @Param("cpuIds") List<Long> cpuIds,
                                             @Param("gpuIds") List<Long> gpuIds, @Param("fromDate") String fromDate,
                                             @Param("toDate") String toDate, @Param("groupBy") String groupBy);

    /** usage-history from the jobs table. */
    List<UsageHistoryRow> historyFromJobs(@Param("machineId") long machineId, @Param("cpuIds") List<Long> cpuIds,
                                          @Param("gpuIds") List<Long> gpuIds, @Param("fromDay") Integer fromDay,
                                          @Param("toDay") Integer toDay, @Param("groupBy") String groupBy);

    /** The days (yyyymmdd) that have jobs, by index seeks (one per day, not a scan). */
    List<Integer> jobDays(@Param("machineId") long machineId, @Param("fromDay") Integer fromDay,
                          @Param("toDay") Integer toDay);

    /** The days (ISO) that have a daily summary, markers included. */
    List<String> summaryDates(@Param("machineId") long machineId, @Param("fromDate") String fromDate,
                              @Param("toDate") String toDate);
}
