package org.hpcusage.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.report.HistoryReports;
import org.hpcusage.core.report.Period;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;

/** One {@code jobs history} report (reference §7.3). */
final class HistoryCommand extends LeafCommand {

    enum Kind {
        DAILY_SUMMARY("daily-summary", "Per day, user, project and queue: jobs and CPU/GPU/memory hours (from daily summaries)."),
        JOBS_PER_USER("jobs-per-user", "Jobs per period and user (-v: also per project)."),
        JOBS_PER_PROJECT("jobs-per-project", "Jobs per period and project (-v: also per user)."),
        UNIQUE_USERS("unique-users", "Distinct users with jobs, per period."),
        UNIQUE_PROJECTS("unique-projects", "Distinct projects with jobs, per period.");

        final String command;
        final String summary;

        Kind(String command, String summary) {
            this.command = command;
            this.summary = summary;
        }
    }

    private final Kind kind;

    HistoryCommand(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.command;
    }

    @Override
    public String summary() {
        return kind.summary;
    }

    @Override
    protected Options options() {
        Options o = new Options()
                .addOption(opt("m", "machine", "NAME", "machine (default: the first one defined)"))
                .addOption(opt(null, "start-date", "YYYY-MM-DD", "first day of jobs' end, machine-local (default: unbounded)"))
                .addOption(opt(null, "end-date", "YYYY-MM-DD", "last day, inclusive (default: unbounded)"));
        if (kind != Kind.DAILY_SUMMARY) {
            o.addOption(opt(null, "group-by", "PERIOD", "day (default), month, quarter or year"));
        }
        if (kind == Kind.JOBS_PER_USER || kind == Kind.JOBS_PER_PROJECT) {
            o.addOption(opt("v", "verbose", null, "add the secondary column (project or user)"));
        }
        return o;
    }

    @Override
    protected String examples() {
        return switch (kind) {
            case DAILY_SUMMARY -> "hpcusage jobs history daily-summary -m derecho --start-date 2026-01-01 --end-date 2026-01-31\n"
                    + "jobhist-history daily-summary -m casper --start-date 2026-01-01 --format json";
            case JOBS_PER_USER -> "hpcusage jobs history jobs-per-user -m derecho --group-by month -v";
            case JOBS_PER_PROJECT -> "hpcusage jobs history jobs-per-project -m casper --start-date 2026-01-01 --format csv";
            case UNIQUE_USERS -> "hpcusage jobs history unique-users -m derecho --group-by month";
            case UNIQUE_PROJECTS -> "hpcusage jobs history unique-projects -m derecho --group-by quarter";
        };
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        LocalDate start = Dates.option(line, "start-date");
        LocalDate end = Dates.option(line, "end-date");
        Period period;
        try {
            period = Period.parse(line.getOptionValue("group-by", "day"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--group-by: " + e.getMessage());
        }
        String machineName = line.getOptionValue("machine");
        Machine machine = ctx.reportMachine(machineName == null ? ctx.machines().defaultName() : machineName);
        HistoryReports reports = new HistoryReports(ctx.store().jobs(), machine, start, end);
        Report report = switch (kind) {
            case DAILY_SUMMARY -> reports.dailySummary();
            case JOBS_PER_USER -> reports.jobsPer(true, period, line.hasOption("verbose"));
            case JOBS_PER_PROJECT -> reports.jobsPer(false, period, line.hasOption("verbose"));
            case UNIQUE_USERS -> reports.unique(true, period);
            case UNIQUE_PROJECTS -> reports.unique(false, period);
        };
        String base = report.kind() + "_" + (start == null ? "None" : start) + "_" + (end == null ? "None" : end);
        ctx.reports().write(report, ctx.format(OutputFormat.TABLE), Path.of("."), base);
        return 0;
    }
}
