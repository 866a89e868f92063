package org.hpcusage.testkit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A canonical text dump of chosen tables (rows sorted, blobs hex-encoded), to compare two
 * stores for equality. Columns named in {@code ignored} (wall-clock audit stamps) are left out.
 */
public final class StoreDump {
    private StoreDump() {
    }

    public static String dump(String jdbcUrl, List<String> tables, Set<String> ignored) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement st = c.createStatement()) {
            for (String table : tables) {
                out.append("== ").append(table).append('\n');
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    java.util.List<String> rows = new java.util.ArrayList<>();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            if (ignored.contains(md.getColumnName(i).toLowerCase())) {
                                continue;
                            }
                            Object v = rs.getObject(i);
                            row.append(md.getColumnName(i)).append('=')
                                    .append(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(v))
                                    .append('|');
                        }
                        rows.add(row.toString());
                    }
                    String[] sorted = rows.toArray(String[]::new);
                    Arrays.sort(sorted);
                    for (String row : sorted) {
                        out.append(row).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
