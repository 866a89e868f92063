package org.hpcusage.core.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Reads of the jobs table that the ingest engine needs; bulk writes go through {@code JobWriter}. */
public interface JobMapper {
    long maxId();

    /** PostgreSQL only: serialises writers for the rest of the transaction (SQLite's IMMEDIATE mode does this). */
    void lockForWrite();

    List<JobRow> endingOn(@Param("machineId") long machineId, @Param("endDay") int endDay);
}
