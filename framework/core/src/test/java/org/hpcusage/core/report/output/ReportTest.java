package org.hpcusage.core.report.output;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    @Test
    void fittedRaisesTheWidthToTheHeaderLengthButKeepsZero() {
        assertEquals(new Column("job_id", "Job ID", 22, "s"), Column.fitted("job_id", "Job ID", 22, "s"));
        assertEquals(14, Column.fitted("mpiprocs", "Ranks per Node", 6, "d").width());
        assertEquals(8, Column.fitted("eligible", "Eligible", 5, "s").width());
        assertEquals(0, Column.fitted("x", "Long header", 0, "s").width());
    }

    @Test
    void columnValidation() {
        assertEquals("", new Column("k", "K", 1, null).format());
        assertThrows(IllegalArgumentException.class, () -> new Column("k", "K", -1, "s"));
        assertThrows(NullPointerException.class, () -> new Column(null, "K", 1, "s"));
        assertThrows(NullPointerException.class, () -> new Column("k", null, 1, "s"));
    }

    @Test
    void envelopeKeepsFieldOrderAndShapesColumns() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("period", "2026-01");
        row.put("user_count", 87);
        Report report = Report.builder("unique_users")
                .field("machine", "derecho")
                .field("start", LocalDate.of(2026, 1, 1))
                .field("end", null)
                .field("group_by", "month")
                .field("start", LocalDate.of(2026, 1, 2)) // replaced in place
                .columns(List.of(new Column("period", "Period", 12, "s"),
                        new Column("user_count", "Unique Users", 0, "")))
                .rows(List.of(row))
                .build();

        assertEquals("unique_users", report.kind());
        assertEquals(List.of("machine", "start", "end", "group_by"), new ArrayList<>(report.fields().keySet()));
        assertEquals(LocalDate.of(2026, 1, 2), report.fields().get("start"));
        assertTrue(report.fields().containsKey("end"));
        assertNull(report.fields().get("end"));

        Map<String, Object> envelope = report.toEnvelope();
        assertEquals(List.of("kind", "machine", "start", "end", "group_by", "columns", "rows"),
                new ArrayList<>(envelope.keySet()));
        assertEquals("unique_users", envelope.get("kind"));
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("key", "user_count");
        column.put("header", "Unique Users");
        column.put("width", 0);
        column.put("format", "");
        assertEquals(column, ((List<?>) envelope.get("columns")).get(1));
        assertEquals(List.of("key", "header", "width", "format"),
                new ArrayList<>(((Map<?, ?>) ((List<?>) envelope.get("columns")).get(0)).keySet()));
        assertEquals(List.of(row), envelope.get("rows"));
    }

    @Test
    void reportIsIsolatedFromLaterBuilderAndListChanges() {
        List<Column> columns = new ArrayList<>(List.of(new Column("a", "A", 1, "s")));
        List<Map<String, Object>> rows = new ArrayList<>();
        Report report = Report.builder("k").columns(columns).rows(rows).build();
        columns.add(new Column("b", "B", 1, "s"));
        rows.add(Map.of("a", 1));
        assertEquals(1, report.columns().size());
        assertTrue(report.rows().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> report.fields().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> report.toEnvelope().put("x", 1));
    }

    @Test
    void builderRejectsReservedNamesDuplicateKeysAndBlankKind() {
        assertThrows(IllegalArgumentException.class, () -> Report.builder("k").field("rows", 1));
        assertThrows(IllegalArgumentException.class, () -> Report.builder("k").field("kind", 1));
        assertThrows(IllegalArgumentException.class, () -> Report.builder("k").field("columns", 1));
        assertThrows(IllegalArgumentException.class, () -> Report.builder(" "));
        assertThrows(IllegalArgumentException.class, () -> Report.builder("k")
                .columns(List.of(new Column("a", "A", 1, "s"), new Column("a", "B", 1, "s"))).build());
    }

    @Test
    void outputFormatParsing() {
        assertEquals(OutputFormat.TABLE, OutputFormat.parse("table"));
        assertEquals(OutputFormat.TABLE, OutputFormat.parse("rich"));
        assertEquals(OutputFormat.TABLE, OutputFormat.parse("RICH"));
        assertEquals(OutputFormat.JSON, OutputFormat.parse("Json"));
        assertEquals(OutputFormat.CSV, OutputFormat.parse("csv"));
        assertEquals(OutputFormat.MD, OutputFormat.parse("md"));
        assertEquals(OutputFormat.DAT, OutputFormat.parse("DAT"));
        assertEquals(OutputFormat.JSON_FILE, OutputFormat.parse("json-file"));
        for (OutputFormat format : OutputFormat.values()) {
            assertEquals(format, OutputFormat.parse(format.cliName()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse("x"));
        assertEquals("unknown format 'x' (choose from table, json, csv, md, dat, json-file)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse("json_file"));
        assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse(null));
    }

    @Test
    void outputFormatProperties() {
        assertFalse(OutputFormat.TABLE.writesFile());
        assertFalse(OutputFormat.JSON.writesFile());
        assertTrue(OutputFormat.CSV.writesFile());
        assertTrue(OutputFormat.MD.writesFile());
        assertTrue(OutputFormat.DAT.writesFile());
        assertTrue(OutputFormat.JSON_FILE.writesFile());
        assertEquals("dat", OutputFormat.DAT.extension());
        assertEquals("csv", OutputFormat.CSV.extension());
        assertEquals("md", OutputFormat.MD.extension());
        assertEquals("json", OutputFormat.JSON_FILE.extension());
        assertEquals("json", OutputFormat.JSON.extension());
        assertEquals("json-file", OutputFormat.JSON_FILE.cliName());
        assertEquals("table", OutputFormat.TABLE.cliName());
    }

    @Test
    void referenceFileNames() {
        assertEquals("De_pie_facility_cpu_2026-01-01_2026-01-31",
                ReportFileNames.resource("derecho", "pie_facility_cpu", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        assertEquals("Ca_pie_facility_gpu_None_None", ReportFileNames.resource("casper", "pie_facility_gpu", null, null));
        assertEquals("All_usage_history_2026-01-01_None",
                ReportFileNames.resource("all", "usage_history", LocalDate.of(2026, 1, 1), null));
        assertEquals("search_None_2026-01-31", ReportFileNames.of("search", null, LocalDate.of(2026, 1, 31)));
        assertEquals("jobs_per_account_2026-01-01_2026-01-31",
                ReportFileNames.of("jobs_per_account", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
    }
}
