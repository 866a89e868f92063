package org.hpcusage.core.report.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The report envelope of the reference (job-history §7.2): a {@code kind}, ordered header fields
 * ({@code machine, start, end, group_by, ...}), the columns and the rows.
 *
 * <p>Rows map keys to values ({@code String}, {@code Integer}, {@code Long}, {@code Double},
 * {@code BigDecimal}, {@code LocalDate}, {@code Instant} or {@code null}) and may carry keys that
 * are not columns (for example {@code machine} for {@code -m all}); JSON and CSV output keep them,
 * DAT, MD and the table ignore them. A column key missing from a row renders as NULL.
 *
 * <p>Instances are immutable as far as this class is concerned: the field map and the column and
 * row lists are copied, but the row maps themselves are not (a report may hold millions of rows);
 * callers must not change them after {@link Builder#build()}.
 */
public final class Report {

    /** Envelope keys that {@link Builder#field} may not use. */
    private static final Set<String> RESERVED = Set.of("kind", "columns", "rows");

    private final String kind;
    private final Map<String, Object> fields;
    private final List<Column> columns;
    private final List<Map<String, Object>> rows;

    private Report(Builder builder) {
        this.kind = builder.kind;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
        this.columns = List.copyOf(builder.columns);
        this.rows = List.copyOf(builder.rows);
        Set<String> keys = new HashSet<>();
        for (Column column : columns) {
            if (!keys.add(column.key())) {
                throw new IllegalArgumentException("duplicate column key '" + column.key() + "'");
            }
        }
    }

    /** A builder for a report of the given kind (for example {@code pie_facility_cpu}). */
    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    public String kind() {
        return kind;
    }

    /** The header fields after {@code kind}, in insertion order; values may be {@code null}. */
    public Map<String, Object> fields() {
        return fields;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    /**
     * The envelope as an ordered map: {@code kind}, the fields in order, {@code columns} (each
     * {@code {key, header, width, format}}) and {@code rows} (the row maps themselves).
     */
    public Map<String, Object> toEnvelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("kind", kind);
        envelope.putAll(fields);
        List<Map<String, Object>> columnMaps = new ArrayList<>(columns.size());
        for (Column column : columns) {
            columnMaps.add(Collections.unmodifiableMap(column.toEnvelope()));
        }
        envelope.put("columns", Collections.unmodifiableList(columnMaps));
        envelope.put("rows", rows);
        return Collections.unmodifiableMap(envelope);
    }

    @Override
    public String toString() {
        return "Report[kind=" + kind + ", fields=" + fields + ", columns=" + columns.size()
                + ", rows=" + rows.size() + "]";
    }

    /** Builds a {@link Report}; not thread-safe. */
    public static final class Builder {
        private final String kind;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private List<Column> columns = List.of();
        private List<Map<String, Object>> rows = List.of();

        private Builder(String kind) {
            Objects.requireNonNull(kind, "kind");
            if (kind.isBlank()) {
                throw new IllegalArgumentException("kind must not be blank");
            }
            this.kind = kind;
        }

        /**
         * Adds a header field. Fields keep their first insertion position; setting a field again
         * replaces its value in place. {@code kind}, {@code columns} and {@code rows} are reserved.
         */
        public Builder field(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is a reserved envelope key");
            }
            fields.put(name, value);
            return this;
        }

        /** The columns, in display order; keys must be unique. */
        public Builder columns(List<Column> columns) {
            this.columns = Objects.requireNonNull(columns, "columns");
            return this;
        }

        /** The rows, in output order; no row may be {@code null}. */
        public Builder rows(List<Map<String, Object>> rows) {
            this.rows = Objects.requireNonNull(rows, "rows");
            return this;
        }

        public Report build() {
            return new Report(this);
        }
    }
}
