package org.hpcusage.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.query.Dimension;
import org.hpcusage.core.query.JobFilter;
import org.hpcusage.core.query.Metric;
import org.hpcusage.core.report.JobQueryReports;
import org.hpcusage.core.report.output.Report;

/** {@code jobs usage-by DIMENSION} (reference §8.5): jobs, hours and charges per value, ranked. */
final class UsageByCommand extends JobQueryCommand {
    @Override
    public String name() {
        return "usage-by";
    }

    @Override
    public String summary() {
        return "Jobs, CPU/GPU hours and charges per user, account, queue, qos or exit_status, ranked.";
    }

    @Override
    protected String arguments() {
        return "DIMENSION";
    }

    @Override
    protected void addOptions(Options o) {
        o.addOption(opt(null, "limit", "N", "keep the top N values (totals still cover all)"))
                .addOption(opt(null, "sort-by", "METRIC", "rank by " + metricChoices() + " (default hours)"));
    }

    @Override
    protected String examples() {
        return """
                hpcusage jobs usage-by user -m derecho --start-date 2026-01-01 --end-date 2026-01-31 --limit 10
                hpcusage jobs usage-by account --queue gpu --sort-by gpu_charges --format csv""";
    }

    @Override
    protected Report report(JobQueryReports reports, JobFilter filter, CommandLine line) {
        Dimension d = Dimension.parse(oneArgument(line, "dimension (user, account, queue, qos, exit_status)"));
        return reports.usageBy(d, filter, positive(line, "limit"), metric(line, "sort-by", Metric.HOURS));
    }
}
