package org.hpcusage.core.report.resource;

import static org.hpcusage.core.report.resource.Buckets.GB;
import static org.hpcusage.core.report.resource.Buckets.MB;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.hpcusage.spi.accounting.JobRecord;

/**
 * What a bucketed report sorts jobs by: the SQL value, an optional scale the limits are
 * multiplied by (so "memory per rank < limit" is {@code memory < limit * ranks}, exact integer
 * arithmetic instead of a division), which jobs count at all, and the bucket table.
 *
 * <p>The SQL snippets are constants of this class, never user input; the mapper splices them
 * in with {@code ${}}.
 */
public enum Dimension {
    /** Requested GPUs. Reference: 4, 8, 9-16 ... 257-320, >320, so 0-3 and 5-7 GPUs fell into >320. */
    GPUS(1, "j.numgpus", null, null, Buckets.counts(0, 1, 2, 3, 4, 7, 8, 16, 32, 64, 96, 128, 256, 320)),
    /** Nodes. Reference: 1, 2, 3-4 ... 1025-2048, >2048, so 0 nodes fell into >2048. */
    NODES(2, "j.numnodes", null, null, Buckets.counts(0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048)),
    /** CPU cores. Reference: 1, 2, 3-4 ... 97-128, >128, so 0 cores fell into >128. */
    CORES(3, "j.numcpus", null, null, Buckets.counts(0, 1, 2, 4, 8, 16, 32, 48, 64, 96, 128)),
    /**
     * Requested memory in GB (1024^3 bytes). The reference's ranges 1-10, 11-50, ... compared a
     * decimal GB value, so (10, 11) GB, below 1 GB and so on fell into >1000; here each label
     * keeps its integer values and takes the fractions above the previous band: 11-50 is
     * (10 GB, 50 GB], as in the reference's histogram API (§8.3).
     */
    MEMORY(4, "j.reqmem", null, null, Buckets.below(
            "<1", GB, "1-10", 10 * GB + 1, "11-50", 50 * GB + 1, "51-100", 100 * GB + 1,
            "101-500", 500 * GB + 1, "501-1000", 1000 * GB + 1, ">1000")),
    /** Elapsed seconds, as the reference; jobs without an elapsed time count nowhere. */
    DURATION(5, "j.elapsed", null, "j.elapsed IS NOT NULL", Buckets.below(
            "<30s", 30, "30s-30m", 1800, "30-60m", 3600, "1-5h", 18_000, "5-12h", 43_200,
            "12-18h", 64_800, ">18h")),
    /**
     * Used memory per MPI rank, {@code memory / (mpiprocs * ompthreads * numnodes)}, as the
     * reference; jobs lacking any of the four count nowhere.
     */
    MEMORY_PER_RANK(6, "j.memory", "(CAST(j.mpiprocs AS BIGINT) * j.ompthreads * j.numnodes)",
            "j.memory IS NOT NULL AND j.mpiprocs > 0 AND j.ompthreads > 0 AND j.numnodes > 0",
            Buckets.below("<128MB", 128 * MB, "128MB-512MB", 512 * MB, "512MB-1GB", GB, "1-2GB", 2 * GB,
                    "2-4GB", 4 * GB, "4-8GB", 8 * GB, "8-16GB", 16 * GB, "16-32GB", 32 * GB, "32-64GB", 64 * GB,
                    "64-128GB", 128 * GB, "128-256GB", 256 * GB, ">256GB"));

    private final int code;
    private final String value;
    private final String scale;
    private final String filter;
    private final List<Bucket> buckets;
    private final String bucketSql;

    Dimension(int code, String value, String scale, String filter, List<Bucket> buckets) {
        this.code = code;
        this.value = value;
        this.scale = scale;
        this.filter = filter;
        this.buckets = buckets;
        this.bucketSql = caseSql();
    }

    /**
     * The bucket index of a job as SQL: {@code -1} for a NULL value (only when there is no
     * filter), else the first band whose limit the value is below, else the open band. Plain
     * integer comparisons, so it runs the same on SQLite and PostgreSQL.
     */
    private String caseSql() {
        StringBuilder sql = new StringBuilder("CASE");
        if (filter == null) {
            sql.append(" WHEN ").append(value).append(" IS NULL THEN -1");
        }
        List<Bucket> bands = buckets.subList(0, buckets.size() - 1);
        for (int i = 0; i < bands.size(); i++) {
            sql.append(" WHEN ").append(value).append(" < ").append(bands.get(i).limit());
            if (scale != null) {
                sql.append(" * ").append(scale);
            }
            sql.append(" THEN ").append(i);
        }
        return sql.append(" ELSE ").append(bands.size()).append(" END").toString();
    }

    /** {@link #bucketOf}: the dimension's filter leaves the job out. */
    public static final int EXCLUDED = Integer.MIN_VALUE;

    /**
     * A job's bucket index in Java, exactly as {@link #bucketSql()} (behind {@link #filter()})
     * computes it from the stored row: {@link #EXCLUDED} when the filter leaves the job out, -1
     * for a NULL value, else the first band whose limit the value is below, else the open band.
     * For day aggregates summed while the jobs are written; {@code DayTallyTest} holds the two
     * to the same answers.
     */
    public int bucketOf(JobRecord job) {
        return switch (this) {
            case GPUS -> band(job.numgpus() == null ? null : (long) job.numgpus(), 1);
            case NODES -> band(job.numnodes() == null ? null : (long) job.numnodes(), 1);
            case CORES -> band(job.numcpus() == null ? null : (long) job.numcpus(), 1);
            case MEMORY -> band(job.reqmem(), 1);
            case DURATION -> job.elapsed() == null ? EXCLUDED : band(job.elapsed(), 1);
            case MEMORY_PER_RANK -> job.memory() == null || !positive(job.mpiprocs()) || !positive(job.ompthreads())
                    || !positive(job.numnodes()) ? EXCLUDED : memoryPerRank(job);
        };
    }

    private int memoryPerRank(JobRecord job) {
        long ranks;
        try {
            ranks = Math.multiplyExact(Math.multiplyExact((long) job.mpiprocs(), job.ompthreads()), job.numnodes());
        } catch (ArithmeticException e) {
            return 0;   // more ranks than 2^63: below every limit
        }
        return band(job.memory(), ranks);
    }

    private int band(Long value, long scale) {
        if (value == null) {
            return -1;
        }
        int bands = buckets.size() - 1;
        for (int i = 0; i < bands; i++) {
            if (below(value, buckets.get(i).limit(), scale)) {
                return i;
            }
        }
        return bands;
    }

    /** {@code value < limit * scale}; where the product passes 2^63, SQLite goes to reals, and so does this. */
    private static boolean below(long value, long limit, long scale) {
        long product;
        try {
            product = Math.multiplyExact(limit, scale);
        } catch (ArithmeticException e) {
            return (double) value < (double) limit * scale;
        }
        return value < product;
    }

    private static boolean positive(Integer n) {
        return n != null && n > 0;
    }

    /** The dimension's key in the {@code daily_buckets} rollup; stable, never reused. */
    public int code() {
        return code;
    }

    /**
     * Whether a report counts distinct users per bucket of this dimension (the sizes reports),
     * so the rollup keeps one row per user; the others need only queue and bucket, and their
     * rollup rows leave the user out (far fewer rows).
     */
    public boolean perUser() {
        for (ResourceReport r : ResourceReport.values()) {
            if (r.dimension() == this && r.shape() == ResourceReport.Shape.SIZES) {
                return true;
            }
        }
        return false;
    }

    /**
     * A fingerprint of every dimension's bucket rule and filter: rollups written under another
     * signature (an older bucket table) are not read, so changing a table here cannot make a
     * report mix old and new buckets; {@code jobs sync --resummarize} rewrites them.
     */
    public static String signature() {
        CRC32 crc = new CRC32();
        for (Dimension d : values()) {
            crc.update((d.code + "|" + d.bucketSql + "|" + d.filter + "|" + d.perUser() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "b1-" + Long.toHexString(crc.getValue());
    }

    /** The SQL CASE giving a job's bucket index (see {@link #caseSql()}); a constant. */
    public String bucketSql() {
        return bucketSql;
    }

    /** SQL of the value, e.g. {@code j.numgpus}. */
    public String value() {
        return value;
    }

    /** SQL the limits are multiplied by, or {@code null}. */
    public String scale() {
        return scale;
    }

    /** SQL condition a job must meet to count, or {@code null} (then NULL values go to {@link Buckets#UNKNOWN}). */
    public String filter() {
        return filter;
    }

    public List<Bucket> buckets() {
        return buckets;
    }
}
