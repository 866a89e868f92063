package org.hpcusage.core.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Per-user usage sums for leaderboards, over every machine (or the ones named). */
public interface ScoreboardMapper {

    /**
     * Usage per (machine id, user id, status) of jobs that ended at or after {@code since} (epoch
     * seconds; null = all time), on {@code machineIds} (null = every machine; never empty).
     */
    List<UsageGroup> usage(@Param("since") Long since, @Param("machineIds") List<Long> machineIds);
}
