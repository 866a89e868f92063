package org.hpcusage.core;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.store.Database;

/** Stored rows as comparable text, for tests that compare two ways of writing the same store. */
public final class TableRows {
    private static final String NAMES = " LEFT JOIN users u ON u.id = t.user_id JOIN machines m ON m.id = t.machine_id";

    private TableRows() {
    }

    /**
     * The rows of {@code sql}, each as {@code label} and its values; reals to 10 significant digits
     * (PostgreSQL's SUM and a sum in Java may differ in the last bits).
     */
    public static List<String> of(Connection c, String label, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder line = new StringBuilder(label);
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    line.append(' ').append(v instanceof Double x ? String.format(Locale.ROOT, "%.10g", x) : v);
                }
                out.add(line.toString());
            }
        }
        return out;
    }

    /** {@link #of(Connection, String, String)} on a reader session of {@code db}. */
    public static List<String> of(Database db, String label, String sql) throws SQLException {
        try (SqlSession session = db.reader()) {
            return of(session.getConnection(), label, sql);
        }
    }

    /** The first column of the first row of {@code sql} (a count, a sum), as a long. */
    public static long scalar(Database db, String sql) throws SQLException {
        try (SqlSession session = db.reader(); Statement st = session.getConnection().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Every machine's daily_summary, daily_buckets, daily_user_usage and monthly_user_usage rows,
     * sorted, with machine, user, account and queue names instead of ids (so that two stores
     * compare).
     *
     * @param markers whether to keep daily_summary's "no jobs" markers (a resummarize writes them
     *                for empty days too)
     */
    public static List<String> aggregates(Database db, boolean markers) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(of(db, "summary", "SELECT m.name, t.date, u.username, a.account_name, q.queue_name, t.job_count, "
                + "t.cpu_hours, t.gpu_hours, t.memory_hours, t.cpu_charges, t.gpu_charges, t.memory_charges FROM daily_summary t"
                + NAMES + " LEFT JOIN accounts a ON a.id = t.account_id LEFT JOIN queues q ON q.id = t.queue_id"
                + (markers ? "" : " WHERE t.user_id IS NOT NULL")));
        rows.addAll(of(db, "buckets", "SELECT m.name, t.end_day, t.dimension, t.bucket, q.queue_name, u.username, "
                + "t.job_count, t.wait_jobs, t.wait_secs, t.cpu_hours, t.gpu_hours FROM daily_buckets t" + NAMES
                + " JOIN queues q ON q.id = t.queue_id"));
        rows.addAll(of(db, "users", "SELECT m.name, t.end_day, u.username, t.status, t.job_count, t.cpu_seconds, "
                + "t.elapsed_seconds, t.gpu_seconds, t.gpu_elapsed_seconds FROM daily_user_usage t" + NAMES));
        rows.addAll(of(db, "months", "SELECT m.name, t.month, u.username, t.status, t.job_count, t.cpu_seconds, "
                + "t.elapsed_seconds, t.gpu_seconds, t.gpu_elapsed_seconds FROM monthly_user_usage t" + NAMES));
        rows.sort(null);
        return rows;
    }
}
