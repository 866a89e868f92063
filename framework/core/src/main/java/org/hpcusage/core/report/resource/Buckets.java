package org.hpcusage.core.report.resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Bucket tables, each contiguous and gap-free by construction: a band is "below this limit",
 * tried in order, and the last band takes everything else. So every non-NULL value lands in
 * exactly one band. (The reference's range tables had gaps, job-history §7.4 and §12 item 11;
 * see docs/differences.md.)
 */
public final class Buckets {
    /** Label of the band for jobs whose value is unknown (NULL), shown only when non-empty. */
    public static final String UNKNOWN = "unknown";

    static final long MB = 1024L * 1024L;
    static final long GB = 1024L * MB;

    private Buckets() {
    }

    /**
     * Whole-number bands from inclusive upper ends: {@code counts(0, 1, 2, 4)} is {@code 0}
     * (anything up to 0), {@code 1}, {@code 2}, {@code 3-4}, {@code >4}. A label is {@code lo}
     * when the band holds one value, else {@code lo-hi}, as the reference writes them.
     */
    static List<Bucket> counts(long... inclusiveHighs) {
        List<Bucket> table = new ArrayList<>(inclusiveHighs.length + 1);
        long lo = inclusiveHighs[0];
        for (long hi : inclusiveHighs) {
            if (hi < lo) {
                throw new IllegalArgumentException("bands must ascend: " + hi);
            }
            table.add(new Bucket(lo == hi ? Long.toString(hi) : lo + "-" + hi, hi + 1));
            lo = hi + 1;
        }
        table.add(new Bucket(">" + inclusiveHighs[inclusiveHighs.length - 1], null));
        return List.copyOf(table);
    }

    /** Bands from explicit (label, exclusive limit) pairs, then the open band {@code last}. */
    static List<Bucket> below(Object... labelsAndLimits) {
        List<Bucket> table = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        int i = 0;
        for (; i + 1 < labelsAndLimits.length; i += 2) {
            long limit = ((Number) labelsAndLimits[i + 1]).longValue();
            if (limit <= previous) {
                throw new IllegalArgumentException("limits must ascend: " + limit);
            }
            table.add(new Bucket((String) labelsAndLimits[i], limit));
            previous = limit;
        }
        table.add(new Bucket((String) labelsAndLimits[i], null));
        return List.copyOf(table);
    }
}
