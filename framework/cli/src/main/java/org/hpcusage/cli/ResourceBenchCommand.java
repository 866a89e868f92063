package org.hpcusage.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.report.Period;
import org.hpcusage.core.report.output.Column;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.report.resource.ResourceReport;
import org.hpcusage.core.report.resource.ResourceReports;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.MigrationRunner;

/**
 * {@code jobs bench-resource}: times every resource report on a large store. The store is the
 * one {@code --db} names (or {@code bench.db} in the work folder); when it holds no jobs of the
 * machine yet it is first filled with generated days, one day file at a time (generate, sync,
 * delete), so a 5-million-job store needs no 16 GB of logs. Each report runs once to warm up,
 * then {@code --repeat} times; the table shows the best and the median wall time.
 */
final class ResourceBenchCommand extends LeafCommand {
    @Override
    public String name() {
        return "bench-resource";
    }

    @Override
    public String summary() {
        return "Benchmark every resource report on a generated store (built on first use, reused after).";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "machine", "NAME", "machine whose generator, rule and zone to use (default: the first one)"))
                .addOption(opt(null, "days", "N", "days to generate when the store is empty (default 167)"))
                .addOption(opt(null, "jobs", "N", "finished jobs per generated day (default 30000; 167 x 30000 = 5 million)"))
                .addOption(opt(null, "work-dir", "DIR", "folder for the store and the day file being synced (default: ./bench-resource)"))
                .addOption(opt(null, "start-date", "YYYY-MM-DD", "report window start (default: unbounded)"))
                .addOption(opt(null, "end-date", "YYYY-MM-DD", "report window end (default: unbounded)"))
                .addOption(opt(null, "group-by", "PERIOD", "period of the periodic reports (default month)"))
                .addOption(opt(null, "repeat", "N", "timed runs per report after one warm-up run (default 3)"));
    }

    @Override
    protected String examples() {
        return "hpcusage jobs bench-resource -m derecho --work-dir /scratch/bench          # 5 million jobs, SQLite\n"
                + "hpcusage jobs bench-resource -m derecho --db jdbc:postgresql://127.0.0.1/bench?user=postgres\n"
                + "hpcusage --format md jobs bench-resource --days 10 --jobs 1000";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        String name = line.getOptionValue("machine");
        Machine machine = ctx.machines().resolve(name == null ? ctx.machines().defaultName() : name);
        int days = intValue(line, "days", 167, 1);
        int jobs = intValue(line, "jobs", 30_000, 1);
        int repeat = intValue(line, "repeat", 3, 1);
        LocalDate start = Dates.option(line, "start-date");
        LocalDate end = Dates.option(line, "end-date");
        Period period;
        try {
            period = Period.parse(line.getOptionValue("group-by", "month"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--group-by: " + e.getMessage());
        }
        Path work = Files.createDirectories(Path.of(line.getOptionValue("work-dir", "bench-resource")));
        DatabaseTarget target = ctx.globals().db() != null ? DatabaseTarget.parse(ctx.globals().db())
                : DatabaseTarget.sqlite(work.resolve("bench.db"));
        try (Database db = Database.open(target, MigrationRunner.JOBS)) {
            long stored = jobCount(db, machine);
            if (stored == 0) {
                fill(ctx, db, machine, work, days, jobs);
                stored = jobCount(db, machine);
            }
            ctx.err().printf("Timing %d resource reports on %,d %s jobs in %s%n", ResourceReport.values().length, stored,
                    machine.name(), target.display());
            ResourceReports reports = new ResourceReports(db, start, end, period);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ResourceReport report : ResourceReport.values()) {
                int resultRows = reports.run(report, List.of(machine), machine.name()).rows().size();   // warm-up
                double[] ms = new double[repeat];
                for (int i = 0; i < repeat; i++) {
                    long t0 = System.nanoTime();
                    reports.run(report, List.of(machine), machine.name());
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                Arrays.sort(ms);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("report", report.command());
                row.put("rows", resultRows);
                row.put("best_ms", ms[0]);
                row.put("median_ms", ms[repeat / 2]);
                rows.add(row);
            }
            Report result = Report.builder("bench_resource")
                    .field("machine", machine.name())
                    .field("jobs", stored)
                    .field("store", target.display())
                    .columns(List.of(new Column("report", "Report", 26, "s"), new Column("rows", "Rows", 8, ""),
                            new Column("best_ms", "Best ms", 10, ".0f"), new Column("median_ms", "Median ms", 0, ".0f")))
                    .rows(rows).build();
            ctx.reports().write(result, ctx.format(OutputFormat.TABLE), Path.of("."), "bench_resource_" + db.dialect().id());
        }
        return 0;
    }

    /** Generates and syncs one day at a time, so the logs on disk never exceed one day file. */
    private static void fill(Context ctx, Database db, Machine machine, Path work, int days, int jobs) throws Exception {
        LocalDate first = LocalDate.of(2026, 1, 1).minusDays(days);
        Path logs = work.resolve("logs");
        long t0 = System.nanoTime();
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            GenerateCommand.write(ctx, machine, logs, day, 1, jobs, 42);
            new SyncEngine(db, machine, SyncOptions.defaults(SyncMode.PLAIN, logs), SyncListener.NONE).run(day, day);
            try (var files = Files.list(logs)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            if (ctx.showProgress()) {
                ctx.err().printf("\rFilled %d of %d days", i + 1, days);
            }
        }
        ctx.err().printf("%nFilled %d days of %,d jobs in %.0f s%n", days, jobs, (System.nanoTime() - t0) / 1e9);
    }

    private static long jobCount(Database db, Machine machine) throws Exception {
        try (SqlSession session = db.reader(); Connection c = session.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT COUNT(*) FROM jobs j JOIN machines m ON m.id = j.machine_id WHERE m.name = ?")) {
            st.setString(1, machine.name());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
