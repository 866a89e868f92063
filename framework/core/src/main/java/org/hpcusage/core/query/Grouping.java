package org.hpcusage.core.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.SqlSession;

/**
 * The grouped statements behind histogram, usage-by, timeseries and facets, for one session.
 *
 * <p>PostgreSQL groups in SQL ({@code GROUP BY}, a hash aggregate there). SQLite has no hash
 * aggregate: its {@code GROUP BY} feeds every row of the slice through a sorter, and for a month
 * of a large machine (~0.4 M jobs) that sort was most of each aggregate's time. On SQLite the same
 * filtered rows are therefore read ungrouped, in one pass of the window's index, and summed into
 * a hash map here (docs/performance.md). Both ways give the same groups; hour sums may differ in
 * the last bits (another summation order), as the reference allows for its own two paths.
 */
final class Grouping {
    private static final String NS = JobQueryMapper.class.getName() + ".";
    private static final int NAMES_PER_STATEMENT = 1000;

    private final SqlSession session;
    private final JobQueryMapper mapper;
    private final boolean inMemory;

    Grouping(SqlSession session, JobQueryMapper mapper, boolean inMemory) {
        this.session = session;
        this.mapper = mapper;
        this.inMemory = inMemory;
    }

    JobQueryMapper mapper() {
        return mapper;
    }

    /**
     * Whether groups are summed here rather than by the database: then one pass can count any
     * number of facet dimensions together (jobs come one by one; no combination is kept).
     */
    boolean inMemory() {
        return inMemory;
    }

    /** Sums per {@code groupSql} value (an integer: bucket index or day), NULL group included. */
    List<GroupSums> sumsBy(SqlFilter f, String groupSql) {
        if (!inMemory) {
            return mapper.sumsBy(f, groupSql);
        }
        Map<Object, Acc> groups = usageRows(f, groupSql, null);
        List<GroupSums> out = new ArrayList<>(groups.size());
        groups.forEach((key, acc) -> out.add(acc.toGroup(bucket(key), null, null)));
        return out;
    }

    /** Sums per ({@code groupSql} value, owner name); jobs without an owner have a null owner. */
    List<GroupSums> sumsByOwner(SqlFilter f, String groupSql, Dimension owner) {
        if (!inMemory) {
            return mapper.sumsByOwner(f, groupSql, owner);
        }
        Map<Object, Acc> groups = usageRows(f, groupSql, owner);
        Map<Long, String> names = names(owner, groups.keySet().stream().map(k -> ((Pair) k).owner()).toList());
        List<GroupSums> out = new ArrayList<>(groups.size());
        groups.forEach((key, acc) -> {
            Pair p = (Pair) key;
            out.add(acc.toGroup(bucket(p.group()), null, p.owner() == null ? null : names.get((Long) p.owner())));
        });
        return out;
    }

    /** Sums per value (name, or the exit status text) of an identity dimension. */
    List<GroupSums> sumsByDimension(SqlFilter f, Dimension d) {
        if (!inMemory) {
            return mapper.sumsByDimension(f, d);
        }
        Map<Object, Acc> groups = usageRows(f, d.getColumn(), null);
        Map<Long, String> names = d.getLookupTable() == null ? Map.of() : names(d, new ArrayList<>(groups.keySet()));
        List<GroupSums> out = new ArrayList<>(groups.size());
        groups.forEach((key, acc) -> out.add(acc.toGroup(null,
                key == null ? null : d.getLookupTable() == null ? (String) key : names.get((Long) key), null)));
        return out;
    }

    /**
     * Job counts per combination of {@code dims} (values: ids as Long, text as String, NULL as
     * null), handed to {@code sink} one combination at a time; a combination may come more than
     * once (its counts add up), and the array is reused between calls.
     */
    void countsByTuple(SqlFilter f, List<Dimension> dims, TupleSink sink) {
        StringBuilder select = new StringBuilder();
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < dims.size(); i++) {
            String sep = i == 0 ? "" : ", ";
            select.append(sep).append(dims.get(i).getGroupColumn()).append(" AS d").append(i);
            group.append(sep).append(dims.get(i).getGroupColumn());
        }
        Object[] values = new Object[dims.size()];
        if (!inMemory) {
            for (Map<String, Object> t : mapper.countsByTuple(f, select.toString(), group.toString())) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = key(t.get("d" + i));
                }
                sink.accept(values, ((Number) t.get("job_count")).longValue());
            }
            return;
        }
        // Each job is its own combination of count 1: the sink's per-value sums are the
        // aggregation, with no map of combinations in between.
        stream("dimensionRows", Map.of("f", f, "selectSql", select.toString()), rs -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = key(rs.getObject(i + 1));
            }
            sink.accept(values, 1);
        });
    }

    /** Receives one combination of facet values and its job count. */
    interface TupleSink {
        void accept(Object[] values, long jobCount);
    }

    /** Group (and owner id) of each filtered job with its hours, summed per key. */
    private Map<Object, Acc> usageRows(SqlFilter f, String groupSql, Dimension owner) {
        Map<String, Object> params = new HashMap<>();
        params.put("f", f);
        params.put("groupSql", groupSql);
        params.put("owner", owner);
        Map<Object, Acc> groups = new HashMap<>();
        stream("usageRows", params, rs -> {
            Object group = key(rs.getObject(1));
            Object k = owner == null ? group : new Pair(group, key(rs.getObject(2)));
            Acc acc = groups.get(k);
            if (acc == null) {
                acc = new Acc();
                groups.put(k, acc);
            }
            acc.add(rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
        });
        return groups;
    }

    /**
     * The names of the distinct non-null ids among {@code ids}, looked up 1 000
     * at a time (SQLite takes at most 32 766 parameters in a statement).
     */
    Map<Long, String> names(Dimension d, Collection<Object> ids) {
        Set<Long> distinct = new HashSet<>();
        for (Object id : ids) {
            if (id != null) {
                distinct.add((Long) id);
            }
        }
        List<Long> wanted = new ArrayList<>(distinct);
        Map<Long, String> out = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += NAMES_PER_STATEMENT) {
            for (GroupSums g : mapper.names(d, wanted.subList(from, Math.min(wanted.size(), from + NAMES_PER_STATEMENT)))) {
                out.put(g.getBucket(), g.getValue());
            }
        }
        return out;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a statement of {@code JobQueryMapper.xml} (its dynamic SQL and parameters as MyBatis
     * builds them) and reads the rows straight from JDBC: no result objects per row.
     */
    private void stream(String statement, Map<String, Object> params, RowHandler handler) {
        MappedStatement ms = session.getConfiguration().getMappedStatement(NS + statement);
        BoundSql bound = ms.getBoundSql(params);
        try (PreparedStatement ps = session.getConnection().prepareStatement(bound.getSql())) {
            ParameterHandler parameters = new DefaultParameterHandler(ms, params, bound);
            parameters.setParameters(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    /** Ids and days as Long whatever integer type the driver returns; text as is. */
    static Object key(Object v) {
        return v instanceof Number n ? (Object) n.longValue() : v;
    }

    private static Long bucket(Object key) {
        return (Long) key;
    }

    private record Pair(Object group, Object owner) {
    }

    /** Running sums of one group; charges = hours × factor (the SQL gives 1 for a missing one). */
    private static final class Acc {
        private long jobs;
        private double cpu;
        private double gpu;
        private double cpuCharges;
        private double gpuCharges;

        void add(double cpuHours, double gpuHours, double factor) {
            jobs++;
            cpu += cpuHours;
            gpu += gpuHours;
            cpuCharges += cpuHours * factor;
            gpuCharges += gpuHours * factor;
        }

        GroupSums toGroup(Long bucket, String value, String owner) {
            GroupSums g = new GroupSums();
            g.setBucket(bucket);
            g.setValue(value);
            g.setOwner(owner);
            g.setJobCount(jobs);
            g.setCpuHours(cpu);
            g.setGpuHours(gpu);
            g.setCpuCharges(cpuCharges);
            g.setGpuCharges(gpuCharges);
            return g;
        }
    }
}
