package org.hpcusage.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * An INSERT of many rows per statement ({@code VALUES (..), (..), ...}): one step and one reset
 * per {@code rows} rows instead of per row, which is most of sqlite-jdbc's cost per row for a
 * wide table. Values are given column by column, row by row; the last, shorter group gets a
 * statement of its own size.
 */
public final class MultiRowInsert implements AutoCloseable {
    private static final byte LONG = 0;
    private static final byte NULL = 1;
    private static final byte TEXT = 2;
    private static final byte DOUBLE = 3;

    private final Connection connection;
    private final String head;
    private final int columns;
    private final int rows;
    private final long[] longs;
    private final String[] texts;
    private final byte[] kinds;
    private int filled;
    private PreparedStatement full;

    /**
     * @param head    {@code INSERT INTO t (a, b, c) VALUES }
     * @param columns values per row
     * @param rows    rows per statement (columns × rows stays well below SQLite's 32 766 parameters)
     */
    public MultiRowInsert(Connection connection, String head, int columns, int rows) {
        this.connection = connection;
        this.head = head;
        this.columns = columns;
        this.rows = rows;
        this.longs = new long[columns * rows];
        this.texts = new String[columns * rows];
        this.kinds = new byte[columns * rows];
    }

    public void add(long value) {
        kinds[filled] = LONG;
        longs[filled++] = value;
    }

    public void add(double value) {
        kinds[filled] = DOUBLE;
        longs[filled++] = Double.doubleToRawLongBits(value);
    }

    /** @param sqlType the column's {@link Types} code (PostgreSQL wants it) */
    public void addNull(int sqlType) {
        kinds[filled] = NULL;
        longs[filled++] = sqlType;
    }

    public void add(String value) {
        if (value == null) {
            addNull(Types.VARCHAR);
            return;
        }
        kinds[filled] = TEXT;
        texts[filled++] = value;
    }

    /** A nullable integer column. */
    public void add(Long value, int sqlType) {
        if (value == null) {
            addNull(sqlType);
        } else {
            add(value.longValue());
        }
    }

    /** Ends a row; runs the statement when the group is full. */
    public void endRow() throws SQLException {
        if (filled % columns != 0) {
            throw new IllegalStateException("row of " + filled % columns + " values, expected " + columns);
        }
        if (filled == longs.length) {
            if (full == null) {
                full = connection.prepareStatement(sql(rows));
            }
            run(full);
        }
    }

    /** Writes the rows still held. */
    public void flush() throws SQLException {
        if (filled > 0) {
            try (PreparedStatement ps = connection.prepareStatement(sql(filled / columns))) {
                run(ps);
            }
        }
    }

    private void run(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < filled; i++) {
            switch (kinds[i]) {
                case LONG -> ps.setLong(i + 1, longs[i]);
                case NULL -> ps.setNull(i + 1, (int) longs[i]);
                case DOUBLE -> ps.setDouble(i + 1, Double.longBitsToDouble(longs[i]));
                default -> ps.setString(i + 1, texts[i]);
            }
            texts[i] = null;
        }
        ps.executeUpdate();
        filled = 0;
    }

    private String sql(int n) {
        StringBuilder tuple = new StringBuilder("(");
        for (int c = 0; c < columns; c++) {
            tuple.append(c == 0 ? "?" : ", ?");
        }
        tuple.append(')');
        StringBuilder sb = new StringBuilder(head.length() + n * (tuple.length() + 2));
        sb.append(head);
        for (int r = 0; r < n; r++) {
            sb.append(r == 0 ? "" : ", ").append(tuple);
        }
        return sb.toString();
    }

    /** Closes the statement; rows not {@link #flush}ed are dropped. */
    @Override
    public void close() throws SQLException {
        if (full != null) {
            full.close();
        }
    }
}
