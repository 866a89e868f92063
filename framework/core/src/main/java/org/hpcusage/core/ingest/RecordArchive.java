package org.hpcusage.core.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.LookupMapper;
import org.hpcusage.core.store.LookupTable;
import org.hpcusage.core.store.RecordMapper;
import org.hpcusage.core.store.StoredDictionary;
import org.hpcusage.core.store.StoredRecord;

/** Reads archived raw accounting records back. */
public final class RecordArchive {
    private final Database db;

    public RecordArchive(Database db) {
        this.db = db;
    }

    /**
     * The original records of the jobs matching {@code spec}, oldest end first. A spec with a
     * dot is an exact job id; otherwise it matches the job id before its host part, so
     * {@code 6049117} finds the scalar job, every array element and the array parent, and
     * {@code 6049117[28]} finds that element (reference §7.5 / §9).
     */
    public List<String> find(String machine, String spec) {
        String id = spec.trim();
        try (SqlSession session = db.reader()) {
            Long machineId = session.getMapper(LookupMapper.class)
                    .idOf(LookupTable.MACHINES.table(), LookupTable.MACHINES.column(), machine);
            if (machineId == null || id.isEmpty()) {
                return List.of();
            }
            RecordMapper mapper = session.getMapper(RecordMapper.class);
            boolean exact = id.indexOf('.') >= 0;
            List<StoredRecord> stored = exact
                    ? mapper.find(machineId, id, null, null, 0)
                    : mapper.find(machineId, id, id + ".", id + "[", id.length() + 1);
            Map<Long, byte[]> dictionaries = new HashMap<>();
            List<String> out = new ArrayList<>(stored.size());
            for (StoredRecord r : stored) {
                byte[] dict = null;
                if (r.getDictId() != null) {
                    dict = dictionaries.computeIfAbsent(r.getDictId(), dictId -> {
                        StoredDictionary d = mapper.dictionary(dictId);
                        return d == null ? null : d.getDictionary();
                    });
                }
                out.add(RecordCodec.decompress(r.getCodec(), r.getCompressedData(), dict));
            }
            return out;
        }
    }
}
