package org.hpcusage.core.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.store.LookupMapper;
import org.hpcusage.core.store.LookupTable;
import org.hpcusage.core.store.NamedId;

/**
 * Name-to-id cache for the lookup tables, loaded once per sync. A miss inserts the name (ignoring
 * a row another process inserted meanwhile) and reads its id back, inside the caller's
 * transaction; after a rollback the cache must be {@link #clear() cleared}.
 */
final class Lookups {
    private final Map<LookupTable, Map<String, Long>> ids = new EnumMap<>(LookupTable.class);

    /** The id for {@code name}, creating the row if needed; null for a null or empty name. */
    Long id(SqlSession session, LookupTable table, String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        Map<String, Long> cache = ids.computeIfAbsent(table, t -> load(session, t));
        Long id = cache.get(name);
        if (id == null) {
            LookupMapper mapper = session.getMapper(LookupMapper.class);
            mapper.insertIgnore(table.table(), table.column(), name);
            id = mapper.idOf(table.table(), table.column(), name);
            cache.put(name, id);
        }
        return id;
    }

    /**
     * Gives every name in {@code names} an id before a batch is written: the new ones are
     * inserted in one JDBC batch and the table's ids are read back once, instead of two round
     * trips per new name (a first sync meets thousands of users and accounts, and on PostgreSQL
     * each round trip costs far more than the insert itself).
     */
    void prefetch(SqlSession session, LookupTable table, Collection<String> names) throws SQLException {
        Map<String, Long> cache = ids.computeIfAbsent(table, t -> load(session, t));
        Set<String> missing = new LinkedHashSet<>();
        for (String name : names) {
            if (name != null && !name.isEmpty() && !cache.containsKey(name)) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table.table() + " (" + table.column() + ") VALUES (?) ON CONFLICT ("
                + table.column() + ") DO NOTHING";
        try (PreparedStatement insert = session.getConnection().prepareStatement(sql)) {
            for (String name : missing) {
                insert.setString(1, name);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        cache.putAll(load(session, table));
    }

    /** The QoS id; a new QoS row is seeded with the factor the charging rule gave. */
    long qos(SqlSession session, String name, double factor) {
        Map<String, Long> cache = ids.computeIfAbsent(LookupTable.QOS, t -> load(session, t));
        Long id = cache.get(name);
        if (id == null) {
            LookupMapper mapper = session.getMapper(LookupMapper.class);
            mapper.insertQos(name, factor);
            id = mapper.idOf(LookupTable.QOS.table(), LookupTable.QOS.column(), name);
            cache.put(name, id);
        }
        return id;
    }

    void clear() {
        ids.clear();
    }

    private static Map<String, Long> load(SqlSession session, LookupTable table) {
        Map<String, Long> map = new HashMap<>();
        for (NamedId row : session.getMapper(LookupMapper.class).all(table.table(), table.column())) {
            map.put(row.getName(), row.getId());
        }
        return map;
    }
}
