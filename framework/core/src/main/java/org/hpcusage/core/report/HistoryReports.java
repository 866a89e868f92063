package org.hpcusage.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.report.output.Column;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.HistoryMapper;
import org.hpcusage.core.store.LookupMapper;
import org.hpcusage.core.store.LookupTable;
import org.hpcusage.core.store.PeriodCount;
import org.hpcusage.core.store.SummaryRow;

/**
 * The {@code jobs history} reports (reference §7.3). Omitted dates mean an unbounded window,
 * and jobs whose user or account is unknown (NULL) appear with an empty name instead of
 * failing the report.
 */
public final class HistoryReports {

    private static final Column PERIOD = new Column("period", "Period", 12, "s");
    private static final Column USER = new Column("user", "User", 16, "s");
    private static final Column ACCOUNT = new Column("account", "Account", 16, "s");
    private static final Column JOB_COUNT = new Column("job_count", "Job Count", 0, "");

    private final Database db;
    private final Machine machine;
    private final LocalDate start;
    private final LocalDate end;

    public HistoryReports(Database db, Machine machine, LocalDate start, LocalDate end) {
        this.db = db;
        this.machine = machine;
        this.start = start;
        this.end = end;
    }

    /** jobs-per-user (primary user) or jobs-per-project (primary account). */
    public Report jobsPer(boolean byUser, Period period, boolean verbose) {
        boolean withUser = byUser || verbose;
        boolean withAccount = !byUser || verbose;
        List<PeriodCount> counts = query(m -> m.jobCounts(machineId(), period.key(), day(start), day(end), withUser, withAccount));
        Comparator<PeriodCount> order = Comparator.comparingLong(PeriodCount::getPeriod);
        Comparator<String> names = Comparator.nullsLast(Comparator.naturalOrder());
        if (byUser) {
            order = order.thenComparing(PeriodCount::getUserName, names).thenComparing(PeriodCount::getAccountName, names);
        } else {
            order = order.thenComparing(PeriodCount::getAccountName, names).thenComparing(PeriodCount::getUserName, names);
        }
        counts.sort(order);
        List<Map<String, Object>> rows = new ArrayList<>(counts.size());
        for (PeriodCount c : counts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("period", period.label(c.getPeriod()));
            if (byUser) {
                row.put("user", c.getUserName());
                if (verbose) {
                    row.put("account", c.getAccountName());
                }
            } else {
                row.put("account", c.getAccountName());
                if (verbose) {
                    row.put("user", c.getUserName());
                }
            }
            row.put("job_count", c.getCount());
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(PERIOD);
        columns.add(byUser ? USER : ACCOUNT);
        if (verbose) {
            columns.add(byUser ? ACCOUNT : USER);
        }
        columns.add(JOB_COUNT);
        return envelope(byUser ? "jobs_per_user" : "jobs_per_account", period)
                .field("primary_entity", byUser ? "user" : "account")
                .field("verbose", verbose)
                .columns(columns).rows(rows).build();
    }

    /** unique-users or unique-projects per period. */
    public Report unique(boolean users, Period period) {
        List<PeriodCount> counts = query(m -> m.distinctCounts(machineId(), period.key(), day(start), day(end),
                users ? "user_id" : "account_id"));
        String key = users ? "user_count" : "project_count";
        List<Map<String, Object>> rows = new ArrayList<>(counts.size());
        for (PeriodCount c : counts) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("period", period.label(c.getPeriod()));
            row.put(key, c.getCount());
            rows.add(row);
        }
        return envelope(users ? "unique_users" : "unique_projects", period)
                .columns(List.of(PERIOD, new Column(key, users ? "Unique Users" : "Unique Projects", 0, "")))
                .rows(rows).build();
    }

    /** daily-summary: read from the summary table only. */
    public Report dailySummary() {
        List<SummaryRow> summary = query(m -> m.dailySummary(machineId(),
                start == null ? null : start.toString(), end == null ? null : end.toString()));
        List<Map<String, Object>> rows = new ArrayList<>(summary.size());
        for (SummaryRow s : summary) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", s.getDate());
            row.put("user", s.getUserName());
            row.put("account", s.getAccountName());
            row.put("queue", s.getQueueName());
            row.put("job_count", s.getJobCount());
            row.put("cpu_hours", s.getCpuHours());
            row.put("gpu_hours", s.getGpuHours());
            row.put("memory_hours", s.getMemoryHours());
            row.put("cpu_charges", s.getCpuCharges());
            row.put("gpu_charges", s.getGpuCharges());
            row.put("memory_charges", s.getMemoryCharges());
            rows.add(row);
        }
        return Report.builder("daily_summary")
                .field("machine", machine.name())
                .field("start", start == null ? null : start.toString())
                .field("end", end == null ? null : end.toString())
                .columns(List.of(new Column("date", "Date", 12, "s"), USER, ACCOUNT, new Column("queue", "Queue", 12, "s"),
                        new Column("job_count", "Jobs", 8, ""), new Column("cpu_hours", "CPU-h", 12, ".1f"),
                        new Column("gpu_hours", "GPU-h", 12, ".1f"), new Column("memory_hours", "Mem-h", 0, ".1f")))
                .rows(rows).build();
    }

    private Report.Builder envelope(String kind, Period period) {
        return Report.builder(kind)
                .field("machine", machine.name())
                .field("start", start == null ? null : start.toString())
                .field("end", end == null ? null : end.toString())
                .field("group_by", period.key());
    }

    private Long machineIdCache;

    private long machineId() {
        if (machineIdCache == null) {
            try (SqlSession session = db.reader()) {
                Long id = session.getMapper(LookupMapper.class)
                        .idOf(LookupTable.MACHINES.table(), LookupTable.MACHINES.column(), machine.name());
                machineIdCache = id == null ? -1L : id;   // never synced: every report is empty
            }
        }
        return machineIdCache;
    }

    private <T> List<T> query(Function<HistoryMapper, List<T>> q) {
        try (SqlSession session = db.reader()) {
            return new ArrayList<>(q.apply(session.getMapper(HistoryMapper.class)));
        }
    }

    private static Integer day(LocalDate d) {
        return d == null ? null : Machine.yyyymmdd(d);
    }
}
