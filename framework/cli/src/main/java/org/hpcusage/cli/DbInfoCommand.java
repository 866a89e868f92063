package org.hpcusage.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.report.output.Column;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.store.Database;

/** {@code db info}: where the store is, its schema version and how much it holds. */
final class DbInfoCommand extends LeafCommand {
    private static final List<String> TABLES = List.of("machines", "users", "accounts", "queues", "job_qos", "jobs",
            "job_charges", "job_records", "record_dictionaries", "daily_summary", "sync_units");

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String summary() {
        return "Show the store (password hidden), its applied migrations and row counts; creates or migrates it.";
    }

    @Override
    protected Options options() {
        return new Options();
    }

    @Override
    protected String examples() {
        return "hpcusage db info\nhpcusage db info --db jdbc:postgresql://127.0.0.1/hpc?user=postgres";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        Database db = ctx.store().jobs();
        List<Map<String, Object>> rows = new ArrayList<>();
        try (SqlSession session = db.reader(); Connection c = session.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT schema_name, version, script FROM schema_history ORDER BY 1, 2")) {
                while (rs.next()) {
                    rows.add(row("migration", rs.getString(1) + " V" + rs.getInt(2), rs.getString(3)));
                }
            }
            for (String table : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    rows.add(row("rows", table, rs.getLong(1)));
                }
            }
        }
        Report report = Report.builder("db_info").field("store", db.target().display()).field("dialect", db.dialect().id())
                .columns(List.of(new Column("what", "What", 10, "s"), new Column("name", "Name", 24, "s"),
                        new Column("value", "Value", 0, "s")))
                .rows(rows).build();
        ctx.out().println("Store: " + db.target().display());
        ctx.reports().write(report, ctx.format(OutputFormat.TABLE), java.nio.file.Path.of("."), "db_info");
        return 0;
    }

    private static Map<String, Object> row(String what, String name, Object value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("what", what);
        row.put("name", name);
        row.put("value", value);
        return row;
    }
}
