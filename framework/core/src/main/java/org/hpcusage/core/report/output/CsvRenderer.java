package org.hpcusage.core.report.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSV as the reference's {@code csv.DictWriter} writes it (job-history §7.2): the header is the
 * column <b>keys</b>, values are raw (no format spec; the plain string form of
 * {@link CellFormat#plain}: doubles as Python's repr, so {@code 0.1}, {@code 12.0} and
 * {@code 1e-05}; instants as {@code YYYY-MM-DD HH:MM:SS}), NULL and missing keys are empty,
 * fields containing {@code ,}, {@code "}, CR or LF are quoted with {@code "} doubled, a record
 * consisting of one empty field is written as {@code ""}, and every line ends with CRLF.
 *
 * <p><b>Keys that are not columns</b> (fix of the reference defect that crashed {@code -m all}
 * with "dict contains fields not in fieldnames: 'machine'"): the CSV keeps every key any row
 * carries, so it holds the same data as the JSON output.
 * <ul>
 *   <li>If any row has a {@code machine} key that is not a column, {@code machine} becomes the
 *       <b>first</b> CSV column (rows of one machine are then told apart at a glance).</li>
 *   <li>Every other key that is not a column is appended after the columns, in the order the
 *       keys are first met scanning the rows (e.g. {@code cpu_charges}, {@code gpu_charges},
 *       {@code memory_charges} of daily-summary).</li>
 *   <li>A row lacking such a key gets an empty field there.</li>
 * </ul>
 * The header therefore needs one pass over the row keys before anything is written; values are
 * then streamed row by row.
 */
final class CsvRenderer {

    static final String MACHINE = "machine";

    private CsvRenderer() {
    }

    static void render(Report report, Writer w) throws IOException {
        String[] keys = header(report).toArray(new String[0]);
        record(w, keys);
        String[] values = new String[keys.length];
        for (Map<String, Object> row : report.rows()) {
            for (int i = 0; i < keys.length; i++) {
                values[i] = CellFormat.plain(row.get(keys[i]));
            }
            record(w, values);
        }
    }

    /** The CSV header: [machine], the column keys, then the other extra keys in first-seen order. */
    static List<String> header(Report report) {
        List<Column> columns = report.columns();
        Set<String> columnKeys = new HashSet<>();
        for (Column column : columns) {
            columnKeys.add(column.key());
        }
        boolean machine = false;
        Set<String> extras = new LinkedHashSet<>();
        for (Map<String, Object> row : report.rows()) {
            for (String key : row.keySet()) {
                if (!columnKeys.contains(key)) {
                    if (MACHINE.equals(key)) {
                        machine = true;
                    } else {
                        extras.add(key);
                    }
                }
            }
        }
        List<String> header = new ArrayList<>(columns.size() + extras.size() + 1);
        if (machine) {
            header.add(MACHINE);
        }
        for (Column column : columns) {
            header.add(column.key());
        }
        header.addAll(extras);
        return header;
    }

    private static void record(Writer w, String[] fields) throws IOException {
        if (fields.length == 1 && fields[0].isEmpty()) {
            w.write("\"\"\r\n"); // as Python's csv: a lone empty field would read back as no field
            return;
        }
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            field(w, fields[i]);
        }
        w.write("\r\n");
    }

    private static void field(Writer w, String s) throws IOException {
        int n = s.length();
        boolean quote = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            w.write(s);
            return;
        }
        w.write('"');
        int from = 0;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == '"') {
                w.write(s, from, i + 1 - from);
                w.write('"');
                from = i + 1;
            }
        }
        w.write(s, from, n - from);
        w.write('"');
    }
}
