package org.hpcusage.core.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Per-user usage sums for leaderboards, over every machine (or the ones named). */
public interface ScoreboardMapper {

    /**
     * Usage per (machine, user, status) of jobs that ended at or after {@code since} (epoch
     * seconds; null = all time), on {@code machines} (null or empty = every machine).
     */
    List<UsageGroup> usage(@Param("since") Long since, @Param("machines") List<String> machines);
}
