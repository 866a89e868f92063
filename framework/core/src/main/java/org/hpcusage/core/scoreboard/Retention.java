package org.hpcusage.core.scoreboard;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.Pruner;
import org.hpcusage.core.store.Database;

/**
 * Retention mode for a cluster: prune raw jobs older than N days (their summaries and rollups
 * stay, so leaderboards and reports do not change), remembering every pruned job in the
 * cluster's Bloom files under the scoreboard root, where poll, back-fill and discovery look
 * before storing a job of a pruned day. Runs under the cluster's poll lock, so no import of the
 * same cluster runs meanwhile.
 */
public final class Retention {
    private Retention() {
    }

    /** Prunes, or returns null when another poll, back-fill or discovery holds the cluster's lock. */
    public static Pruner.Result prune(Database db, Machine machine, Path root, int keepDays, Instant now, boolean dryRun)
            throws IOException {
        Path state = root.resolve("clusters").resolve(machine.name()).resolve("state");
        return ClusterLock.tryWith(state, () ->
                new Pruner(db, machine, new BloomSeenJobs(state, BloomSeenJobs.DEFAULT_EXPECTED)).prune(now, keepDays, dryRun));
    }
}
