package org.hpcusage.core.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Queries behind {@code jobs history}. Days are yyyymmdd integers in the machine's zone. */
public interface HistoryMapper {
    List<PeriodCount> jobCounts(@Param("machineId") long machineId, @Param("groupBy") String groupBy,
                                @Param("fromDay") Integer fromDay, @Param("toDay") Integer toDay,
                                @Param("byUser") boolean byUser, @Param("byAccount") boolean byAccount);

    /** {@code column} is "user_id" or "account_id" (a constant, never input). */
    List<PeriodCount> distinctCounts(@Param("machineId") long machineId, @Param("groupBy") String groupBy,
                                     @Param("fromDay") Integer fromDay, @Param("toDay") Integer toDay,
                                     @Param("column") String column);

    List<SummaryRow> dailySummary(@Param("machineId") long machineId, @Param("fromDate") String fromDate,
                                  @Param("toDate") String toDate);
}
