package org.hpcusage.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.query.BandPeriod;
import org.hpcusage.core.query.JobFilter;
import org.hpcusage.core.report.JobQueryReports;
import org.hpcusage.core.report.output.Report;

/** {@code jobs timeseries} (reference §8.6): usage per machine-local day, ISO week or month, zero-filled. */
final class TimeseriesCommand extends JobQueryCommand {
    @Override
    public String name() {
        return "timeseries";
    }

    @Override
    public String summary() {
        return "Jobs and hours per day, week (ISO, Monday first) or month of the machine's calendar, zero-filled "
                + "(from the daily summaries when they cover the window).";
    }

    @Override
    protected void addOptions(Options o) {
        o.addOption(opt(null, "period", "PERIOD", "day (default), week or month"));
        addOwnerOptions(o);
    }

    @Override
    protected String examples() {
        return """
                hpcusage jobs timeseries -m derecho --period week --start-date 2026-01-01 --end-date 2026-03-31
                hpcusage jobs timeseries --period month --project UCSD0047 --owners 5 --format json""";
    }

    @Override
    protected Report report(JobQueryReports reports, JobFilter filter, CommandLine line) {
        return reports.timeseries(BandPeriod.parse(line.getOptionValue("period", "day")), filter, owners(line));
    }
}
