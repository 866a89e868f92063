package org.hpcusage.core.query;

import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

/**
 * The statements behind search, count and the aggregations. Every one filters with the same
 * {@code jobFilter} fragment over {@link SqlFilter} {@code f}. Arguments named {@code *Sql} are
 * SQL text built from constants (column expressions, validated band edges), never from input.
 */
public interface JobQueryMapper {

    long count(@Param("f") SqlFilter f);

    void search(@Param("f") SqlFilter f, @Param("orderSql") String orderSql, @Param("limit") Integer limit,
                @Param("offset") Integer offset, ResultHandler<SearchRow> handler);

    /** Groups by {@code groupSql} (bucket index or day), NULL group included. */
    List<GroupSums> sumsBy(@Param("f") SqlFilter f, @Param("groupSql") String groupSql);

    /**
     * Groups by {@code groupSql} and an owner (user or account), in one scan; jobs without an
     * owner form groups with a {@code null} owner.
     */
    List<GroupSums> sumsByOwner(@Param("f") SqlFilter f, @Param("groupSql") String groupSql,
                                @Param("owner") Dimension owner);

    /**
     * Counts per combination of grouped expressions: {@code selectSql} names them {@code d0},
     * {@code d1}, ...; each row also has {@code job_count}.
     */
    List<java.util.Map<String, Object>> countsByTuple(@Param("f") SqlFilter f, @Param("selectSql") String selectSql,
                                                      @Param("groupSql") String groupSql);

    /** The names of some ids of a lookup dimension: {@code bucket} = id, {@code value} = name. */
    List<GroupSums> names(@Param("d") Dimension d, @Param("ids") List<Long> ids);

    /** Counts and hours per value of an identity dimension. */
    List<GroupSums> sumsByDimension(@Param("f") SqlFilter f, @Param("d") Dimension d);

    /** The days (yyyy-mm-dd) of the window that have daily_summary rows, markers included. */
    List<String> summaryDates(@Param("machineId") long machineId, @Param("fromDate") String fromDate,
                              @Param("toDate") String toDate);

    /** Which of {@code days} (yyyymmdd) have any job of the machine. */
    List<Integer> jobDaysAmong(@Param("machineId") long machineId, @Param("days") List<Integer> days);

    /** daily_summary sums per day ({@code bucket} = yyyymmdd), or per day and owner name. */
    List<GroupSums> summarySums(@Param("f") SqlFilter f, @Param("fromDate") String fromDate, @Param("toDate") String toDate,
                                @Param("owner") Dimension owner);

    /** Sums per day (and owner) of the filtered jobs that have no summary: a NULL user, account or queue. */
    List<GroupSums> unsummarizedSums(@Param("f") SqlFilter f, @Param("owner") Dimension owner);

    Long idOf(@Param("table") String table, @Param("column") String column, @Param("name") String name);
}
