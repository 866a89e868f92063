package org.hpcusage.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.query.Dimension;
import org.hpcusage.core.query.HistogramAxis;
import org.hpcusage.core.query.JobFilter;
import org.hpcusage.core.query.Metric;
import org.hpcusage.core.report.JobQueryReports;
import org.hpcusage.core.report.output.Report;

/**
 * A chart of one aggregation over the job filter: the same query and filters as the command it
 * draws ({@code jobs usage-by}, {@code jobs histogram}), drawn as bars instead of printed.
 */
abstract class PlotQueryCommand extends JobQueryCommand {
    /** The per-row values a bar can show (keys of the aggregation's rows). */
    private static final List<String> METRICS = List.of("job_count", "cpu_hours", "gpu_hours", "cpu_charges", "gpu_charges");

    /** Options of the aggregation itself, beyond the filters and the chart's. */
    protected abstract void addQueryOptions(Options options);

    /** The row key that names a bar. */
    protected abstract String categoryKey();

    /** The metric drawn when {@code --metric} is not given. */
    protected abstract String defaultMetric();

    /** Horizontal bars, for long category names. */
    protected abstract boolean horizontal();

    @Override
    protected final void addOptions(Options o) {
        addQueryOptions(o);
        o.addOption(opt("o", "out", Charts.OUT_ARG, "the chart to write, PNG or SVG by its extension (required)"))
                .addOption(opt(null, "metric", "KEY", "bar height: " + String.join(", ", METRICS) + " (default " + defaultMetric() + ")"))
                .addOption(opt(null, "width", "PX", "width in pixels (default 1000)"))
                .addOption(opt(null, "height", "PX", "height in pixels (default 600)"));
    }

    @Override
    protected final void emit(Context ctx, Report report, JobFilter filter, CommandLine line) throws Exception {
        Charts.Target file = Charts.target(line.getOptionValue("out"));
        String metric = line.getOptionValue("metric", defaultMetric());
        if (!METRICS.contains(metric)) {
            throw new UsageException("--metric must be one of " + String.join(", ", METRICS) + ", not '" + metric + "'");
        }
        int width = intValue(line, "width", 1000, 200);
        int height = intValue(line, "height", 600, 150);
        String title = report.fields().get("machine") + ": " + metric.replace('_', ' ') + " by " + report.fields().get("dimension")
                + (filter.start() == null && filter.end() == null ? ""
                        : " (" + (filter.start() == null ? "…" : filter.start()) + " to " + (filter.end() == null ? "…" : filter.end()) + ")");
        Charts.write(Charts.bars(report, categoryKey(), metric, metric.replace('_', ' '), title, horizontal()), file, width, height);
        ctx.out().println("Chart saved to " + file.path().toAbsolutePath().normalize() + " (" + report.rows().size() + " bars)");
    }

    /** {@code jobs plot usage-by DIMENSION}: the top users, accounts, queues... as bars. */
    static final class UsageBy extends PlotQueryCommand {
        @Override
        public String name() {
            return "usage-by";
        }

        @Override
        public String summary() {
            return "The top N users, accounts, queues, QoS or exit codes (jobs usage-by) as a bar chart (PNG or SVG).";
        }

        @Override
        protected String arguments() {
            return "DIMENSION";
        }

        @Override
        protected void addQueryOptions(Options o) {
            o.addOption(opt(null, "limit", "N", "bars for the top N values (default 20)"))
                    .addOption(opt(null, "sort-by", "METRIC", "rank by " + metricChoices() + " (default hours)"));
        }

        @Override
        protected String examples() {
            return """
                    hpcusage jobs plot usage-by user -m derecho --start-date 2026-01-01 --end-date 2026-01-31 --out top-users.png
                    hpcusage jobs plot usage-by account --queue gpu --metric gpu_hours --limit 10 --out gpu-accounts.svg""";
        }

        @Override
        protected Report report(JobQueryReports reports, JobFilter filter, CommandLine line) {
            Dimension d = Dimension.parse(
                    oneArgument(line, "dimension (user, account, queue, qos, exit_status)"));
            Integer limit = positive(line, "limit");
            return reports.usageBy(d, filter, limit == null ? 20 : limit, metric(line, "sort-by", Metric.HOURS));
        }

        @Override
        protected String categoryKey() {
            return "value";
        }

        @Override
        protected String defaultMetric() {
            return "cpu_hours";
        }

        @Override
        protected boolean horizontal() {
            return true;
        }
    }

    /** {@code jobs plot histogram DIMENSION}: every band of the histogram, zeros included, as bars. */
    static final class Histogram extends PlotQueryCommand {
        @Override
        public String name() {
            return "histogram";
        }

        @Override
        public String summary() {
            return "Jobs (or hours) per band of wait, nodes, cpus, gpus, memory, duration... (jobs histogram) as a bar chart (PNG or SVG).";
        }

        @Override
        protected String arguments() {
            return "DIMENSION";
        }

        @Override
        protected void addQueryOptions(Options o) {
        }

        @Override
        protected String examples() {
            return """
                    hpcusage jobs plot histogram wait -m derecho --start-date 2026-01-01 --end-date 2026-01-31 --out waits.png
                    hpcusage jobs plot histogram nodes -m derecho --metric cpu_hours --out node-hours.svg""";
        }

        @Override
        protected Report report(JobQueryReports reports, JobFilter filter, CommandLine line) {
            return reports.histogram(HistogramAxis.parse(oneArgument(line, "dimension")), filter, null);
        }

        @Override
        protected String categoryKey() {
            return "label";
        }

        @Override
        protected String defaultMetric() {
            return "job_count";
        }

        @Override
        protected boolean horizontal() {
            return false;
        }
    }
}
