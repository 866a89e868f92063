package org.hpcusage.core.report.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The terminal table for humans (the reference's {@code rich} format, without box drawing): a
 * header line, a rule of dashes, then one line per row, or {@code (no rows)} when there are none.
 *
 * <p>Cells are formatted as for DAT ({@link CellFormat}); each column is as wide as its widest
 * header or cell (the reference widths are ignored and nothing is truncated); columns are
 * separated by two spaces; trailing spaces are trimmed. A column is right-aligned, header
 * included, when its spec is numeric ({@code d}, {@code f}, {@code %}) or when every non-NULL
 * value in it is a {@link Number}; otherwise left-aligned. CR, LF and TAB inside a cell are shown
 * as spaces so that every row stays on one line. Widths count code points (East Asian wide
 * characters are not measured as two cells). Keys that are not columns are ignored.
 *
 * <p>Memory stays constant: a first pass formats every cell to measure the columns, a second
 * formats them again while writing.
 */
final class TableRenderer {

    static final String SEPARATOR = "  ";
    static final String NO_ROWS = "(no rows)";

    private TableRenderer() {
    }

    static void render(Report report, Writer w) throws IOException {
        List<Column> columns = report.columns();
        int n = columns.size();
        String[] keys = Cells.keys(columns);
        CellFormat[] formats = Cells.formats(columns);
        String[] headers = new String[n];
        int[] widths = new int[n];
        boolean[] allNumbers = new boolean[n];
        boolean[] anyValue = new boolean[n];
        for (int i = 0; i < n; i++) {
            headers[i] = singleLine(columns.get(i).header());
            widths[i] = Cells.length(headers[i]);
            allNumbers[i] = true;
        }
        List<Map<String, Object>> rows = report.rows();
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < n; i++) {
                Object value = row.get(keys[i]);
                if (value == null) {
                    continue;
                }
                anyValue[i] = true;
                if (!(value instanceof Number)) {
                    allNumbers[i] = false;
                }
                int length = Cells.length(singleLine(formats[i].format(value)));
                if (length > widths[i]) {
                    widths[i] = length;
                }
            }
        }
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            right[i] = formats[i].isNumeric() || (anyValue[i] && allNumbers[i]);
        }

        StringBuilder line = new StringBuilder(256);
        String[] cells = new String[n];
        writeLine(w, line, headers, widths, right);
        for (int i = 0; i < n; i++) {
            cells[i] = "-".repeat(widths[i]);
        }
        writeLine(w, line, cells, widths, right);
        if (rows.isEmpty()) {
            w.write(NO_ROWS);
            w.write('\n');
            return;
        }
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < n; i++) {
                cells[i] = singleLine(formats[i].format(row.get(keys[i])));
            }
            writeLine(w, line, cells, widths, right);
        }
    }

    private static void writeLine(Writer w, StringBuilder line, String[] cells, int[] widths, boolean[] right)
            throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            int pad = widths[i] - Cells.length(cells[i]);
            if (right[i]) {
                Cells.spaces(line, pad);
                line.append(cells[i]);
            } else {
                line.append(cells[i]);
                Cells.spaces(line, pad);
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        line.setLength(end);
        line.append('\n');
        w.append(line);
    }

    /** CR, LF and TAB → space. */
    static String singleLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0) {
            return s;
        }
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
