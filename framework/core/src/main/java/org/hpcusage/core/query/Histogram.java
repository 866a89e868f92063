package org.hpcusage.core.query;

import java.util.List;
import java.util.Map;

/**
 * A histogram over one axis (reference §8.3): every band in table order, zeros included; jobs
 * whose value is NULL are only counted in {@code nullCount} (their hours are dropped), and
 * {@code totalCount = Σ job counts + nullCount} = the count of the filter.
 */
public record Histogram(HistogramAxis axis, List<Bucket> buckets, long nullCount, long totalCount) {

    /** One band and its usage; {@code owners} is {@code null} unless owners were asked for. */
    public record Bucket(Band band, Usage usage, Map<String, Usage> owners) {
    }
}
