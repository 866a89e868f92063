package org.hpcusage.cli;

import java.util.Arrays;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.query.HistogramAxis;
import org.hpcusage.core.query.JobFilter;
import org.hpcusage.core.report.JobQueryReports;
import org.hpcusage.core.report.output.Report;

/** {@code jobs histogram DIMENSION} (reference §8.3): every band with its jobs and hours, plus the NULL count. */
final class HistogramCommand extends JobQueryCommand {
    @Override
    public String name() {
        return "histogram";
    }

    @Override
    public String summary() {
        return "Jobs and hours per band of one dimension: " + String.join(", ",
                Arrays.stream(HistogramAxis.values()).map(HistogramAxis::key).toList()) + ".";
    }

    @Override
    protected String arguments() {
        return "DIMENSION";
    }

    @Override
    protected void addOptions(Options o) {
        addOwnerOptions(o);
    }

    @Override
    protected String examples() {
        return """
                hpcusage jobs histogram wait -m derecho --start-date 2026-01-01 --end-date 2026-01-31
                hpcusage jobs histogram nodes -m casper --owners 3 --owners-by account --format json
                hpcusage jobs histogram memory_wasted --queue main --min-gpus 1""";
    }

    @Override
    protected Report report(JobQueryReports reports, JobFilter filter, CommandLine line) {
        HistogramAxis axis = HistogramAxis.parse(oneArgument(line, "dimension (" + String.join(", ",
                Arrays.stream(HistogramAxis.values()).map(HistogramAxis::key).toList()) + ")"));
        return reports.histogram(axis, filter, owners(line));
    }
}
