package org.hpcusage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.Pruner;
import org.hpcusage.core.scoreboard.Poller;
import org.hpcusage.core.scoreboard.Publisher;
import org.hpcusage.core.scoreboard.Retention;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.accounting.AccountingSource;

/**
 * {@code scoreboard poll} and {@code scoreboard backfill}: one tick for one cluster (fetch a
 * month, import it, publish the leaderboards), with the reference's exit codes: 0 ok, 1 the work
 * step failed, 2 bad options, 3 another poll holds the cluster's lock.
 */
final class ScoreboardPollCommand extends LeafCommand {
    private final boolean backfillOnly;

    ScoreboardPollCommand(boolean backfillOnly) {
        this.backfillOnly = backfillOnly;
    }

    @Override
    public String name() {
        return backfillOnly ? "backfill" : "poll";
    }

    @Override
    public String summary() {
        return backfillOnly
                ? "Back-fill one historical month of a cluster (the next after the cursor), then publish the leaderboards."
                : "One poll tick for a cluster: the next back-fill month, or the current month once back-fill is done; "
                        + "then publish the leaderboards. Run it from cron.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "cluster", "NAME", "the cluster (machine) to poll, on its login node (required)"))
                .addOption(ScoreboardSupport.rootOption())
                .addOption(opt(null, "backfill-start", "YYYY-MM-DD", "first month to back-fill, on the first run only "
                        + "(default 2000-01-01)"))
                .addOption(opt(null, "scheduler", "NAME", "the cluster's scheduler when the site file does not say "
                        + "(default: the only installed source)"))
                .addOption(ScoreboardRate.option())
                .addOption(opt(null, "keep-days", "N", "retention: keep raw jobs of the last N days only; older fetched "
                        + "jobs go straight to the rollups and Bloom files, and after a successful tick older stored "
                        + "jobs are pruned (as scoreboard prune; the boards are unchanged)"))
                .addOption(ScoreboardSupport.minJobsOption());
    }

    @Override
    protected String examples() {
        return backfillOnly
                ? "hpcusage scoreboard backfill -m hammer --root /depot/sb --backfill-start 2025-07-01"
                : "*/10 * * * * slurm-sb poll -m hammer --root /depot/sb >> /depot/sb/log_poll_hammer.txt 2>&1\n"
                        + "hpcusage scoreboard poll -m hammer --root /depot/sb --backfill-start 2025-07-01";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        String cluster = line.getOptionValue("cluster");
        if (cluster == null) {
            throw new UsageException("-m/--cluster is required");
        }
        Path root = ScoreboardSupport.root(ctx, line, true);
        YearMonth start;
        try {
            start = YearMonth.from(LocalDate.parse(line.getOptionValue("backfill-start", "2000-01-01")));
        } catch (DateTimeException e) {
            throw new UsageException("--backfill-start must be YYYY-MM-DD, not '" + line.getOptionValue("backfill-start") + "'");
        }
        Integer keepDays = line.hasOption("keep-days") ? intValue(line, "keep-days", 0, 1) : null;
        Machine machine = ScoreboardRate.apply(line, ctx.machines().resolveForImport(cluster, scheduler(ctx, line, cluster)));
        AccountingSource source = ctx.extensions().sources().get(machine.parser().scheduler());
        Poller.Result r = new Poller(ctx.store().jobs(), machine, source, root, Clock.systemUTC())
                .tick(start, backfillOnly, keepDays);
        Pruner.Result pruned = null;
        if (r.exitCode() == 0 && keepDays != null) {
            pruned = Retention.prune(ctx.store().jobs(), machine, root, keepDays, Instant.now(), false);
        }
        if (r.exitCode() != 3) {
            Instant now = Instant.now();
            Publisher.publish(ScoreboardSupport.compute(ctx, line, root, now), root, now);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cluster", cluster);
        out.put("status", r.status());
        out.put("phase", r.phase());
        out.put("month", r.month() == null ? null : r.month().toString());
        out.put("fetched", r.fetched());
        out.put("new_jobs", r.inserted());
        if (r.message() != null) {
            out.put("message", r.message());
        }
        if (pruned != null) {
            out.put("pruned_days", pruned.days());
            out.put("pruned_jobs", pruned.jobs());
        }
        (r.exitCode() == 0 ? ctx.out() : ctx.err()).println(new ObjectMapper().writeValueAsString(out));
        return r.exitCode();
    }

    /** The scheduler to poll with: --scheduler, the site file's, or the only installed source's. */
    static String scheduler(Context ctx, CommandLine line, String cluster) {
        String s = line.getOptionValue("scheduler");
        if (s != null || ctx.machines().names().contains(cluster)) {
            return s;
        }
        var sources = ctx.extensions().sources().all();
        if (sources.size() == 1) {
            return sources.keySet().iterator().next();
        }
        throw new UserException("cluster '" + cluster + "' is not in the site file: give --scheduler ("
                + String.join(", ", sources.keySet()) + ")");
    }
}
