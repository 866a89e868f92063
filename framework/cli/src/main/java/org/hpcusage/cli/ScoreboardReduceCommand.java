package org.hpcusage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.SeenJobs;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.scoreboard.BloomSeenJobs;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.util.UserException;

/**
 * {@code scoreboard reduce} (slurm-scoreboard.md §4.6, adapted): sacct output into the jobs
 * store through the import path of {@code jobs import -m CLUSTER --scheduler slurm} (one
 * transaction, {@code (job id, submit)} de-duplication, the days it touches re-summarised),
 * printing the reference's counts as one JSON object. The boards are computed from the store,
 * so there are no rollups or Bloom files to write.
 */
final class ScoreboardReduceCommand extends LeafCommand {
    private static final int SHOWN_REJECTS = 20;

    @Override
    public String name() {
        return "reduce";
    }

    @Override
    public String summary() {
        return "Store sacct output (a file, or standard input) in the jobs store, as jobs import does, and print "
                + "how many jobs were new and how many were already stored.";
    }

    @Override
    protected String arguments() {
        return "[FILE|-]";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "cluster", "NAME", "the cluster (machine) the jobs belong to (required)"))
                .addOption(ScoreboardSupport.rootOption())
                .addOption(ScoreboardSupport.stdinOption());
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard reduce -m hammer sacct-2025-08.txt\n"
                + "slurm-sb sacct -m hammer --since 2025-08-01 --until 2025-09-01 | slurm-sb reduce -m hammer -";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws IOException {
        String cluster = line.getOptionValue("cluster");
        if (cluster == null) {
            throw new UsageException("-m/--cluster is required");
        }
        Path file = ScoreboardSupport.input(line);
        if (file != null && !Files.isRegularFile(file)) {
            throw new UserException((Files.exists(file) ? "not a file: " : "file not found: ") + file);
        }
        Machine machine = ctx.machines().resolveForImport(cluster, "slurm");
        // With a root, jobs of pruned days are checked against the cluster's Bloom files (as poll does).
        Path root = ScoreboardSupport.root(ctx, line, false);
        SeenJobs seen = root == null ? null : BloomSeenJobs.under(root, machine.name());
        String name = file == null ? "stdin" : file.toString();
        // The import path reads files: standard input is saved to one first (deleted after).
        Path spooled = file == null ? Files.createTempFile("hpcusage-reduce", ".txt") : null;
        try {
            if (spooled != null) {
                Files.copy(System.in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            long[] rejected = {0};
            // Standard input has no name to remember in the ledger: one ledger row, "stdin", is
            // rewritten each time, and the de-duplication of jobs (not of files) applies.
            SyncOptions options = new SyncOptions(spooled != null ? SyncMode.INCREMENTAL : SyncMode.PLAIN, null, false,
                    true, 1000, ctx.site().recordCodec());
            SyncEngine engine = new SyncEngine(ctx.store().jobs(), machine, options, new SyncListener() {
                @Override
                public void rejected(String source, long lineNumber, String reason) {
                    if (++rejected[0] <= SHOWN_REJECTS) {
                        ctx.err().println(name + ":" + lineNumber + ": " + reason);
                    }
                }
            }, seen);
            SyncEngine.FileResult r = spooled != null ? engine.importFile(spooled, "stdin") : engine.importFile(file);
            if (rejected[0] > SHOWN_REJECTS) {
                ctx.err().println(name + ": " + (rejected[0] - SHOWN_REJECTS) + " more malformed lines not shown");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cluster", machine.name());
            out.put("processed", r.fetched() - r.errors());
            out.put("new_jobs", r.inserted());
            out.put("skipped", r.duplicates());
            out.put("errors", r.errors());
            if (r.skipped()) {
                out.put("already_imported", true);
            }
            ctx.out().println(new ObjectMapper().writeValueAsString(out));
            return 0;
        } finally {
            if (spooled != null) {
                Files.deleteIfExists(spooled);
            }
        }
    }
}
