package org.hpcusage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.Pruner;
import org.hpcusage.core.scoreboard.Retention;

/**
 * {@code scoreboard prune}: retention mode. Removes a cluster's raw jobs older than N days and
 * keeps their daily summaries and rollups, so leaderboards and the summary-backed reports stay
 * as they were; pruned job ids go into the cluster's Bloom files, which poll, back-fill and
 * discover consult, so re-fetched old jobs are not counted twice. Exit 3 when a poll of the
 * cluster holds its lock.
 */
final class ScoreboardPruneCommand extends LeafCommand {

    @Override
    public String name() {
        return "prune";
    }

    @Override
    public String summary() {
        return "Retention: delete a cluster's raw jobs older than N days, keeping summaries, rollups and "
                + "leaderboards; pruned job ids are remembered in the cluster's Bloom files.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "cluster", "NAME", "the cluster (machine) to prune (required)"))
                .addOption(ScoreboardSupport.rootOption())
                .addOption(opt(null, "keep-days", "N", "keep the jobs of the last N days (required, at least 1); "
                        + "with N < 365 the 365-day board's first day counts whole"))
                .addOption(opt(null, "scheduler", "NAME", "the cluster's scheduler when the site file does not say"))
                .addOption(opt(null, "dry-run", null, "say what would be pruned, change nothing"));
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard prune -m hammer --root /depot/sb --keep-days 400 --dry-run\n"
                + "0 3 * * * slurm-sb prune -m hammer --root /depot/sb --keep-days 400";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        String cluster = line.getOptionValue("cluster");
        if (cluster == null) {
            throw new UsageException("-m/--cluster is required");
        }
        if (!line.hasOption("keep-days")) {
            throw new UsageException("--keep-days N is required");
        }
        int keepDays = intValue(line, "keep-days", 0, 1);
        Path root = ScoreboardSupport.root(ctx, line, true);
        Machine machine = ctx.machines().resolveForImport(cluster, ScoreboardPollCommand.scheduler(ctx, line, cluster));
        boolean dryRun = line.hasOption("dry-run");
        Pruner.Result r = Retention.prune(ctx.store().jobs(), machine, root, keepDays, Instant.now(), dryRun);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cluster", cluster);
        if (r == null) {
            out.put("status", "locked");
            out.put("message", "another poll of " + cluster + " holds the lock");
            ctx.err().println(new ObjectMapper().writeValueAsString(out));
            return 3;
        }
        out.put("status", dryRun ? "dry_run" : "ok");
        out.put("kept_from", r.cutoff().toString());
        out.put("days_pruned", r.days());
        out.put("jobs_pruned", r.jobs());
        ctx.out().println(new ObjectMapper().writeValueAsString(out));
        return 0;
    }
}
