package org.hpcusage.core.report.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The reference's fixed-width DAT format (job-history §7.2), byte for byte: each header and each
 * formatted cell is left-justified and space-padded to the column width when the width is
 * positive (never truncated), bare when it is 0; no separators; {@code \n} after every line.
 * A value as wide as its column runs into the next one, as in the reference. Keys that are not
 * columns are ignored; a missing column key renders as NULL (the reference raised KeyError).
 */
final class DatRenderer {

    private DatRenderer() {
    }

    static void render(Report report, Writer w) throws IOException {
        List<Column> columns = report.columns();
        int n = columns.size();
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            Column column = columns.get(i);
            widths[i] = column.width();
            cell(w, column.header(), widths[i]);
        }
        w.write('\n');
        String[] keys = Cells.keys(columns);
        CellFormat[] formats = Cells.formats(columns);
        for (Map<String, Object> row : report.rows()) {
            for (int i = 0; i < n; i++) {
                cell(w, formats[i].format(row.get(keys[i])), widths[i]);
            }
            w.write('\n');
        }
    }

    private static void cell(Writer w, String text, int width) throws IOException {
        w.write(text);
        if (width > 0) {
            Cells.spaces(w, width - Cells.length(text));
        }
    }
}
