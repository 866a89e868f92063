package org.hpcusage.core.query;

/** One value of a facet and how many jobs have it; {@code value} is {@code null} for unknown. */
public record FacetCount(String value, long count) {
}
