package org.hpcusage.core.report.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ReportWriter writer = new ReportWriter(new PrintStream(stdout, true, StandardCharsets.UTF_8));

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static final List<Column> FACILITY_COLUMNS = List.of(
            new Column("facility", "Facility", 15, "s"),
            new Column("usage", "Usage", 15, ".1f"),
            new Column("count", "Counts", 0, "d"));

    /** The rows behind the reference's pie-facility-cpu example (job-history §7.2). */
    private static Report pieFacilityCpu() {
        return Report.builder("pie_facility_cpu")
                .field("machine", "derecho")
                .field("start", LocalDate.of(2026, 1, 1))
                .field("end", LocalDate.of(2026, 1, 31))
                .field("group_by", "day")
                .columns(FACILITY_COLUMNS)
                .rows(List.of(
                        row("facility", "UNIV", "usage", 202929.1834, "count", 231),
                        row("facility", "WNA", "usage", 119769.2458, "count", 17L),
                        row("facility", "CSL", "usage", 119029.0999, "count", 137),
                        row("facility", "NCAR", "usage", new BigDecimal("102258.6123"), "count", 543)))
                .build();
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String render(Report report, OutputFormat format) throws IOException {
        assertNull(writer.write(report, format, null, null));
        return stdout();
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------- DAT

    @Test
    void datReproducesTheReferenceExampleByteForByte() throws IOException {
        String base = ReportFileNames.resource("derecho", "pie_facility_cpu",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        Path written = writer.write(pieFacilityCpu(), OutputFormat.DAT, tmp, base);

        Path expectedPath = tmp.toAbsolutePath().resolve("De_pie_facility_cpu_2026-01-01_2026-01-31.dat");
        assertEquals(expectedPath, written);
        // "Facility" padded to 15, "Usage" padded to 15, "Counts" bare; no separators; LF.
        String expected = ""
                + "Facility       Usage          Counts\n"
                + "UNIV           202929.2       231\n"
                + "WNA            119769.2       17\n"
                + "CSL            119029.1       137\n"
                + "NCAR           102258.6       543\n";
        assertEquals(expected, read(written));
        assertEquals("Report saved to " + expectedPath + "\n", stdout());
    }

    @Test
    void datPadsNullsRunsWideValuesTogetherAndIgnoresExtraKeys() throws IOException {
        Report report = Report.builder("search")
                .columns(List.of(new Column("end", "End", 19, "s"), new Column("numnodes", "Nodes", 3, "d"),
                        new Column("cpu_hours", "CPU-h", 0, ".2f")))
                .rows(List.of(
                        row("end", Instant.parse("2026-01-15T12:30:45Z"), "numnodes", 1024, "cpu_hours", 0.125,
                                "machine", "derecho"),
                        row("end", null, "numnodes", null, "cpu_hours", null),
                        row("numnodes", 2)))
                .build();
        Path path = writer.write(report, OutputFormat.DAT, tmp, "search_None_None");
        String expected = ""
                + "End                Nodes" + "CPU-h\n" // header longer than its width is not truncated
                + "2026-01-15 12:30:451024" + "0.12\n"   // 19 chars fill 19; 4 digits overflow width 3
                + "                      " + "\n"         // NULLs: 19 + 3 blanks, last column bare
                + "                   2  " + "\n";        // missing keys render as NULL
        assertEquals(expected, read(path));
    }

    // --------------------------------------------------------------------------------- JSON

    @Test
    void jsonPrintsTheWholeEnvelopeLikePython() throws IOException {
        Report report = Report.builder("pie_facility_cpu")
                .field("machine", "derecho")
                .field("start", LocalDate.of(2026, 1, 1))
                .field("end", null)
                .field("group_by", "day")
                .columns(FACILITY_COLUMNS)
                .rows(List.of(
                        row("facility", "UNIV", "usage", 202929.1834, "count", 231),
                        row("facility", "WNA", "usage", new BigDecimal("12"), "count", 17L, "machine", "derecho")))
                .build();
        // Text printed by Python: print(json.dumps(envelope, indent=2)) with float(Decimal('12')).
        String expected = "{\n"
                + "  \"kind\": \"pie_facility_cpu\",\n"
                + "  \"machine\": \"derecho\",\n"
                + "  \"start\": \"2026-01-01\",\n"
                + "  \"end\": null,\n"
                + "  \"group_by\": \"day\",\n"
                + "  \"columns\": [\n"
                + "    {\n"
                + "      \"key\": \"facility\",\n"
                + "      \"header\": \"Facility\",\n"
                + "      \"width\": 15,\n"
                + "      \"format\": \"s\"\n"
                + "    },\n"
                + "    {\n"
                + "      \"key\": \"usage\",\n"
                + "      \"header\": \"Usage\",\n"
                + "      \"width\": 15,\n"
                + "      \"format\": \".1f\"\n"
                + "    },\n"
                + "    {\n"
                + "      \"key\": \"count\",\n"
                + "      \"header\": \"Counts\",\n"
                + "      \"width\": 0,\n"
                + "      \"format\": \"d\"\n"
                + "    }\n"
                + "  ],\n"
                + "  \"rows\": [\n"
                + "    {\n"
                + "      \"facility\": \"UNIV\",\n"
                + "      \"usage\": 202929.1834,\n"
                + "      \"count\": 231\n"
                + "    },\n"
                + "    {\n"
                + "      \"facility\": \"WNA\",\n"
                + "      \"usage\": 12.0,\n"
                + "      \"count\": 17,\n"
                + "      \"machine\": \"derecho\"\n"
                + "    }\n"
                + "  ]\n"
                + "}\n";
        assertEquals(expected, render(report, OutputFormat.JSON));
    }

    @Test
    void jsonEscapesLikeEnsureAsciiAndRendersNestedValues() throws IOException {
        Map<String, Object> filters = row("user", null, "name", List.of("a*", "b?"), "ignore_case", false,
                "limit", 10);
        Report report = Report.builder("search")
                .field("filters", filters)
                .field("note", "caf\u00e9 \"q\" \\ \t\n\u0001\u007f\uD83D\uDE00 /")
                .field("tags", List.of())
                .field("extra", Map.of())
                .field("set", Set.of("b", "c", "a"))
                .field("at", Instant.parse("2026-01-15T12:30:45.5Z"))
                .field("tiny", 1e-5)
                .field("nan", Double.NaN)
                .build();
        String expected = "{\n"
                + "  \"kind\": \"search\",\n"
                + "  \"filters\": {\n"
                + "    \"user\": null,\n"
                + "    \"name\": [\n"
                + "      \"a*\",\n"
                + "      \"b?\"\n"
                + "    ],\n"
                + "    \"ignore_case\": false,\n"
                + "    \"limit\": 10\n"
                + "  },\n"
                // Python: "caf\u00e9 \"q\" \\ \t\n\u0001\u007f\ud83d\ude00 /"
                + "  \"note\": \"caf\\u00e9 \\\"q\\\" \\\\ \\t\\n\\u0001\\u007f\\ud83d\\ude00 /\",\n"
                + "  \"tags\": [],\n"
                + "  \"extra\": {},\n"
                + "  \"set\": [\n"
                + "    \"a\",\n"
                + "    \"b\",\n"
                + "    \"c\"\n"
                + "  ],\n"
                + "  \"at\": \"2026-01-15T12:30:45\",\n"
                + "  \"tiny\": 1e-05,\n"
                + "  \"nan\": null,\n"
                + "  \"columns\": [],\n"
                + "  \"rows\": []\n"
                + "}\n";
        assertEquals(expected, render(report, OutputFormat.JSON));
    }

    @Test
    void jsonRendersTemporalValuesAsNaiveUtcSeconds() throws IOException {
        Report report = Report.builder("k")
                .rows(List.of(row(
                        "odt", java.time.OffsetDateTime.parse("2026-01-15T12:30:45.250+02:00"),
                        "ldt", java.time.LocalDateTime.of(2026, 1, 15, 0, 0),
                        "big", new java.math.BigInteger("123456789012345678901234567890"),
                        "f", 0.1f)))
                .build();
        String expected = "{\n"
                + "  \"kind\": \"k\",\n"
                + "  \"columns\": [],\n"
                + "  \"rows\": [\n"
                + "    {\n"
                + "      \"odt\": \"2026-01-15T10:30:45\",\n"
                + "      \"ldt\": \"2026-01-15T00:00:00\",\n"
                + "      \"big\": 123456789012345678901234567890,\n"
                + "      \"f\": 0.1\n"
                + "    }\n"
                + "  ]\n"
                + "}\n";
        assertEquals(expected, render(report, OutputFormat.JSON));
    }

    @Test
    void jsonFileHoldsOnlyTheRowsWithoutTrailingNewline() throws IOException {
        Path path = writer.write(pieFacilityCpu(), OutputFormat.JSON_FILE, tmp, "rows");
        assertEquals(tmp.toAbsolutePath().resolve("rows.json"), path);
        String expected = "[\n"
                + "  {\n"
                + "    \"facility\": \"UNIV\",\n"
                + "    \"usage\": 202929.1834,\n"
                + "    \"count\": 231\n"
                + "  },\n"
                + "  {\n"
                + "    \"facility\": \"WNA\",\n"
                + "    \"usage\": 119769.2458,\n"
                + "    \"count\": 17\n"
                + "  },\n"
                + "  {\n"
                + "    \"facility\": \"CSL\",\n"
                + "    \"usage\": 119029.0999,\n"
                + "    \"count\": 137\n"
                + "  },\n"
                + "  {\n"
                + "    \"facility\": \"NCAR\",\n"
                + "    \"usage\": 102258.6123,\n"
                + "    \"count\": 543\n"
                + "  }\n"
                + "]";
        assertEquals(expected, read(path));

        Path empty = writer.write(Report.builder("k").build(), OutputFormat.JSON_FILE, tmp, "empty");
        assertEquals("[]", read(empty));
    }

    // ---------------------------------------------------------------------------------- CSV

    @Test
    void csvWritesRawValuesQuotesAndCrlfAndPutsMachineFirst() throws IOException {
        Report report = Report.builder("search")
                .columns(List.of(new Column("job_id", "Job ID", 22, "s"), new Column("name", "Name", 20, "s"),
                        new Column("cpu_hours", "CPU-h", 10, ".2f"), new Column("end", "End", 19, "s")))
                .rows(List.of(
                        row("machine", "casper", "job_id", "1.casper", "name", "a,b", "cpu_hours", 0.1,
                                "end", Instant.parse("2026-01-15T12:30:45Z"), "cpu_charges", 0.2),
                        row("job_id", "2.derecho", "name", "say \"hi\"\nbye", "cpu_hours", 12.0, "end", null,
                                "machine", "derecho"),
                        row("job_id", "3", "name", null, "cpu_hours", 1e-5)))
                .build();
        Path path = writer.write(report, OutputFormat.CSV, tmp, "search_None_None");
        String expected = ""
                + "machine,job_id,name,cpu_hours,end,cpu_charges\r\n"
                + "casper,1.casper,\"a,b\",0.1,2026-01-15 12:30:45,0.2\r\n"
                + "derecho,2.derecho,\"say \"\"hi\"\"\nbye\",12.0,,\r\n"
                + ",3,,1e-05,,\r\n";
        assertEquals(expected, read(path));
    }

    @Test
    void csvWithoutExtraKeysHasExactlyTheColumnKeys() throws IOException {
        Path path = writer.write(pieFacilityCpu(), OutputFormat.CSV, tmp, "pie");
        String expected = ""
                + "facility,usage,count\r\n"
                + "UNIV,202929.1834,231\r\n"
                + "WNA,119769.2458,17\r\n"
                + "CSL,119029.0999,137\r\n"
                + "NCAR,102258.6123,543\r\n";
        assertEquals(expected, read(path));
    }

    @Test
    void csvKeepsAColumnNamedMachineInPlaceAndQuotesALoneEmptyField() throws IOException {
        Report withMachineColumn = Report.builder("k")
                .columns(List.of(new Column("a", "A", 1, "s"), new Column("machine", "Machine", 0, "s")))
                .rows(List.of(row("a", "x", "machine", "casper")))
                .build();
        assertEquals("a,machine\r\nx,casper\r\n",
                read(writer.write(withMachineColumn, OutputFormat.CSV, tmp, "m")));

        Report single = Report.builder("k")
                .columns(List.of(new Column("a", "A", 0, "s")))
                .rows(List.of(row("a", null), row("a", "")))
                .build();
        assertEquals("a\r\n\"\"\r\n\"\"\r\n", read(writer.write(single, OutputFormat.CSV, tmp, "single")));

        Report empty = Report.builder("k").columns(FACILITY_COLUMNS).build();
        assertEquals("facility,usage,count\r\n", read(writer.write(empty, OutputFormat.CSV, tmp, "empty")));
    }

    // ----------------------------------------------------------------------------------- MD

    @Test
    void markdownFormatsCellsAndEscapesPipes() throws IOException {
        Report report = Report.builder("k")
                .columns(List.of(new Column("name", "A|B", 10, "s"), new Column("usage", "Usage", 10, ".1f"),
                        new Column("count", "Count", 0, "d")))
                .rows(List.of(
                        row("name", "x|y\r\nz", "usage", 0.25, "count", null, "machine", "casper"),
                        row("name", "plain", "usage", 12, "count", 12.0)))
                .build();
        Path path = writer.write(report, OutputFormat.MD, tmp, "k_None_None");
        String expected = ""
                + "| A\\|B | Usage | Count |\n"
                + "| --- | --- | --- |\n"
                + "| x\\|y z | 0.2 |  |\n"
                + "| plain | 12.0 | 12 |\n";
        assertEquals(expected, read(path));
        assertEquals(tmp.toAbsolutePath().resolve("k_None_None.md"), path);
    }

    // -------------------------------------------------------------------------------- TABLE

    @Test
    void tableAlignsColumnsToTheirWidestCell() throws IOException {
        Report report = Report.builder("pie_facility_cpu")
                .columns(FACILITY_COLUMNS)
                .rows(List.of(
                        row("facility", "UNIV", "usage", 202929.1834, "count", 231),
                        row("facility", "CSL", "usage", null, "count", 137),
                        row("facility", "NCAR\tX", "usage", 0.25, "count", 5, "machine", "casper")))
                .build();
        String expected = ""
                + "Facility     Usage  Counts\n"
                + "--------  --------  ------\n"
                + "UNIV      202929.2     231\n"
                + "CSL                    137\n"
                + "NCAR X         0.2       5\n";
        assertEquals(expected, render(report, OutputFormat.TABLE));
    }

    @Test
    void tableRightAlignsUnformattedNumberColumnsOnly() throws IOException {
        Report report = Report.builder("k")
                .columns(List.of(new Column("n", "N", 0, ""), new Column("mixed", "Mixed", 0, ""),
                        new Column("t", "T", 0, "s")))
                .rows(List.of(row("n", 1000, "mixed", 1, "t", "a"), row("n", 2, "mixed", "xy", "t", "b")))
                .build();
        String expected = ""
                + "   N  Mixed  T\n"
                + "----  -----  -\n"
                + "1000  1      a\n"
                + "   2  xy     b\n";
        assertEquals(expected, render(report, OutputFormat.TABLE));
    }

    @Test
    void emptyTableSaysSo() throws IOException {
        Report report = Report.builder("k").columns(FACILITY_COLUMNS).build();
        String expected = ""
                + "Facility  Usage  Counts\n"
                + "--------  -----  ------\n"
                + "(no rows)\n";
        assertEquals(expected, render(report, OutputFormat.TABLE));
    }

    // -------------------------------------------------------------------------------- files

    @Test
    void fileFormatsCreateTheDirectoryAndReplaceAnExistingFile() throws IOException {
        Path dir = tmp.resolve("a/b");
        Path first = writer.write(pieFacilityCpu(), OutputFormat.MD, dir, "report");
        Path second = writer.write(pieFacilityCpu(), OutputFormat.DAT, dir, "report");
        Path third = writer.write(pieFacilityCpu(), OutputFormat.DAT, dir, "report");
        Path absolute = dir.toAbsolutePath();
        assertEquals(absolute.resolve("report.md"), first);
        assertEquals(absolute.resolve("report.dat"), second);
        assertEquals(second, third);
        assertTrue(read(third).startsWith("Facility       Usage          Counts\n"));
        assertEquals(Set.of("report.md", "report.dat"), list(dir));
        assertEquals("Report saved to " + first + "\n" + "Report saved to " + second + "\n"
                + "Report saved to " + third + "\n", stdout());
    }

    @Test
    void stdoutFormatsWriteNoFile() throws IOException {
        assertNull(writer.write(pieFacilityCpu(), OutputFormat.TABLE, tmp, "x"));
        assertNull(writer.write(pieFacilityCpu(), OutputFormat.JSON, tmp, "x"));
        assertEquals(Set.of(), list(tmp));
        assertFalse(stdout().contains("Report saved to"));
    }

    @Test
    void aFailedRenderLeavesNoFileBehind() {
        Object exploding = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        Report report = Report.builder("k")
                .columns(List.of(new Column("a", "A", 0, "s")))
                .rows(List.of(row("a", "fine"), row("a", exploding)))
                .build();
        assertThrows(IllegalStateException.class, () -> writer.write(report, OutputFormat.CSV, tmp, "k"));
        assertEquals(Set.of(), list(tmp));
        assertEquals("", stdout());
    }

    @Test
    void fileBaseNameMustBeAPlainName() {
        Report report = pieFacilityCpu();
        for (String bad : new String[] {null, "", " ", "a/b", "a\\b", "..", "."}) {
            assertThrows(IllegalArgumentException.class, () -> writer.write(report, OutputFormat.DAT, tmp, bad),
                    String.valueOf(bad));
        }
    }

    private static Set<String> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
