package org.hpcusage.core.report.resource;

/**
 * One band of a bucket table: values {@code < limit} (times the dimension's scale) that no
 * earlier band took. The last band of a table is open ({@code limit == null}).
 *
 * @param label the row label or column key
 * @param limit exclusive upper bound, or {@code null} for the open last band
 */
public record Bucket(String label, Long limit) {
}
