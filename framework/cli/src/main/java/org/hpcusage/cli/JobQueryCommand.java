package org.hpcusage.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.query.Dimension;
import org.hpcusage.core.query.JobFilter;
import org.hpcusage.core.query.JobQuery;
import org.hpcusage.core.query.Metric;
import org.hpcusage.core.query.Owners;
import org.hpcusage.core.report.JobQueryReports;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.report.output.ReportFileNames;

/**
 * A command over the job filter (search and the aggregations): parses the shared filter
 * options, runs its query and writes the report in the chosen {@code --format}. A bad argument
 * to the query API (unknown dimension, bad limit, too many bands) is a usage error, exit 2.
 */
abstract class JobQueryCommand extends LeafCommand {

    /** Options of this command beyond the filters. */
    protected abstract void addOptions(Options options);

    protected abstract Report report(JobQueryReports reports, JobFilter filter, CommandLine line);

    @Override
    protected final Options options() {
        Options o = FilterOptions.addTo(new Options());
        addOptions(o);
        return o;
    }

    @Override
    protected final int execute(Context ctx, CommandLine line) throws Exception {
        JobFilter filter = FilterOptions.parse(line);
        String machineName = FilterOptions.machine(ctx, line);
        Machine machine = ctx.reportMachine(machineName);   // also one only in the store (jobs import)
        JobQuery query;
        try {
            query = JobQuery.of(ctx.store().jobs(), machine);
        } catch (IllegalArgumentException e) {
            throw new org.hpcusage.core.util.UserException(e.getMessage());
        }
        Report report;
        try {
            report = report(new JobQueryReports(query), filter, line);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        emit(ctx, report, filter, line);
        return 0;
    }

    /** Hands the finished report to the user: by default in the chosen {@code --format}. */
    protected void emit(Context ctx, Report report, JobFilter filter, CommandLine line) throws Exception {
        ctx.reports().write(report, ctx.format(OutputFormat.TABLE), Path.of("."),
                ReportFileNames.of(report.kind(), filter.start(), filter.end()));
    }

    /** The single positional argument (a dimension name), or a usage error. */
    static String oneArgument(CommandLine line, String what) {
        List<String> args = line.getArgList();
        if (args.size() != 1) {
            throw new UsageException("give one " + what + (args.isEmpty() ? "" : ", not " + args.size()));
        }
        return args.get(0);
    }

    static Integer positive(CommandLine line, String option) {
        return line.hasOption(option) ? intValue(line, option, 1, 1) : null;
    }

    static Metric metric(CommandLine line, String option, Metric fallback) {
        String v = line.getOptionValue(option);
        if (v == null) {
            return fallback;
        }
        try {
            return Metric.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + option + ": " + e.getMessage());
        }
    }

    /** Owner options shared by histogram and timeseries. */
    static void addOwnerOptions(Options o) {
        o.addOption(opt(null, "owners", "N", "also show the top N owners of each band"))
                .addOption(opt(null, "owners-by", "WHO", "user (default) or account"))
                .addOption(opt(null, "owners-sort-by", "METRIC", "rank owners by " + metricChoices() + " (default hours)"));
    }

    static Owners owners(CommandLine line) {
        Integer limit = positive(line, "owners");
        if (limit == null) {
            if (line.hasOption("owners-by") || line.hasOption("owners-sort-by")) {
                throw new UsageException("--owners-by and --owners-sort-by need --owners N");
            }
            return null;
        }
        String by = line.getOptionValue("owners-by", "user").trim().toLowerCase(Locale.ROOT);
        Dimension who = switch (by) {
            case "user" -> Dimension.USER;
            case "account", "project" -> Dimension.ACCOUNT;
            default -> throw new UsageException("--owners-by must be user or account, not '" + by + "'");
        };
        return new Owners(limit, metric(line, "owners-sort-by", Metric.HOURS), who);
    }

    static String metricChoices() {
        return String.join(", ", Arrays.stream(Metric.values()).map(Metric::key).toList());
    }
}
