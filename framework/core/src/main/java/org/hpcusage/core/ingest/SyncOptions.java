package org.hpcusage.core.ingest;

import java.nio.file.Path;

/**
 * How to sync.
 *
 * @param mode      what to do with each day
 * @param logDir    directory of day files (modes that read logs)
 * @param dryRun    parse and count only; write nothing
 * @param summarize write daily summaries
 * @param batchSize jobs per write batch
 * @param codec     raw-record compression: "zstd" (with a trained per-machine dictionary) or "gzip"
 */
public record SyncOptions(SyncMode mode, Path logDir, boolean dryRun, boolean summarize, int batchSize, String codec) {

    public SyncOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        if (!codec.equals("zstd") && !codec.equals("gzip")) {
            throw new IllegalArgumentException("record codec must be zstd or gzip, not '" + codec + "'");
        }
    }

    public static SyncOptions defaults(SyncMode mode, Path logDir) {
        return new SyncOptions(mode, logDir, false, true, 1000, "zstd");
    }
}
