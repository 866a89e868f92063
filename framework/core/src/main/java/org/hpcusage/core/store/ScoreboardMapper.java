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
                           @Param("machineIds") List<Long> machineIds);

    /** Lower-cased names of the users with at least one job on the machine called {@code machine}. */
    List<String> usersWithJobs(@Param("machine") String machine);
}
