package org.hpcusage.core.report.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The reference's Markdown table: {@code | h1 | h2 |}, {@code | --- | --- |}, then one line of
 * formatted cells per row (NULL → empty), {@code \n} line ends. Unlike the reference, {@code |}
 * in headers and cells is escaped as {@code \|} and line breaks ({@code \r\n}, {@code \n},
 * {@code \r}) become a space, so a cell can never break the table. Keys that are not columns are
 * ignored; a missing column key renders as NULL.
 */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static void render(Report report, Writer w) throws IOException {
        List<Column> columns = report.columns();
        int n = columns.size();
        w.write('|');
        for (Column column : columns) {
            w.write(' ');
            w.write(escape(column.header()));
            w.write(" |");
        }
        w.write('\n');
        w.write('|');
        for (int i = 0; i < n; i++) {
            w.write(" --- |");
        }
        w.write('\n');
        String[] keys = Cells.keys(columns);
        CellFormat[] formats = Cells.formats(columns);
        for (Map<String, Object> row : report.rows()) {
            w.write('|');
            for (int i = 0; i < n; i++) {
                w.write(' ');
                w.write(escape(formats[i].format(row.get(keys[i]))));
                w.write(" |");
            }
            w.write('\n');
        }
    }

    /** {@code |} → {@code \|}; CR LF, LF and CR → one space. */
    static String escape(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '|' || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 8).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '|') {
                sb.append("\\|");
            } else if (c == '\r') {
                sb.append(' ');
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
