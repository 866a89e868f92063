package org.hpcusage.core.report.resource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.report.Period;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.store.BucketRow;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.LookupMapper;
import org.hpcusage.core.store.LookupTable;
import org.hpcusage.core.store.OwnerUsage;
import org.hpcusage.core.store.ResourceMapper;
import org.hpcusage.core.store.RollupMapper;
import org.hpcusage.core.store.UsageHistoryRow;

/**
 * Runs a {@link ResourceReport} for one machine or several ({@code -m all}: each machine's rows
 * in turn, tagged with a {@code machine} key, not merged, as the reference does).
 *
 * <p>Windows and period labels both use {@code jobs.end_day}, the machine-local day of a job's
 * end. The by-owner reports and usage-history read {@code daily_summary} when every day of the
 * window that has jobs also has a summary (checked with one index seek per day), and the jobs
 * table otherwise. The bucketed reports read the per-day {@code daily_buckets} rollup under
 * the same rule (every day with jobs rolled up under the current bucket tables), and bucket
 * the jobs themselves otherwise: both give the same rows (RollupParityTest).
 */
public final class ResourceReports {
    private static final String SIGNATURE = Dimension.signature();
    private final Database db;
    private final LocalDate start;
    private final LocalDate end;
    private final Period period;

    /** {@code start}/{@code end} may be null (unbounded); {@code period} is used by periodic reports only. */
    public ResourceReports(Database db, LocalDate start, LocalDate end, Period period) {
        this.db = db;
        this.start = start;
        this.end = end;
        this.period = period;
    }

    /**
     * The report over {@code machines}; {@code machineField} is what the envelope's
     * {@code machine} says (a machine name or {@code all}). With more than one machine every
     * row carries a {@code machine} key.
     */
    public Report run(ResourceReport report, List<Machine> machines, String machineField) {
        boolean tag = machines.size() > 1;
        List<Map<String, Object>> rows = new ArrayList<>();
        try (SqlSession session = db.reader()) {
            for (Machine machine : machines) {
                List<Map<String, Object>> own = new Query(session, machine).rows(report);
                if (tag) {
                    for (Map<String, Object> row : own) {
                        Map<String, Object> tagged = new LinkedHashMap<>();
                        tagged.put("machine", machine.name());
                        tagged.putAll(row);
                        rows.add(tagged);
                    }
                } else {
                    rows.addAll(own);
                }
            }
        }
        return Report.builder(report.kind())
                .field("machine", machineField)
                .field("start", start == null ? null : start.toString())
                .field("end", end == null ? null : end.toString())
                .field("group_by", report.periodic() ? period.key() : null)
                .columns(report.columns())
                .rows(rows)
                .build();
    }

    /** One machine's part of a report, on one session. */
    private final class Query {
        private final SqlSession session;
        private final ResourceMapper mapper;
        private final RollupMapper rollups;
        private final Machine machine;
        private final ResourceSettings settings;
        private final Long machineId;
        private final Integer fromDay = start == null ? null : Machine.yyyymmdd(start);
        private final Integer toDay = end == null ? null : Machine.yyyymmdd(end);
        private final String fromDate = start == null ? null : start.toString();
        private final String toDate = end == null ? null : end.toString();
        private List<Integer> jobDays;
        private Boolean rollupCovered;

        Query(SqlSession session, Machine machine) {
            this.session = session;
            this.mapper = session.getMapper(ResourceMapper.class);
            this.rollups = session.getMapper(RollupMapper.class);
            this.machine = machine;
            this.settings = ResourceSettings.of(machine);
            this.machineId = session.getMapper(LookupMapper.class)
                    .idOf(LookupTable.MACHINES.table(), LookupTable.MACHINES.column(), machine.name());
        }

        List<Map<String, Object>> rows(ResourceReport report) {
            List<String> queueNames = settings.queues(report.queues(), machine.name());
            if (machineId == null) {
                return List.of();   // never synced
            }
            return switch (report.shape()) {
                case BY_USER -> byOwner(report, true, queueNames);
                case BY_ACCOUNT -> byOwner(report, false, queueNames);
                case BY_FACILITY -> byFacility(report, queueNames);
                case WAITS, SIZES -> buckets(report, queueNames);
                case PER_PERIOD -> perPeriod(report, queueNames);
                case HISTORY -> history();
            };
        }

        private List<OwnerUsage> owners(ResourceReport report, boolean byUser, List<String> queueNames) {
            List<Long> ids = queueIds(queueNames);
            if (ids.isEmpty()) {
                return List.of();
            }
            List<OwnerUsage> usage = summaryCovers()
                    ? mapper.usageFromSummary(machineId, ids, fromDate, toDate, byUser, report.queues().hours("s"))
                    : mapper.usageFromJobs(machineId, ids, fromDay, toDay, byUser, report.queues().hours("c"));
            List<OwnerUsage> sorted = new ArrayList<>(usage);
            // Largest first, as the reference; ties by name so that output is stable.
            sorted.sort(Comparator.comparingDouble(OwnerUsage::getHours).reversed()
                    .thenComparing(OwnerUsage::getName, Comparator.nullsLast(Comparator.naturalOrder())));
            return sorted;
        }

        private List<Map<String, Object>> byOwner(ResourceReport report, boolean byUser, List<String> queueNames) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (OwnerUsage o : owners(report, byUser, queueNames)) {
                rows.add(usageRow(o.getName(), o.getHours(), o.getJobCount()));
            }
            return rows;
        }

        private List<Map<String, Object>> byFacility(ResourceReport report, List<String> queueNames) {
            Map<String, double[]> facilities = new LinkedHashMap<>();
            for (OwnerUsage o : owners(report, false, queueNames)) {
                double[] sum = facilities.computeIfAbsent(settings.facility(o.getName()), f -> new double[2]);
                sum[0] += o.getHours();
                sum[1] += o.getJobCount();
            }
            List<Map.Entry<String, double[]>> sorted = new ArrayList<>(facilities.entrySet());
            sorted.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0]).reversed()
                    .thenComparing(Map.Entry::getKey));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map.Entry<String, double[]> e : sorted) {
                rows.add(usageRow(e.getKey(), e.getValue()[0], (long) e.getValue()[1]));
            }
            return rows;
        }

        private Map<String, Object> usageRow(String label, double hours, long jobs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", label);
            row.put("usage_hours", hours);
            row.put("job_count", jobs);
            return row;
        }

        /** waits and sizes: the non-empty buckets in table order, unknown (NULL) last. */
        private List<Map<String, Object>> buckets(ResourceReport report, List<String> queueNames) {
            List<Long> ids = queueIds(queueNames);
            if (ids.isEmpty()) {
                return List.of();
            }
            boolean waits = report.shape() == ResourceReport.Shape.WAITS;
            Dimension d = report.dimension();
            List<BucketRow> groups = new ArrayList<>(rollupCovers()
                    ? rollups.buckets(machineId, ids, fromDay, toDay, d.code(), null,
                            waits ? null : report.queues().hours("r"), !waits, waits)
                    : mapper.buckets(machineId, ids, fromDay, toDay, d.bucketSql(),
                            d.filter(), null, waits ? null : report.queues().hours("c"), !waits, waits));
            // The unknown band (-1) sorts first in SQL; it is shown after the overflow band.
            groups.sort(Comparator.comparingInt(g -> g.getBucket() < 0 ? Integer.MAX_VALUE : g.getBucket()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (BucketRow g : groups) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("range_label", g.getBucket() < 0 ? Buckets.UNKNOWN : d.buckets().get(g.getBucket()).label());
                if (waits) {
                    row.put("avg_wait_hours", g.getWaitSecs() / 3600.0 / g.getJobCount());
                    row.put("job_count", g.getJobCount());
                } else {
                    row.put("job_count", g.getJobCount());
                    row.put("user_count", g.getUserCount());
                    row.put("hours", g.getHours());
                }
                rows.add(row);
            }
            return rows;
        }

        /** durations and memory per rank: one row per period, Σ hours in every bucket column. */
        private List<Map<String, Object>> perPeriod(ResourceReport report, List<String> queueNames) {
            List<Long> ids = queueIds(queueNames);
            if (ids.isEmpty()) {
                return List.of();
            }
            Dimension d = report.dimension();
            List<Bucket> buckets = d.buckets();
            Map<Long, Map<String, Object>> byPeriod = new LinkedHashMap<>();
            List<BucketRow> groups = rollupCovers()
                    ? rollups.buckets(machineId, ids, fromDay, toDay, d.code(), period.key(),
                            report.queues().hours("r"), false, false)
                    : mapper.buckets(machineId, ids, fromDay, toDay, d.bucketSql(), d.filter(), period.key(),
                            report.queues().hours("c"), false, false);
            for (BucketRow g : groups) {
                Map<String, Object> row = byPeriod.computeIfAbsent(g.getPeriod(), p -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("date", period.label(p));
                    for (Bucket b : buckets) {
                        r.put(b.label(), 0.0);
                    }
                    return r;
                });
                row.put(buckets.get(g.getBucket()).label(), g.getHours());
            }
            return new ArrayList<>(byPeriod.values());
        }

        private List<Map<String, Object>> history() {
            List<Long> cpu = orNone(queueIds(settings.queues(QueueSet.CPU, machine.name())));
            List<Long> gpu = orNone(queueIds(settings.queues(QueueSet.GPU, machine.name())));
            List<UsageHistoryRow> periods = summaryCovers()
                    ? mapper.historyFromSummary(machineId, cpu, gpu, fromDate, toDate, period.key())
                    : mapper.historyFromJobs(machineId, cpu, gpu, fromDay, toDay, period.key());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (UsageHistoryRow p : periods) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("Date", period.label(p.getPeriod()));
                row.put("#-Users", p.getUsers());
                row.put("#-Proj", p.getProjects());
                row.put("#-CPU-Users", p.getCpuUsers());
                row.put("#-CPU-Proj", p.getCpuProjects());
                row.put("#-CPU-Jobs", p.getCpuJobs());
                row.put("#-CPU-Hrs", p.getCpuHours());
                row.put("#-GPU-Users", p.getGpuUsers());
                row.put("#-GPU-Proj", p.getGpuProjects());
                row.put("#-GPU-Jobs", p.getGpuJobs());
                row.put("#-GPU-Hrs", p.getGpuHours());
                rows.add(row);
            }
            return rows;
        }

        /** Whether every day of the window that has jobs has a daily summary. */
        private boolean summaryCovers() {
            Set<String> summarized = new HashSet<>(mapper.summaryDates(machineId, fromDate, toDate));
            for (int day : jobDays()) {
                if (!summarized.contains(Period.DAY.label(day))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether every day of the window that has jobs is in the rollups under the current
         * bucket tables (a store synced before V0005, or under other tables, is not until
         * {@code jobs sync --resummarize}). Days whose jobs were pruned count as covered.
         */
        private boolean rollupCovers() {
            if (rollupCovered == null) {
                Set<Integer> rolled = new HashSet<>(rollups.days(machineId, fromDay, toDay, SIGNATURE));
                rollupCovered = rolled.containsAll(jobDays());
            }
            return rollupCovered;
        }

        /** The window's days that have jobs (one index seek each), read once per query. */
        private List<Integer> jobDays() {
            if (jobDays == null) {
                jobDays = mapper.jobDays(machineId, fromDay, toDay);
            }
            return jobDays;
        }

        private List<Long> queueIds(List<String> names) {
            LookupMapper lookups = session.getMapper(LookupMapper.class);
            List<Long> ids = new ArrayList<>(names.size());
            for (String name : names) {
                Long id = lookups.idOf(LookupTable.QUEUES.table(), LookupTable.QUEUES.column(), name);
                if (id != null) {
                    ids.add(id);
                }
            }
            return ids;
        }

        /** An id list for SQL {@code IN}: no queue of the set was ever seen, so match nothing. */
        private static List<Long> orNone(List<Long> ids) {
            return ids.isEmpty() ? List.of(-1L) : ids;
        }
    }
}
