package org.hpcusage.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.report.Period;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.report.output.ReportFileNames;
import org.hpcusage.core.report.resource.ResourceReport;
import org.hpcusage.core.report.resource.ResourceReports;

/**
 * One {@code jobs resource} report (reference §7.4). One instance per {@link ResourceReport}
 * entry, so the command list is the report table. Default format: {@code dat}, a file in
 * {@code --output-dir}, as the reference.
 */
final class ResourceCommand extends LeafCommand {
    static final String ALL = "all";

    private final ResourceReport report;

    ResourceCommand(ResourceReport report) {
        this.report = report;
    }

    /** A command for every report, in the reference's order. */
    static Command[] all() {
        ResourceReport[] reports = ResourceReport.values();
        Command[] commands = new Command[reports.length];
        for (int i = 0; i < reports.length; i++) {
            commands[i] = new ResourceCommand(reports[i]);
        }
        return commands;
    }

    @Override
    public String name() {
        return report.command();
    }

    @Override
    public String summary() {
        return report.help() + ".";
    }

    @Override
    protected Options options() {
        Options o = new Options()
                .addOption(opt("m", "machine", "NAME", "machine, or 'all' for every machine in turn (default: the first one defined)"))
                .addOption(opt(null, "start-date", "YYYY-MM-DD", "first day of jobs' end, machine-local (default: unbounded)"))
                .addOption(opt(null, "end-date", "YYYY-MM-DD", "last day, inclusive (default: unbounded)"));
        if (report.periodic()) {
            o.addOption(opt(null, "group-by", "PERIOD", "day (default), month, quarter or year"));
        }
        return o.addOption(opt(null, "output-dir", "DIR", "folder for file formats (dat, the default, csv, md, json-file); default: ."));
    }

    @Override
    protected String examples() {
        String name = report.command();
        String first = "hpcusage jobs resource " + name + " -m derecho --start-date 2026-01-01 --end-date 2026-01-31"
                + (report.periodic() ? " --group-by month" : "") + "    # writes De_" + report.fileBase()
                + "_2026-01-01_2026-01-31.dat";
        return first + "\n"
                + "jobhist-resource " + name + " -m all --format csv --output-dir reports\n"
                + "hpcusage jobs resource " + name + " -m casper --format table";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        LocalDate start = Dates.option(line, "start-date");
        LocalDate end = Dates.option(line, "end-date");
        if (start != null && end != null && end.isBefore(start)) {
            throw new UsageException("--end-date " + end + " is before --start-date " + start);
        }
        Period period;
        try {
            period = Period.parse(line.getOptionValue("group-by", "day"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--group-by: " + e.getMessage());
        }
        String machineName = line.getOptionValue("machine", ctx.machines().defaultName());
        List<Machine> machines = new ArrayList<>();
        if (machineName.equalsIgnoreCase(ALL)) {
            // Every machine in name order (the reference ran casper, then derecho).
            for (String name : ctx.machines().names().stream().sorted().toList()) {
                machines.add(ctx.machines().resolve(name));
            }
            machineName = ALL;
        } else {
            machines.add(ctx.reportMachine(machineName));   // also one only in the store (jobs import)
        }
        Report result = new ResourceReports(ctx.store().jobs(), start, end, period).run(report, machines, machineName);
        Path dir = Path.of(line.getOptionValue("output-dir", "."));
        ctx.reports().write(result, ctx.format(OutputFormat.DAT), dir,
                ReportFileNames.resource(machineName, report.fileBase(), start, end));
        return 0;
    }
}
