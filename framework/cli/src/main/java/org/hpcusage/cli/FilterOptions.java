package org.hpcusage.cli;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.hpcusage.core.query.JobFilter;
import org.hpcusage.core.query.JobFilter.Range;

/**
 * The job filter options of {@code jobs search} (reference §7.5), shared by every query command
 * so that they all accept exactly the same filters. Hours become whole seconds and GB whole
 * bytes (1 GB = 1024³), truncated toward zero as the reference's {@code int(...)} does; every
 * bound but the memory-wasted pair must be at least 0.
 */
final class FilterOptions {

    private static final double GB = 1024.0 * 1024 * 1024;

    /** A CLI bound: its option stem, the filter range, the unit factor, whether it may be negative. */
    private enum Bound {
        WAIT("wait-hours", Range.WAIT, 3600, false, "H", "eligible wait in hours"),
        NODES("nodes", Range.NODES, 0, false, "N", "nodes"),
        CPUS("cpus", Range.CPUS, 0, false, "N", "CPUs"),
        GPUS("gpus", Range.GPUS, 0, false, "N", "GPUs (--min-gpus 1: GPU jobs, --max-gpus 0: CPU only)"),
        ELAPSED("elapsed-hours", Range.ELAPSED, 3600, false, "H", "elapsed hours"),
        REQMEM("reqmem-gb", Range.REQMEM, GB, false, "GB", "requested memory in GB"),
        MEMORY_USED("memory-used-gb", Range.MEMORY_USED, GB, false, "GB", "used memory in GB"),
        MEMORY_WASTED("memory-wasted-gb", Range.MEMORY_WASTED, GB, true, "GB",
                "requested minus used memory in GB (may be negative: --max-memory-wasted-gb=-1)");

        final String stem;
        final Range range;
        /** 0 = whole counts; otherwise the factor to API units. */
        final double factor;
        final boolean signed;
        final String arg;
        final String what;

        Bound(String stem, Range range, double factor, boolean signed, String arg, String what) {
            this.stem = stem;
            this.range = range;
            this.factor = factor;
            this.signed = signed;
            this.arg = arg;
            this.what = what;
        }
    }

    private FilterOptions() {
    }

    /** Adds -m, the dates and every filter option to {@code o}. */
    static Options addTo(Options o) {
        o.addOption(LeafCommand.opt("m", "machine", "NAME", "machine (default: the first one defined)"))
                .addOption(LeafCommand.opt(null, "start-date", "YYYY-MM-DD", "first machine-local day of the jobs' end (default: unbounded)"))
                .addOption(LeafCommand.opt(null, "end-date", "YYYY-MM-DD", "last day, inclusive (default: unbounded)"))
                .addOption(LeafCommand.opt(null, "user", "NAME", "exact user name"))
                .addOption(LeafCommand.opt(null, "project", "CODE", "exact project (account)"))
                .addOption(LeafCommand.opt(null, "queue", "NAME", "exact queue"))
                .addOption(LeafCommand.opt(null, "qos", "NAME", "exact QoS"))
                .addOption(LeafCommand.opt(null, "exit-status", "CODE", "exact exit status"))
                .addOption(LeafCommand.opt(null, "job-id", "ID", "job id: 6049117 = the job, its array parent and elements; with a host, exact"))
                .addOption(Option.builder("N").longOpt("name-pattern").hasArg().argName("GLOB")
                        .desc("job name glob (* ? [abc]); repeat for OR").build())
                .addOption(LeafCommand.opt("i", "ignore-case", null, "match name patterns case-insensitively"));
        for (Bound b : Bound.values()) {
            o.addOption(LeafCommand.opt(null, "min-" + b.stem, b.arg, "at least this many " + b.what));
            o.addOption(LeafCommand.opt(null, "max-" + b.stem, b.arg, "at most this many " + b.what));
        }
        return o;
    }

    /** The machine named by -m (checked by {@link Context#reportMachine}), else the default one. */
    static String machine(Context ctx, CommandLine line) {
        String name = line.getOptionValue("machine");
        return name == null ? ctx.machines().defaultName() : name;
    }

    static JobFilter parse(CommandLine line) {
        String[] names = line.getOptionValues("name-pattern");
        JobFilter.Builder b = JobFilter.builder()
                .start(Dates.option(line, "start-date"))
                .end(Dates.option(line, "end-date"))
                .user(line.getOptionValue("user"))
                .account(line.getOptionValue("project"))
                .queue(line.getOptionValue("queue"))
                .qos(line.getOptionValue("qos"))
                .exitStatus(line.getOptionValue("exit-status"))
                .jobId(line.getOptionValue("job-id"))
                .names(names == null ? List.of() : Arrays.asList(names))
                .ignoreCase(line.hasOption("ignore-case"));
        for (Bound bound : Bound.values()) {
            b.range(bound.range, value(line, "min-" + bound.stem, bound), value(line, "max-" + bound.stem, bound));
        }
        return b.build();
    }

    private static Long value(CommandLine line, String option, Bound bound) {
        String raw = line.getOptionValue(option);
        if (raw == null) {
            return null;
        }
        String v = raw.trim();
        if (bound.factor == 0) {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + option + " must be a whole number, not '" + raw + "'");
            }
            if (n < 0) {
                throw new UsageException("--" + option + " must be at least 0, not " + n);
            }
            return n;
        }
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " must be a number, not '" + raw + "'");
        }
        if (!Double.isFinite(x)) {
            throw new UsageException("--" + option + " must be a finite number, not '" + raw + "'");
        }
        if (x < 0 && !bound.signed) {
            throw new UsageException("--" + option + " must be at least 0, not " + raw);
        }
        return (long) (x * bound.factor);
    }
}
