package org.hpcusage.core.store;

import org.apache.ibatis.annotations.Param;

/** The ledger of synced units. */
public interface LedgerMapper {
    LedgerEntry find(@Param("machineId") long machineId, @Param("unit") String unit);

    int upsert(LedgerEntry entry);
}
