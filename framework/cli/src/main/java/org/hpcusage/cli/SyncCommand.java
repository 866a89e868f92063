package org.hpcusage.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.DayResult;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.ingest.SyncStats;
import org.hpcusage.core.util.UserException;

/** {@code jobs sync}: read a machine's day files into the store (reference §6). */
final class SyncCommand extends LeafCommand {
    static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String summary() {
        return "Read accounting day files into the store: jobs, charges, raw records, daily summaries.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "machine", "NAME", "machine to sync (default: the first one defined)"))
                .addOption(opt("l", "log-path", "DIR", "directory of day files (default: the machine's log-path)"))
                .addOption(opt("d", "date", "YYYY-MM-DD", "one day"))
                .addOption(opt(null, "start", "YYYY-MM-DD", "first day (default 2024-01-01)"))
                .addOption(opt(null, "end", "YYYY-MM-DD", "last day, inclusive (default yesterday)"))
                .addOption(opt(null, "today", null, "just today"))
                .addOption(opt(null, "last", "N[d]", "the last N days including today"))
                .addOption(opt(null, "upsert", null, "also update every field of jobs already stored"))
                .addOption(opt(null, "incremental", null, "insert new jobs only; summarise a day only if something was new"))
                .addOption(opt(null, "recalculate", null, "recompute charges of stored jobs (no logs read)"))
                .addOption(opt(null, "resummarize", null, "rebuild daily summaries of stored jobs (no logs read)"))
                .addOption(opt(null, "no-summary", null, "do not write daily summaries"))
                .addOption(opt(null, "dry-run", null, "parse and count only; write nothing"))
                .addOption(opt(null, "batch-size", "N", "jobs per write batch (default 1000)"))
                .addOption(opt(null, "scheduler", "NAME", "accounting format (default: the machine's scheduler)"))
                .addOption(opt("v", "verbose", null, "a line per day and the list of failed days"));
    }

    @Override
    protected String examples() {
        return """
                hpcusage jobs sync -m derecho -l /ncar/pbs/accounting --start 2026-01-01 --end 2026-01-31
                hpcusage jobs sync -m casper --last 2d --upsert
                jobhist sync -m derecho --today --incremental""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) {
        LocalDate[] range = dateRange(line);
        SyncMode mode = mode(line);
        String machineName = line.getOptionValue("machine");
        if (machineName == null) {
            machineName = ctx.machines().defaultName();
        }
        Machine machine = ctx.machines().resolve(machineName);
        if (line.hasOption("scheduler")) {
            machine = new Machine(machine.definition(), machine.zone(),
                    ctx.extensions().parsers().get(line.getOptionValue("scheduler")), machine.rule());
        }
        Path logDir = null;
        if (mode.readsLogs()) {
            String dir = line.getOptionValue("log-path", machine.definition().logPath());
            if (dir == null) {
                throw new UserException("no log directory: give -l/--log-path or set log-path for machine '"
                        + machine.name() + "' in the site file");
            }
            logDir = Path.of(dir);
        }
        SyncOptions options = new SyncOptions(mode, logDir, line.hasOption("dry-run"), !line.hasOption("no-summary"),
                intValue(line, "batch-size", 1000, 1), ctx.site().recordCodec());
        boolean verbose = line.hasOption("verbose");
        long days = Math.max(0, ChronoUnit.DAYS.between(range[0], range[1]) + 1);

        if (verbose) {
            ctx.err().println("Store: " + ctx.store().target().display());
            ctx.err().println("Scheduler: " + machine.parser().scheduler());
            ctx.err().println("Syncing " + machine.name() + " from " + range[0] + " to " + range[1]
                    + (logDir == null ? "" : " (log directory " + logDir + ")") + ", mode " + mode.label()
                    + (options.dryRun() ? ", dry run: nothing will be written" : ""));
        }
        SyncStats stats;
        try (CliSyncListener listener = new CliSyncListener(ctx, verbose, days, machine.name())) {
            stats = new SyncEngine(ctx.store().jobs(), machine, options, listener).run(range[0], range[1]);
        }
        printStats(ctx, machine.name(), stats, verbose);
        return 0;
    }

    static void printStats(Context ctx, String machine, SyncStats s, boolean verbose) {
        var out = ctx.out();
        out.println();
        out.println("Sync complete for " + machine + ":");
        out.printf("  Fetched:  %,d%n", s.fetched());
        out.printf("  Inserted: %,d%n", s.inserted());
        out.printf("  Updated:  %,d%n", s.updated());
        out.printf("  Skipped:  %,d (duplicates)%n", s.duplicates());
        out.printf("  Errors:   %,d%n", s.errors());
        if (s.recalculated() > 0) {
            out.printf("  Recalculated: %,d (charges recomputed from the store)%n", s.recalculated());
        }
        if (s.daysSkipped() > 0) {
            out.printf("  Days skipped: %,d (already synced)%n", s.daysSkipped());
        }
        if (s.daysFailed() > 0) {
            out.printf("  Days failed: %,d (missing accounting data)%n", s.daysFailed());
            if (verbose) {
                out.println("    Failed dates: " + s.failedDays().stream().map(LocalDate::toString)
                        .collect(Collectors.joining(", ")));
            }
        }
        if (s.daysSummarized() > 0) {
            out.printf("  Days summarized: %,d%n", s.daysSummarized());
        }
    }

    private static SyncMode mode(CommandLine line) {
        SyncMode mode = SyncMode.PLAIN;
        int chosen = 0;
        for (SyncMode m : new SyncMode[] {SyncMode.UPSERT, SyncMode.INCREMENTAL, SyncMode.RESUMMARIZE, SyncMode.RECALCULATE}) {
            if (line.hasOption(m.label())) {
                mode = m;
                chosen++;
            }
        }
        if (chosen > 1) {
            throw new UsageException("--upsert, --incremental, --resummarize and --recalculate are mutually exclusive");
        }
        return mode;
    }

    /** The reference's date options and their conflicts (§6.1). */
    static LocalDate[] dateRange(CommandLine line) {
        boolean today = line.hasOption("today");
        boolean last = line.hasOption("last");
        boolean date = line.hasOption("date");
        boolean startOrEnd = line.hasOption("start") || line.hasOption("end");
        if (today && (last || date || startOrEnd)) {
            throw new UsageException("--today cannot be combined with --date, --start, --end or --last");
        }
        if (last && (date || startOrEnd)) {
            throw new UsageException("--last cannot be combined with --date, --start, --end or --today");
        }
        if (date && startOrEnd) {
            throw new UsageException("--date cannot be combined with --start or --end");
        }
        LocalDate now = LocalDate.now();
        if (today) {
            return new LocalDate[] {now, now};
        }
        if (last) {
            int n = parseLast(line.getOptionValue("last"));
            return new LocalDate[] {now.minusDays(n - 1L), now};
        }
        if (date) {
            LocalDate d = Dates.option(line, "date");
            return new LocalDate[] {d, d};
        }
        LocalDate start = Dates.option(line, "start");
        LocalDate end = Dates.option(line, "end");
        return new LocalDate[] {start == null ? DEFAULT_START : start, end == null ? now.minusDays(1) : end};
    }

    static int parseLast(String spec) {
        String s = spec.trim();
        if (s.endsWith("d") || s.endsWith("D")) {
            s = s.substring(0, s.length() - 1);
        }
        int n;
        try {
            n = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new UsageException("--last must be in the form Nd (e.g. 3d), not '" + spec + "'");
        }
        if (n < 1) {
            throw new UsageException("--last N must be >= 1");
        }
        return n;
    }

    /** Per-day lines, rejected records and the progress bar, all on stderr. */
    private static final class CliSyncListener implements SyncListener, AutoCloseable {
        private static final int REJECTS_SHOWN_PER_FILE = 20;
        private final Context ctx;
        private final boolean verbose;
        private final ProgressBar bar;
        private String rejectSource;
        private int rejectsInSource;

        CliSyncListener(Context ctx, boolean verbose, long days, String machine) {
            this.ctx = ctx;
            this.verbose = verbose;
            this.bar = !verbose && days > 1 && ctx.showProgress()
                    ? new ProgressBarBuilder().setTaskName("sync " + machine).setInitialMax(days)
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                        .setConsumer(new ConsoleProgressBarConsumer(ctx.err())).setUnit(" days", 1)
                        .continuousUpdate().build()
                    : null;
        }

        @Override
        public void dayFinished(DayResult r) {
            if (bar != null) {
                bar.step();
                bar.setExtraMessage(r.day().toString());
            }
            flushRejectSummary();
            if (!verbose) {
                return;
            }
            switch (r.outcome()) {
                case SKIPPED -> ctx.err().println("  Skipping " + r.day() + "... (" + r.message() + ")");
                case FAILED -> ctx.err().println("  Skipping " + r.day() + "... (" + r.message() + ")");
                default -> ctx.err().println("  Parsed " + r.day() + " - " + r.fetched() + " jobs, " + r.inserted() + " new"
                        + (r.updated() > 0 ? ", " + r.updated() + " updated" : "")
                        + (r.errors() > 0 ? ", " + r.errors() + " malformed" : ""));
            }
        }

        @Override
        public void rejected(String source, long line, String reason) {
            if (!source.equals(rejectSource)) {
                flushRejectSummary();
                rejectSource = source;
                rejectsInSource = 0;
            }
            if (++rejectsInSource <= REJECTS_SHOWN_PER_FILE) {
                ctx.err().println(source + ":" + line + ": " + reason);
            }
        }

        private void flushRejectSummary() {
            if (rejectSource != null && rejectsInSource > REJECTS_SHOWN_PER_FILE) {
                ctx.err().println(rejectSource + ": " + (rejectsInSource - REJECTS_SHOWN_PER_FILE)
                        + " more malformed lines not shown");
            }
            rejectSource = null;
            rejectsInSource = 0;
        }

        @Override
        public void close() {
            flushRejectSummary();
            if (bar != null) {
                bar.close();
            }
        }
    }
}
