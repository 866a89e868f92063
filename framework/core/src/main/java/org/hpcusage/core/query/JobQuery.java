package org.hpcusage.core.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.Dialect;
import org.hpcusage.spi.site.MachineDefinition;

/**
 * The query API over one machine's jobs (reference §8.2–§8.6): search, count, histogram, facets,
 * usage-by and timeseries. Every method takes the same {@link JobFilter}, resolved once per call
 * into a {@link SqlFilter} and applied by the one {@code jobFilter} SQL fragment, so a count, the
 * rows of a search and the sum of any aggregation always agree.
 */
public final class JobQuery {

    /** Most bands a timeseries may have (the reference's cap on its jobs-scan path). */
    public static final int MAX_BANDS = 400;

    /** Parser-block key holding a machine's histogram caps, e.g. {@code {nodes: 128, cpus: 1024}}. */
    public static final String CAPS_KEY = "histogram-caps";

    private final Database db;
    private final String machine;
    private final Map<HistogramAxis, Integer> caps;

    public JobQuery(Database db, String machine, Map<HistogramAxis, Integer> caps) {
        this.db = db;
        this.machine = machine;
        this.caps = caps == null || caps.isEmpty() ? Map.of() : new EnumMap<>(caps);
    }

    /** A query over {@code machine}, with the histogram caps its definition carries. */
    public static JobQuery of(Database db, Machine machine) {
        return new JobQuery(db, machine.name(), caps(machine.definition()));
    }

    /** The caps in {@code parser.histogram-caps} of a machine definition (nodes, cpus, gpus). */
    public static Map<HistogramAxis, Integer> caps(MachineDefinition definition) {
        Object raw = definition.parser().asMap().get(CAPS_KEY);
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("machine '" + definition.name() + "': " + CAPS_KEY + " must be a map");
        }
        Map<HistogramAxis, Integer> out = new EnumMap<>(HistogramAxis.class);
        map.forEach((k, v) -> {
            HistogramAxis axis = HistogramAxis.parse(String.valueOf(k));
            if (!axis.cappable()) {
                throw new IllegalArgumentException("machine '" + definition.name() + "': " + CAPS_KEY
                        + " may cap nodes, cpus and gpus, not " + k);
            }
            try {
                out.put(axis, Integer.parseInt(String.valueOf(v).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("machine '" + definition.name() + "': " + CAPS_KEY + "." + k
                        + " must be a whole number, not '" + v + "'");
            }
        });
        return out;
    }

    public String machine() {
        return machine;
    }

    /** The bucket table a histogram over {@code axis} uses on this machine (no database access). */
    public List<Band> bands(HistogramAxis axis) {
        return axis.bands(caps.get(axis));
    }

    // ---- count and search ----

    public long count(JobFilter filter) {
        return run(filter, (g, f) -> g.mapper().count(f));
    }

    /** Rows with exactly the requested column keys, in the requested order. */
    public List<Map<String, Object>> search(JobFilter filter, SearchOptions options) {
        List<SearchColumn> columns = options.columns();
        return run(filter, (g, f) -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            g.mapper().search(f, options.orderSql(), options.limit(), options.offset(), context -> {
                SearchRow r = context.getResultObject();
                Map<String, Object> row = new LinkedHashMap<>(columns.size() * 2);
                for (SearchColumn c : columns) {
                    row.put(c.key(), c.valueOf(r));
                }
                rows.add(row);
            });
            return rows;
        });
    }

    // ---- histogram ----

    /** Every band of {@code axis} with its usage (and top owners when {@code owners != null}). */
    public Histogram histogram(HistogramAxis axis, JobFilter filter, Owners owners) {
        List<Band> bands = bands(axis);
        String bucketSql = bucketCase(axis, bands);
        return run(filter, (q, f) -> {
            Usage[] usage = new Usage[bands.size()];
            Usage nulls = new Usage();
            Map<Long, List<Ranked>> ownersByBucket = new HashMap<>();
            // With owners, one scan grouped by (bucket, owner) gives both the owners' shares and,
            // summed, the bucket totals.
            List<GroupSums> groups = owners == null ? q.sumsBy(f, bucketSql) : q.sumsByOwner(f, bucketSql, owners.by());
            for (GroupSums g : groups) {
                int index = g.getBucket().intValue();
                Usage target = index < 0 ? nulls : usage[index] == null ? (usage[index] = new Usage()) : usage[index];
                target.add(g.usage());
                if (owners != null && index >= 0 && g.getOwner() != null) {
                    ownersByBucket.computeIfAbsent(g.getBucket(), b -> new ArrayList<>()).add(new Ranked(g.getOwner(), g.usage()));
                }
            }
            long nullCount = nulls.jobCount();
            List<Histogram.Bucket> buckets = new ArrayList<>(bands.size());
            long total = nullCount;
            for (int i = 0; i < bands.size(); i++) {
                Usage u = usage[i] == null ? new Usage() : usage[i];
                total += u.jobCount();
                Map<String, Usage> top = owners == null ? null
                        : top(ownersByBucket.getOrDefault((long) i, List.of()), owners);
                buckets.add(new Histogram.Bucket(bands.get(i), u, top));
            }
            return new Histogram(axis, List.copyOf(buckets), nullCount, total);
        });
    }

    /**
     * {@code CASE WHEN v IS NULL THEN -1 WHEN v <= hi0 THEN 0 ... ELSE last END}: NULLs first,
     * then the first band whose upper edge holds the value. Built from the axis's constant
     * expression and the validated integer edges only.
     */
    static String bucketCase(HistogramAxis axis, List<Band> bands) {
        String v = axis.range().expression();
        StringBuilder sb = new StringBuilder("CASE WHEN ").append(v).append(" IS NULL THEN -1");
        for (int i = 0; i < bands.size() - 1; i++) {
            sb.append(" WHEN ").append(v).append(" <= ").append(bands.get(i).hi().longValue()).append(" THEN ").append(i);
        }
        return sb.append(" ELSE ").append(bands.size() - 1).append(" END").toString();
    }

    // ---- facets and usage-by ----

    /**
     * Job counts per value of each dimension, count descending, then value, unknown (NULL) last.
     * With {@code selfExclude} a dimension's own filter is ignored for its own counts (never for
     * {@code account}, which is an authorisation scope). {@code limit} keeps the top N.
     *
     * <p>Jobs are counted per combination of the dimensions' values (foreign keys), and each
     * facet sums the combinations meeting the other dimensions' conditions. Grouped by the
     * database (PostgreSQL), the dimensions with few values (queue, QoS, exit status) share one
     * statement and user and account a second (a user works in few accounts, so their pairs stay
     * few), so that the result never multiplies out to users × accounts × queues × QoS × exit
     * codes; counted in memory (SQLite, see {@link Grouping}) one pass serves them all.
     */
    public Map<Dimension, List<FacetCount>> facets(JobFilter filter, List<Dimension> dimensions, boolean selfExclude,
                                                   Integer limit) {
        checkLimit(limit);
        List<Dimension> dims = List.copyOf(new java.util.LinkedHashSet<>(dimensions));
        return run(filter, (q, f) -> {
            List<List<Dimension>> statements = new ArrayList<>();
            if (q.inMemory()) {
                statements.add(dims);
            } else {
                List<Dimension> small = dims.stream().filter(d -> d != Dimension.USER && d != Dimension.ACCOUNT).toList();
                if (!small.isEmpty()) {
                    statements.add(small);
                }
                List<Dimension> owners = dims.stream().filter(d -> d == Dimension.USER || d == Dimension.ACCOUNT).toList();
                if (!owners.isEmpty()) {
                    statements.add(owners);
                }
            }
            Map<Dimension, List<FacetCount>> counted = new HashMap<>();
            for (List<Dimension> group : statements) {
                if (!group.isEmpty()) {
                    counted.putAll(facetGroup(q, f, group, selfExclude, limit));
                }
            }
            Map<Dimension, List<FacetCount>> out = new LinkedHashMap<>();
            dims.forEach(d -> out.put(d, counted.get(d)));
            return out;
        });
    }

    /** The facets of {@code dims} from one statement grouped by all of them. */
    private static Map<Dimension, List<FacetCount>> facetGroup(Grouping q, SqlFilter f, List<Dimension> dims,
                                                               boolean selfExclude, Integer limit) {
        SqlFilter base = f;
        if (selfExclude) {
            for (Dimension d : dims) {
                base = d == Dimension.ACCOUNT ? base : base.without(d);
            }
        }
        List<Map<Object, Long>> counts = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            counts.add(new HashMap<>());
        }
        q.countsByTuple(base, dims, (values, n) -> {
            for (int i = 0; i < dims.size(); i++) {
                if (selfExclude && !othersMatch(f, dims, i, values)) {
                    continue;
                }
                counts.get(i).merge(values[i], n, Long::sum);
            }
        });
        Map<Dimension, List<FacetCount>> out = new HashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            Dimension d = dims.get(i);
            Map<Long, String> names = d.getLookupTable() == null ? Map.of() : q.names(d, counts.get(i).keySet());
            List<FacetCount> list = new ArrayList<>();
            counts.get(i).forEach((value, n) -> list.add(new FacetCount(
                    value == null ? null : d.getLookupTable() == null ? (String) value : names.get((Long) value), n)));
            list.sort(Comparator.<FacetCount, Boolean>comparing(c -> c.value() == null)
                    .thenComparing(Comparator.comparingLong(FacetCount::count).reversed())
                    .thenComparing(FacetCount::value, Comparator.nullsLast(Comparator.naturalOrder())));
            out.put(d, limit == null || list.size() <= limit ? List.copyOf(list) : List.copyOf(list.subList(0, limit)));
        }
        return out;
    }

    /** Whether combination {@code values} meets the conditions of every requested dimension but the i-th. */
    private static boolean othersMatch(SqlFilter f, List<Dimension> dims, int i, Object[] values) {
        for (int k = 0; k < dims.size(); k++) {
            if (k != i && dims.get(k) != Dimension.ACCOUNT && !f.admits(dims.get(k), values[k])) {
                return false;
            }
        }
        return true;
    }

    /** Usage per value of {@code dimension}, ranked by {@code sortBy}; every filter applies. */
    public UsageBy usageBy(Dimension dimension, JobFilter filter, Integer limit, Metric sortBy) {
        checkLimit(limit);
        return run(filter, (q, f) -> {
            List<UsageBy.Row> rows = new ArrayList<>();
            Usage totals = new Usage();
            for (GroupSums g : q.sumsByDimension(f, dimension)) {
                rows.add(new UsageBy.Row(g.getValue(), g.usage()));
                totals.add(g.usage());
            }
            rows.sort(sortBy.ranking(UsageBy.Row::usage, UsageBy.Row::value));
            List<UsageBy.Row> kept = limit == null || rows.size() <= limit ? rows : rows.subList(0, limit);
            return new UsageBy(dimension, List.copyOf(kept), totals);
        });
    }

    // ---- timeseries ----

    /**
     * Usage per band of {@code period} over the filter's window, zero-filled. A missing bound is
     * the first or last day with jobs under the filter; {@code start > end} gives no bands. Read
     * from daily_summary when that gives the same series (reference §8.6, {@link SummarySeries}),
     * else from the jobs.
     */
    public Timeseries timeseries(BandPeriod period, JobFilter filter, Owners owners) {
        return timeseries(period, filter, owners, true);
    }

    /**
     * {@link #timeseries(BandPeriod, JobFilter, Owners)}, with {@code summaries = false} always
     * scanning the jobs (to compare the two paths, or to time them).
     */
    public Timeseries timeseries(BandPeriod period, JobFilter filter, Owners owners, boolean summaries) {
        if (filter.start() != null && filter.end() != null) {
            checkBands(period, filter.start(), filter.end());
        }
        return run(filter, (q, f) -> {
            // One scan: per day, or per (day, owner) when owners are asked for; day totals,
            // the owners' ranking over the window and their daily shares all come from it.
            Map<Integer, Usage> byDay = new HashMap<>();
            Map<Integer, Map<String, Usage>> ownersByDay = new HashMap<>();
            Map<String, Usage> ownerTotals = new HashMap<>();
            long nullCount = 0;
            Integer first = null;
            Integer last = null;
            Dimension ownerBy = owners == null ? null : owners.by();
            List<GroupSums> groups = summaries && fromSummaries(q, filter, f)
                    ? SummarySeries.groups(q.mapper(), f, filter.start(), filter.end(), ownerBy)
                    : owners == null ? q.sumsBy(f, "j.end_day") : q.sumsByOwner(f, "j.end_day", ownerBy);
            for (GroupSums g : groups) {
                if (g.getBucket() == null) {
                    nullCount += g.usage().jobCount();
                    continue;
                }
                int day = g.getBucket().intValue();
                byDay.computeIfAbsent(day, d -> new Usage()).add(g.usage());
                if (g.getOwner() != null) {
                    // (The summary path may give a day and owner twice: summarized jobs, and
                    // that owner's jobs with another key unknown.)
                    ownersByDay.computeIfAbsent(day, d -> new HashMap<>())
                            .computeIfAbsent(g.getOwner(), o -> new Usage()).add(g.usage());
                    ownerTotals.computeIfAbsent(g.getOwner(), o -> new Usage()).add(g.usage());
                }
                first = first == null || day < first ? day : first;
                last = last == null || day > last ? day : last;
            }
            LocalDate start = filter.start() != null ? filter.start() : first == null ? null : Machine.day(first);
            LocalDate end = filter.end() != null ? filter.end() : last == null ? null : Machine.day(last);
            List<String> ownerNames = List.of();
            if (owners != null) {
                List<Ranked> ranked = new ArrayList<>();
                ownerTotals.forEach((name, usage) -> ranked.add(new Ranked(name, usage)));
                ownerNames = List.copyOf(top(ranked, owners).keySet());
            }
            List<Timeseries.TimeBand> bands = new ArrayList<>();
            Usage totals = new Usage();
            if (start != null && end != null && !start.isAfter(end)) {
                checkBands(period, start, end);
                for (LocalDate bandStart = period.bandStart(start); !bandStart.isAfter(end);
                     bandStart = period.bandEnd(bandStart).plusDays(1)) {
                    LocalDate from = bandStart.isBefore(start) ? start : bandStart;
                    LocalDate to = period.bandEnd(bandStart).isAfter(end) ? end : period.bandEnd(bandStart);
                    Usage usage = new Usage();
                    Map<String, Usage> bandOwners = owners == null ? null : new LinkedHashMap<>();
                    if (bandOwners != null) {
                        ownerNames.forEach(n -> bandOwners.put(n, new Usage()));
                    }
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        int key = Machine.yyyymmdd(d);
                        Usage u = byDay.get(key);
                        if (u != null) {
                            usage.add(u);
                        }
                        if (bandOwners != null) {
                            Map<String, Usage> shares = ownersByDay.getOrDefault(key, Map.of());
                            bandOwners.forEach((n, acc) -> {
                                Usage share = shares.get(n);
                                if (share != null) {
                                    acc.add(share);
                                }
                            });
                        }
                    }
                    totals.add(usage);
                    bands.add(new Timeseries.TimeBand(period.label(bandStart), from, to, usage, bandOwners));
                }
            }
            return new Timeseries(period, owners == null ? null : owners.by(), start, end, List.copyOf(bands), totals,
                    nullCount, totals.jobCount() + nullCount);
        });
    }

    /** Whether {@link #timeseries} over {@code filter} reads daily_summary rather than the jobs. */
    public boolean timeseriesFromSummaries(JobFilter filter) {
        return run(filter, (q, f) -> fromSummaries(q, filter, f));
    }

    private static boolean fromSummaries(Grouping q, JobFilter filter, SqlFilter f) {
        return SummarySeries.answerable(filter) && SummarySeries.covers(q.mapper(), f, filter.start(), filter.end());
    }

    private static void checkBands(BandPeriod period, LocalDate start, LocalDate end) {
        if (start.isAfter(end)) {
            return;
        }
        long n = 0;
        for (LocalDate b = period.bandStart(start); !b.isAfter(end); b = period.bandEnd(b).plusDays(1)) {
            if (++n > MAX_BANDS) {
                throw new IllegalArgumentException("the window " + start + " to " + end + " has more than " + MAX_BANDS
                        + " " + period.key() + " bands; narrow it or use a longer period");
            }
        }
    }

    // ---- shared ----

    /** A name and its usage, for ranking. */
    private record Ranked(String name, Usage usage) {
    }

    /** The top {@code owners.limit()} by the metric, then name; in rank order. */
    private static Map<String, Usage> top(List<Ranked> candidates, Owners owners) {
        List<Ranked> sorted = new ArrayList<>(candidates);
        sorted.sort(owners.sortBy().ranking(Ranked::usage, Ranked::name));
        Map<String, Usage> out = new LinkedHashMap<>();
        for (Ranked r : sorted) {
            if (out.size() == owners.limit()) {
                break;
            }
            if (r.name() != null) {
                out.put(r.name(), r.usage());
            }
        }
        return out;
    }

    private static void checkLimit(Integer limit) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be a positive integer, not " + limit);
        }
    }

    private interface Query<T> {
        T apply(Grouping grouping, SqlFilter filter);
    }

    private <T> T run(JobFilter filter, Query<T> query) {
        try (SqlSession session = db.reader()) {
            JobQueryMapper mapper = session.getMapper(JobQueryMapper.class);
            Grouping grouping = new Grouping(session, mapper, db.dialect() == Dialect.SQLITE);
            return query.apply(grouping, resolve(mapper, filter));
        }
    }

    /** {@code filter} as the statements get it (for the tests of this package). */
    SqlFilter resolvedForTest(JobFilter filter) {
        return run(filter, (g, f) -> f);
    }

    /** Names to ids, once per call; globs to the dialect's pattern. */
    private SqlFilter resolve(JobQueryMapper m, JobFilter f) {
        Function<String, Long> users = lookup(m, "users", "username");
        Long machineId = m.idOf("machines", "name", machine);
        List<Long> accountIds = null;
        if (f.accounts() != null) {
            accountIds = new ArrayList<>();
            for (String a : f.accounts()) {
                Long id = m.idOf("accounts", "account_name", a);
                if (id != null) {
                    accountIds.add(id);
                }
            }
            if (accountIds.isEmpty()) {
                accountIds.add(SqlFilter.NO_SUCH_ID);
            }
        }
        boolean regex = !f.ignoreCase() && db.dialect() == Dialect.POSTGRESQL;
        List<String> patterns = new ArrayList<>(f.names().size());
        for (String glob : f.names()) {
            patterns.add(f.ignoreCase() ? Globs.toLike(glob) : regex ? Globs.toRegex(glob) : glob);
        }
        return new SqlFilter(machineId == null ? SqlFilter.NO_SUCH_ID : machineId, day(f.start()), day(f.end()),
                f.user() == null ? null : users.apply(f.user()), accountIds,
                f.queue() == null ? null : lookup(m, "queues", "queue_name").apply(f.queue()),
                f.qos() == null ? null : lookup(m, "job_qos", "name").apply(f.qos()),
                f.exitStatus(), f.jobId(), patterns, f.ignoreCase(), regex, f.ranges());
    }

    private static Function<String, Long> lookup(JobQueryMapper m, String table, String column) {
        return name -> {
            Long id = m.idOf(table, column, name);
            return id == null ? SqlFilter.NO_SUCH_ID : id;
        };
    }

    private static Integer day(LocalDate d) {
        return d == null ? null : Machine.yyyymmdd(d);
    }
}
