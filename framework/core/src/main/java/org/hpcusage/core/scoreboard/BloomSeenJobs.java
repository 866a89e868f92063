package org.hpcusage.core.scoreboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hpcusage.core.ingest.SeenJobs;
import org.hpcusage.core.util.UserException;

/**
 * Pruned jobs remembered in the reference's Bloom files, one per (cluster, UTC month of the
 * job's end) at {@code <root>/clusters/<cluster>/state/seen/<YYYY-MM>.bloom}, keyed by the job
 * id string (slurm-scoreboard.md §3). Files are loaded on first use and written back atomically
 * by {@link #save()}. A new file is sized for {@code expected} ids at p = 1e-4 (the reference's
 * default, 10^6) or for half again the ids {@link #expect announced} for its month, whichever is
 * more (the reference's fixed size let a busy month's false positives grow unbounded, D5).
 *
 * <p>Unlike the reference, an unreadable file is an error, not renamed and replaced by an empty
 * one: an empty filter would let every pruned job of that month be counted a second time.
 */
public final class BloomSeenJobs implements SeenJobs {
    public static final long DEFAULT_EXPECTED = 1_000_000;
    private static final double P = 1e-4;

    private final Path dir;
    private final long expected;
    private final Map<YearMonth, BloomFilter> filters = new HashMap<>();
    private final Map<YearMonth, Long> hints = new HashMap<>();
    private final Set<YearMonth> changed = new HashSet<>();

    public BloomSeenJobs(Path clusterState, long expected) {
        this.dir = clusterState.resolve("seen");
        this.expected = expected;
    }

    /** The Bloom files of {@code cluster} under a scoreboard {@code root}. */
    public static BloomSeenJobs under(Path root, String cluster) {
        return new BloomSeenJobs(root.resolve("clusters").resolve(cluster).resolve("state"), DEFAULT_EXPECTED);
    }

    @Override
    public boolean contains(String jobId, Instant end) {
        if (end == null) {
            return false;
        }
        YearMonth month = YearMonth.from(end.atOffset(ZoneOffset.UTC));
        BloomFilter f = existing(month);
        return f != null && f.contains(jobId);
    }

    @Override
    public void add(String jobId, Instant end) {
        if (end == null) {
            return;
        }
        YearMonth month = YearMonth.from(end.atOffset(ZoneOffset.UTC));
        BloomFilter f = existing(month);
        if (f == null) {
            // Half again the ids announced, so that the month stays below its design size.
            long hint = hints.getOrDefault(month, 0L);
            f = BloomFilter.create(Math.max(expected, hint + hint / 2), P);
            filters.put(month, f);
        }
        f.add(jobId);
        changed.add(month);
    }

    @Override
    public void expect(YearMonth utcMonth, long ids) {
        hints.merge(utcMonth, ids, Long::sum);
    }

    @Override
    public void save() throws IOException {
        for (YearMonth month : changed) {
            filters.get(month).save(file(month));
        }
        changed.clear();
    }

    private BloomFilter existing(YearMonth month) {
        if (filters.containsKey(month)) {
            return filters.get(month);
        }
        Path file = file(month);
        BloomFilter f = null;
        if (Files.exists(file)) {
            try {
                f = BloomFilter.load(file);
            } catch (IOException | IllegalArgumentException e) {
                // IllegalArgumentException: a header whose m or k no filter can have.
                throw new UserException("cannot read the pruned jobs of " + month + ": " + e.getMessage()
                        + " (restore the file from a backup; an empty one would count them twice)");
            }
        }
        if (f != null) {
            filters.put(month, f);
        }
        return f;
    }

    private Path file(YearMonth month) {
        return dir.resolve(month + ".bloom");
    }
}
