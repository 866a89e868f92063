package org.hpcusage.core.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpcusage.core.query.Dimension;
import org.hpcusage.core.query.FacetCount;
import org.hpcusage.core.query.Histogram;
import org.hpcusage.core.query.JobFilter;
import org.hpcusage.core.query.JobQuery;
import org.hpcusage.core.query.Metric;
import org.hpcusage.core.query.Owners;
import org.hpcusage.core.query.SearchColumn;
import org.hpcusage.core.query.SearchOptions;
import org.hpcusage.core.query.Timeseries;
import org.hpcusage.core.query.Usage;
import org.hpcusage.core.query.UsageBy;
import org.hpcusage.core.query.HistogramAxis;
import org.hpcusage.core.query.BandPeriod;
import org.hpcusage.core.report.output.Column;
import org.hpcusage.core.report.output.Report;

/**
 * Report envelopes (reference §7.2) for {@code jobs search} and the aggregations. The search
 * envelope is the reference's {@code {kind: search, machine, start, end, filters, columns, rows}};
 * the aggregations, which the reference offers only as an API, carry the API's fields (bands or
 * buckets as rows, totals and null counts as fields), and rows keep the nested {@code owners}
 * maps for JSON while a {@code top_owners} column names them for the text formats.
 */
public final class JobQueryReports {

    private static final List<Column> USAGE_COLUMNS = List.of(
            new Column("job_count", "Jobs", 10, ""), new Column("cpu_hours", "CPU-h", 14, ".1f"),
            new Column("gpu_hours", "GPU-h", 12, ".1f"), new Column("cpu_charges", "CPU chg", 14, ".1f"),
            new Column("gpu_charges", "GPU chg", 12, ".1f"));
    private static final Column TOP_OWNERS = new Column("top_owners", "Top owners", 0, "s");

    private final JobQuery query;

    public JobQueryReports(JobQuery query) {
        this.query = query;
    }

    public Report search(JobFilter filter, SearchOptions options) {
        List<Map<String, Object>> rows = query.search(filter, options);
        List<Column> columns = new ArrayList<>();
        for (SearchColumn c : options.columns()) {
            columns.add(c.column());
        }
        return envelope("search", filter).field("filters", filter.toEnvelope(options.limit()))
                .columns(columns).rows(rows).build();
    }

    public Report count(JobFilter filter) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("job_count", query.count(filter));
        return envelope("count", filter).field("filters", filter.toEnvelope(null))
                .columns(List.of(new Column("job_count", "Jobs", 0, ""))).rows(List.of(row)).build();
    }

    public Report histogram(HistogramAxis axis, JobFilter filter, Owners owners) {
        Histogram h = query.histogram(axis, filter, owners);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Histogram.Bucket b : h.buckets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", b.band().label());
            row.put("lo", b.band().lo());
            row.put("hi", b.band().hi());
            row.putAll(b.usage().toMap());
            putOwners(row, b.owners());
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>(List.of(new Column("label", "Bucket", 14, "s"),
                new Column("lo", "From", 16, "d"), new Column("hi", "To", 16, "d")));
        columns.addAll(usageColumns(owners == null));
        if (owners != null) {
            columns.add(TOP_OWNERS);
        }
        Report.Builder r = envelope("histogram", filter)
                .field("dimension", axis.key())
                .field("column", axis.column())
                .field("unit", axis.unit())
                .field("min_param", axis.range().minParam())
                .field("max_param", axis.range().maxParam())
                .field("filters", filter.toEnvelope(null));
        ownerFields(r, owners);
        return r.field("null_count", h.nullCount()).field("total_count", h.totalCount())
                .columns(columns).rows(rows).build();
    }

    public Report facets(JobFilter filter, List<Dimension> dimensions, boolean selfExclude, Integer limit) {
        Map<Dimension, List<FacetCount>> facets = query.facets(filter, dimensions, selfExclude, limit);
        List<Map<String, Object>> rows = new ArrayList<>();
        facets.forEach((d, counts) -> {
            for (FacetCount c : counts) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dimension", d.key());
                row.put("value", c.value());
                row.put("count", c.count());
                rows.add(row);
            }
        });
        return envelope("facets", filter)
                .field("facets", dimensions.stream().map(Dimension::key).toList())
                .field("self_exclude", selfExclude)
                .field("limit", limit)
                .field("filters", filter.toEnvelope(null))
                .columns(List.of(new Column("dimension", "Facet", 12, "s"), new Column("value", "Value", 24, "s"),
                        new Column("count", "Jobs", 0, "")))
                .rows(rows).build();
    }

    public Report usageBy(Dimension dimension, JobFilter filter, Integer limit, Metric sortBy) {
        UsageBy u = query.usageBy(dimension, filter, limit, sortBy);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UsageBy.Row r : u.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", r.value());
            row.putAll(r.usage().toMap());
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("value", header(dimension), 16, "s"));
        columns.addAll(usageColumns(true));
        return envelope("usage_by", filter)
                .field("dimension", dimension.key())
                .field("sort_by", sortBy.key())
                .field("limit", limit)
                .field("filters", filter.toEnvelope(null))
                .field("totals", u.totals().toMap())
                .columns(columns).rows(rows).build();
    }

    public Report timeseries(BandPeriod period, JobFilter filter, Owners owners) {
        Timeseries t = query.timeseries(period, filter, owners);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Timeseries.TimeBand b : t.bands()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", b.label());
            row.put("start", b.start());
            row.put("end", b.end());
            row.putAll(b.usage().toMap());
            putOwners(row, b.owners());
            rows.add(row);
        }
        List<Column> columns = new ArrayList<>(List.of(new Column("label", "Period", 12, "s"),
                new Column("start", "Start", 12, "s"), new Column("end", "End", 12, "s")));
        columns.addAll(usageColumns(owners == null));
        if (owners != null) {
            columns.add(TOP_OWNERS);
        }
        Report.Builder r = Report.builder("timeseries")
                .field("machine", query.machine())
                .field("period", period.key())
                .field("start", t.start())
                .field("end", t.end())
                .field("filters", filter.toEnvelope(null));
        ownerFields(r, owners);
        return r.field("totals", t.totals().toMap()).field("null_count", t.nullCount())
                .field("total_count", t.totalCount()).columns(columns).rows(rows).build();
    }

    private Report.Builder envelope(String kind, JobFilter filter) {
        return Report.builder(kind)
                .field("machine", query.machine())
                .field("start", date(filter.start()))
                .field("end", date(filter.end()));
    }

    private static void ownerFields(Report.Builder r, Owners owners) {
        r.field("owners_by", owners == null ? null : owners.by().key());
        r.field("owners_sort_by", owners == null ? null : owners.sortBy().key());
        r.field("owners_limit", owners == null ? null : owners.limit());
    }

    private static void putOwners(Map<String, Object> row, Map<String, Usage> owners) {
        if (owners == null) {
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        owners.forEach((name, usage) -> out.put(name, usage.toMap()));
        row.put("owners", out);
        row.put("top_owners", String.join(", ", owners.keySet()));
    }

    /** The usage columns; the last has width 0 unless a column follows it. */
    private static List<Column> usageColumns(boolean last) {
        if (!last) {
            return USAGE_COLUMNS;
        }
        List<Column> out = new ArrayList<>(USAGE_COLUMNS);
        Column tail = out.remove(out.size() - 1);
        out.add(new Column(tail.key(), tail.header(), 0, tail.format()));
        return out;
    }

    private static String header(Dimension d) {
        return switch (d) {
            case QUEUE -> "Queue";
            case QOS -> "QoS";
            case EXIT_STATUS -> "Exit";
            case USER -> "User";
            case ACCOUNT -> "Project";
        };
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
