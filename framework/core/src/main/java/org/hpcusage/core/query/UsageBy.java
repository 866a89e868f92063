package org.hpcusage.core.query;

import java.util.List;

/**
 * Usage per value of one dimension (reference §8.5), ranked; {@code totals} cover every value,
 * also those cut by the limit, so "other" = totals − Σ rows.
 */
public record UsageBy(Dimension dimension, List<Row> rows, Usage totals) {

    public record Row(String value, Usage usage) {
    }
}
