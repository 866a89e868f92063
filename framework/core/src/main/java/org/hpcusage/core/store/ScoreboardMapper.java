package org.hpcusage.core.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Per-user usage sums for leaderboards, over every machine (or the ones named). */
public interface ScoreboardMapper {

    /**
     * Usage per (machine id, user id, status, age bucket) on {@code machineIds} (null = every
     * machine; never empty): bucket 2 = ended at or after {@code recent}, 1 = at or after
     * {@code older} (epoch seconds, older &lt;= recent), 0 = earlier.
     */
    List<UsageGroup> usage(@Param("recent") long recent, @Param("older") long older,
                           @Param("machineIds") List<Long> machineIds, @Param("endDays") List<Integer> endDays);

    /**
     * The same groups for one machine from daily_user_usage, leaving out {@code excludedDays}:
     * days on or after {@code recentDay} (yyyymmdd, machine-local) are bucket 2, on or after
     * {@code olderDay} 1, the rest 0.
     */
    List<UsageGroup> usageFromRollup(@Param("machineId") long machineId, @Param("recentDay") int recentDay,
                                     @Param("olderDay") int olderDay, @Param("excludedDays") List<Integer> excludedDays);

    /** One machine's groups over all time from monthly_user_usage, all in bucket 0. */
    List<UsageGroup> usageAllTime(@Param("machineIds") List<Long> machineIds);

    /** Every machine's id with its time zone (in {@code name}). */
    List<NamedId> machineZones();

    /** Lower-cased names of the users with a job (stored or rolled up) on the machine called {@code machine}. */
    List<String> usersWithJobs(@Param("machine") String machine);
}
