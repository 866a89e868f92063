package org.hpcusage.core.query;

import java.util.Objects;

/**
 * A request for the top owners of each bucket or of a whole series (reference §8.3, §8.6): the
 * top {@code limit} users or accounts ranked by {@code sortBy} descending, then name ascending.
 */
public record Owners(int limit, Metric sortBy, Dimension by) {
    public Owners {
        if (limit < 1) {
            throw new IllegalArgumentException("owners limit must be a positive integer, not " + limit);
        }
        Objects.requireNonNull(sortBy, "sortBy");
        Objects.requireNonNull(by, "by");
        if (by != Dimension.USER && by != Dimension.ACCOUNT) {
            throw new IllegalArgumentException("owners are ranked by user or account, not " + by.key());
        }
    }

    public static Owners top(int limit) {
        return new Owners(limit, Metric.HOURS, Dimension.USER);
    }
}
