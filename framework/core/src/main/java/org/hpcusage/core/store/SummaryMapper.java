package org.hpcusage.core.store;

import org.apache.ibatis.annotations.Param;

/** daily_summary maintenance: one local day of one machine at a time. */
public interface SummaryMapper {
    int deleteDay(@Param("machineId") long machineId, @Param("date") String date);

    int insertDay(@Param("machineId") long machineId, @Param("date") String date, @Param("endDay") int endDay);

    int insertMarker(@Param("machineId") long machineId, @Param("date") String date);

    /** Removes the day's NO_JOBS marker row, if it has one. */
    int deleteMarker(@Param("machineId") long machineId, @Param("date") String date);

    /** Adds the day's stored jobs to its existing rows (a pruned day). */
    int addDay(@Param("machineId") long machineId, @Param("date") String date, @Param("endDay") int endDay);
}
