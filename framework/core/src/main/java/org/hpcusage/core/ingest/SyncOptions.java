package org.hpcusage.core.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * How to sync.
 *
 * @param mode             what to do with each day
 * @param logDir           directory of day files (modes that read logs)
 * @param dryRun           parse and count only; write nothing
 * @param summarize        write daily summaries
 * @param batchSize        jobs per write batch
 * @param codec            raw-record compression: "zstd" (with a trained per-machine dictionary) or "gzip"
 * @param rollupOnlyBefore retention mode, or null: jobs ending before this machine-local day, on a
 *                         day with nothing stored yet, are kept as that day's aggregates and in
 *                         {@link SeenJobs} only, as if stored and pruned at once (needs a
 *                         {@code SeenJobs}; not with {@link SyncMode#UPSERT})
 */
public record SyncOptions(SyncMode mode, Path logDir, boolean dryRun, boolean summarize, int batchSize, String codec,
                          LocalDate rollupOnlyBefore) {

    public SyncOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        if (!codec.equals("zstd") && !codec.equals("gzip")) {
            throw new IllegalArgumentException("record codec must be zstd or gzip, not '" + codec + "'");
        }
        if (rollupOnlyBefore != null && (mode == SyncMode.UPSERT || !summarize)) {
            // An update may move a stored job onto such a day; without summaries nothing would keep it.
            throw new IllegalArgumentException("rollup-only days need summaries and no --upsert");
        }
    }

    public SyncOptions(SyncMode mode, Path logDir, boolean dryRun, boolean summarize, int batchSize, String codec) {
        this(mode, logDir, dryRun, summarize, batchSize, codec, null);
    }

    public static SyncOptions defaults(SyncMode mode, Path logDir) {
        return new SyncOptions(mode, logDir, false, true, 1000, "zstd");
    }

    /** These options in retention mode: see {@code rollupOnlyBefore}. */
    public SyncOptions withRollupOnlyBefore(LocalDate day) {
        return new SyncOptions(mode, logDir, dryRun, summarize, batchSize, codec, day);
    }
}
