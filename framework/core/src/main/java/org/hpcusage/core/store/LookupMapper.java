package org.hpcusage.core.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * Lookup tables (users, accounts, queues, job_qos, machines). Table and column names are
 * substituted from {@link LookupTable} constants only, never from input.
 */
public interface LookupMapper {
    List<NamedId> all(@Param("table") String table, @Param("column") String column);

    int insertIgnore(@Param("table") String table, @Param("column") String column, @Param("name") String name);

    Long idOf(@Param("table") String table, @Param("column") String column, @Param("name") String name);

    int insertQos(@Param("name") String name, @Param("factor") double factor);

    int upsertMachine(@Param("name") String name, @Param("timeZone") String timeZone);
}
