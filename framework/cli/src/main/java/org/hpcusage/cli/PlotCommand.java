package org.hpcusage.cli;

import java.time.LocalDate;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.report.Period;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.report.resource.ResourceReport;
import org.hpcusage.core.report.resource.ResourceReports;

/** {@code jobs plot usage-history}: the usage-history report as a PNG or SVG chart. */
final class PlotCommand extends LeafCommand {
    @Override
    public String name() {
        return "usage-history";
    }

    @Override
    public String summary() {
        return "CPU and GPU hours per period (the usage-history report) as a PNG or SVG chart.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "machine", "NAME", "machine (default: the first one defined)"))
                .addOption(opt(null, "start-date", "YYYY-MM-DD", "first day of jobs' end, machine-local (default: unbounded)"))
                .addOption(opt(null, "end-date", "YYYY-MM-DD", "last day, inclusive (default: unbounded)"))
                .addOption(opt(null, "group-by", "PERIOD", "day, month (default), quarter or year"))
                .addOption(opt("o", "out", Charts.OUT_ARG, "the chart to write, PNG or SVG by its extension (required)"))
                .addOption(opt(null, "width", "PX", "width in pixels (default 1000)"))
                .addOption(opt(null, "height", "PX", "height in pixels (default 600)"));
    }

    @Override
    protected String examples() {
        return "hpcusage jobs plot usage-history -m derecho --start-date 2026-01-01 --end-date 2026-06-30 --out usage.png\n"
                + "hpcusage jobs plot usage-history -m casper --group-by day --out casper-days.svg --width 1600";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        Charts.Target file = Charts.target(line.getOptionValue("out"));
        LocalDate start = Dates.option(line, "start-date");
        LocalDate end = Dates.option(line, "end-date");
        Period period;
        try {
            period = Period.parse(line.getOptionValue("group-by", "month"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--group-by: " + e.getMessage());
        }
        int width = intValue(line, "width", 1000, 200);
        int height = intValue(line, "height", 600, 150);
        Machine machine = ctx.machines().resolve(line.getOptionValue("machine", ctx.machines().defaultName()));
        Report history = new ResourceReports(ctx.store().jobs(), start, end, period)
                .run(ResourceReport.USAGE_HISTORY, List.of(machine), machine.name());
        String title = machine.name() + ": CPU and GPU hours per " + period.key()
                + (start == null && end == null ? "" : " (" + (start == null ? "…" : start) + " to " + (end == null ? "…" : end) + ")");
        Charts.write(UsageHistoryChart.of(history, title), file, width, height);
        ctx.out().println("Chart saved to " + file.path().toAbsolutePath().normalize() + " (" + history.rows().size() + " periods)");
        return 0;
    }
}
