package org.hpcusage.core.report.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Small helpers shared by the text renderers. */
final class Cells {

    private static final char[] SPACES = " ".repeat(256).toCharArray();

    private Cells() {
    }

    /** Length as Python's {@code len} counts it (code points). */
    static int length(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return s.codePointCount(0, n);
            }
        }
        return n;
    }

    static void spaces(Writer w, int count) throws IOException {
        while (count > 0) {
            int chunk = Math.min(count, SPACES.length);
            w.write(SPACES, 0, chunk);
            count -= chunk;
        }
    }

    static void spaces(StringBuilder sb, int count) {
        while (count > 0) {
            int chunk = Math.min(count, SPACES.length);
            sb.append(SPACES, 0, chunk);
            count -= chunk;
        }
    }

    /** One formatter per column, parsed once. */
    static CellFormat[] formats(List<Column> columns) {
        CellFormat[] formats = new CellFormat[columns.size()];
        for (int i = 0; i < formats.length; i++) {
            formats[i] = CellFormat.of(columns.get(i).format());
        }
        return formats;
    }

    static String[] keys(List<Column> columns) {
        String[] keys = new String[columns.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = columns.get(i).key();
        }
        return keys;
    }
}
