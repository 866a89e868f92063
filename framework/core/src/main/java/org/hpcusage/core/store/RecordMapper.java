package org.hpcusage.core.store;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Archived raw records and their compression dictionaries. */
public interface RecordMapper {
    /**
     * Records of jobs whose id equals {@code exact} or starts with {@code prefix} + "." or
     * {@code prefix} + "[" (array elements and parent), oldest end first.
     */
    List<StoredRecord> find(@Param("machineId") long machineId, @Param("exact") String exact,
                            @Param("dotPrefix") String dotPrefix, @Param("bracketPrefix") String bracketPrefix,
                            @Param("prefixLength") int prefixLength);

    StoredDictionary latestDictionary(@Param("machineId") long machineId);

    StoredDictionary dictionary(@Param("id") long id);

    int insertDictionary(@Param("machineId") long machineId, @Param("sampleCount") int sampleCount,
                         @Param("dictionary") byte[] dictionary);
}
