package org.hpcusage.cli;

import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.Pruner;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.scoreboard.BloomSeenJobs;
import org.hpcusage.core.scoreboard.Leaderboards;
import org.hpcusage.core.scoreboard.Privacy;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.MigrationRunner;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingGenerator;
import org.hpcusage.spi.accounting.AccountingParser;

/**
 * {@code scoreboard bench}: generate month dumps in a scheduler's format (not timed), import each
 * as one file (parse, charge, compress, insert, summarise: timed), then recompute every
 * leaderboard from the store (timed).
 */
final class ScoreboardBenchCommand extends LeafCommand {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "Benchmark the scoreboard on generated months: import rate of a month dump, leaderboard recompute time.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt(null, "jobs", "N", "finished jobs per cluster-month (default 1000000)"))
                .addOption(opt(null, "months", "N", "months per cluster, ending 2025-12 (default 1)"))
                .addOption(opt(null, "clusters", "N", "clusters (default 1)"))
                .addOption(opt(null, "scheduler", "NAME", "format to generate (default slurm)"))
                .addOption(opt(null, "keep-days", "N", "import in retention mode, as poll --keep-days N on 2026-01-01: "
                        + "jobs of older days go to the rollups and Bloom files only"))
                .addOption(opt(null, "work-dir", "DIR", "where to put the dumps and the store (default: a temp dir, removed after)"))
                .addOption(opt(null, "reuse", null, "time the leaderboards on the store an earlier run left in --work-dir "
                        + "(or --db), importing nothing"));
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard bench --jobs 1000000\nhpcusage scoreboard bench --jobs 100000 --months 12 --clusters 5"
                + " --work-dir /scratch/sb\nhpcusage scoreboard bench --work-dir /scratch/sb --reuse"
                + "\nhpcusage scoreboard bench --jobs 1000000 --keep-days 7";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        int jobs = intValue(line, "jobs", 1_000_000, 1);
        int months = intValue(line, "months", 1, 1);
        int clusters = intValue(line, "clusters", 1, 1);
        String scheduler = line.getOptionValue("scheduler", "slurm");
        AccountingGenerator generator = ctx.extensions().generators().get(scheduler);
        AccountingParser parser = ctx.extensions().parsers().get(scheduler);
        boolean keep = line.hasOption("work-dir");
        boolean reuse = line.hasOption("reuse");
        Integer keepDays = line.hasOption("keep-days") ? intValue(line, "keep-days", 0, 1) : null;
        if (reuse && !keep && ctx.globals().db() == null) {
            throw new UsageException("--reuse needs the --work-dir (or --db) of an earlier run");
        }
        Path work = keep ? Files.createDirectories(Path.of(line.getOptionValue("work-dir"))) : Files.createTempDirectory("hpcusage-sb-bench");
        try {
            DatabaseTarget target = ctx.globals().db() != null ? DatabaseTarget.parse(ctx.globals().db())
                    : DatabaseTarget.sqlite(work.resolve("bench.db"));
            if (reuse && target.sqliteFile() != null && !Files.exists(target.sqliteFile())) {
                throw new UsageException("no store to reuse: " + target.sqliteFile());
            }
            Path root = work.resolve("root");   // the Bloom files of retention mode
            if (target.sqliteFile() != null && !reuse) {
                Files.deleteIfExists(target.sqliteFile());
                BenchCommand.deleteTree(root);
            }
            YearMonth last = YearMonth.of(2025, 12);
            Instant now = last.atEndOfMonth().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Imported imported;
            try (Database db = Database.open(target, MigrationRunner.JOBS)) {
                Retained retained = keepDays == null ? null : new Retained(root, now, keepDays);
                imported = reuse ? new Imported(BenchCommand.countJobs(db), 0)
                        : importMonths(ctx, db, generator, scheduler, clusters, months, jobs, last, work, retained);
                for (int round = 1; round <= (reuse ? 5 : 2); round++) {
                    long t1 = System.nanoTime();
                    Leaderboards.compute(db, now, null, (machine, status) -> parser.isFailure(status),
                            new Privacy(java.util.Set.of(), Privacy.DEFAULT_MIN_JOBS));
                    ctx.out().printf("Leaderboards (3 windows x 6 metrics) over %,d jobs: %.2f s (%s)%n", imported.jobs(),
                            (System.nanoTime() - t1) / 1e9, round == 1 ? "first" : "again, warm, run " + round);
                }
            }
            if (!reuse) {
                ctx.out().printf("Import total: %,d jobs in %.1f s; peak RSS %s%n", imported.jobs(), imported.seconds(),
                        BenchCommand.peakRss());
            }
            if (target.sqliteFile() != null) {
                ctx.out().printf("Store size: %.1f MiB%n", Files.size(target.sqliteFile()) / 1048576.0);
            }
        } finally {
            if (!keep) {
                BenchCommand.deleteTree(work);
            }
        }
        return 0;
    }

    /** Retention mode's import: the Bloom files' root and the cut-off of poll --keep-days at {@code now}. */
    private record Retained(Path root, Instant now, int keepDays) {
        SyncEngine engine(Database db, Machine machine) {
            SyncOptions options = SyncOptions.defaults(SyncMode.PLAIN, null)
                    .withRollupOnlyBefore(Pruner.cutoff(now, keepDays, machine.zone()));
            return new SyncEngine(db, machine, options, SyncListener.NONE, BloomSeenJobs.under(root, machine.name()));
        }
    }

    /** Jobs in the store, and the seconds their import took (timed: parse to commit, not the generating). */
    private record Imported(long jobs, double seconds) {
    }

    /**
     * Generates and imports every cluster-month, one file each (in retention mode when
     * {@code retained} is given).
     */
    private static Imported importMonths(Context ctx, Database db, AccountingGenerator generator, String scheduler,
                                         int clusters, int months, int jobs, YearMonth last, Path work, Retained retained)
            throws java.io.IOException {
        long imported = 0;
        double seconds = 0;
        for (int c = 1; c <= clusters; c++) {
            Machine machine = ctx.machines().resolveForImport("bench" + c, scheduler);
            for (int m = months - 1; m >= 0; m--) {
                YearMonth month = last.minusMonths(m);
                Path dump = work.resolve(machine.name() + "-" + month + ".txt");
                writeMonth(generator, machine.name(), month, jobs, c * 1000L + m, dump);
                long t0 = System.nanoTime();
                SyncEngine engine = retained != null ? retained.engine(db, machine)
                        : new SyncEngine(db, machine, SyncOptions.defaults(SyncMode.PLAIN, null), SyncListener.NONE);
                SyncEngine.FileResult r = engine.importFile(dump);
                double s = (System.nanoTime() - t0) / 1e9;
                seconds += s;
                imported += r.inserted();
                ctx.out().printf("Imported %s %s: %,d jobs (%.0f MiB dump) in %.2f s: %,.0f jobs/s%n", machine.name(),
                        month, r.inserted(), Files.size(dump) / 1048576.0, s, r.inserted() / s);
                Files.delete(dump);
            }
        }
        return new Imported(imported, seconds);
    }

    /** One month in one file: each day's unit one after the other (the parser takes repeated headers). */
    private static void writeMonth(AccountingGenerator g, String machine, YearMonth month, int jobs, long seed, Path file)
            throws java.io.IOException {
        int days = month.lengthOfMonth();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            for (int d = 1; d <= days; d++) {
                int n = jobs / days + (d <= jobs % days ? 1 : 0);
                LocalDate day = month.atDay(d);
                g.writeUnit(machine, day, n, seed * 1_000_003L + day.toEpochDay(), Settings.empty(), w);
            }
        }
    }
}
