package org.hpcusage.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.ibatis.session.SqlSession;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.ingest.SyncEngine;
import org.hpcusage.core.ingest.SyncListener;
import org.hpcusage.core.ingest.SyncMode;
import org.hpcusage.core.ingest.SyncOptions;
import org.hpcusage.core.ingest.SyncStats;
import org.hpcusage.core.store.Database;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.core.store.MigrationRunner;

/**
 * {@code jobs bench}: generate N days, sync them into a fresh store end to end (parse, charge,
 * compress, insert, summarise) and print the rate, peak memory and record sizes. Generation is
 * not timed.
 */
final class BenchCommand extends LeafCommand {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "Benchmark sync on generated day files: E-records/s, peak RSS, bytes per stored record.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "machine", "NAME", "machine whose format, rule and time zone to use (default: the first one)"))
                .addOption(opt(null, "days", "N", "days to generate and sync (default 5)"))
                .addOption(opt(null, "jobs", "N", "finished jobs per day (default 30000)"))
                .addOption(opt(null, "codec", "NAME", "raw-record compression: zstd (default) or gzip"))
                .addOption(opt(null, "work-dir", "DIR", "where to put generated files and the store (default: a temp dir, removed after)"));
    }

    @Override
    protected String examples() {
        return "hpcusage jobs bench -m derecho --days 10\nhpcusage jobs bench -m derecho --days 3 --codec gzip\n"
                + "hpcusage jobs bench --days 3 --db jdbc:postgresql://127.0.0.1/bench?user=postgres";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        String name = line.getOptionValue("machine");
        Machine machine = ctx.machines().resolve(name == null ? ctx.machines().defaultName() : name);
        int days = intValue(line, "days", 5, 1);
        int jobs = intValue(line, "jobs", 30_000, 1);
        String codec = line.getOptionValue("codec", "zstd");
        boolean keep = line.hasOption("work-dir");
        Path work = keep ? Path.of(line.getOptionValue("work-dir")) : Files.createTempDirectory("hpcusage-bench");
        try {
            Path logs = work.resolve("logs");
            LocalDate start = LocalDate.of(2026, 1, 1);
            long t0 = System.nanoTime();
            GenerateCommand.write(ctx, machine, logs, start, days, jobs, 42);
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            long logBytes;
            try (Stream<Path> files = Files.list(logs)) {
                logBytes = files.mapToLong(p -> p.toFile().length()).sum();
            }
            ctx.out().printf("Generated %d %s day files (%,d jobs each, %.1f MiB) in %.1f s%n", days, machine.name(), jobs,
                    logBytes / 1048576.0, genSeconds);

            DatabaseTarget target = ctx.globals().db() != null ? DatabaseTarget.parse(ctx.globals().db())
                    : DatabaseTarget.sqlite(work.resolve("bench.db"));
            if (target.sqliteFile() != null) {
                Files.deleteIfExists(target.sqliteFile());
            }
            try (Database db = Database.open(target, MigrationRunner.JOBS)) {
                SyncOptions options = new SyncOptions(SyncMode.PLAIN, logs, false, true, 1000, codec);
                long t1 = System.nanoTime();
                SyncStats stats = new SyncEngine(db, machine, options, SyncListener.NONE)
                        .run(start, start.plusDays(days - 1L));
                double seconds = (System.nanoTime() - t1) / 1e9;
                ctx.out().printf("Synced %,d E-records (%,d inserted, %,d errors) into %s in %.2f s: %,.0f E-records/s%n",
                        stats.fetched(), stats.inserted(), stats.errors(), target.display(), seconds,
                        stats.fetched() / seconds);
                printRecordSizes(ctx, db, codec);
            }
            ctx.out().printf("Peak RSS: %s; peak heap used: %.0f MiB (max heap %.0f MiB)%n", peakRss(),
                    peakHeap() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
            if (target.sqliteFile() != null) {
                ctx.out().printf("Store size: %.1f MiB%n", Files.size(target.sqliteFile()) / 1048576.0);
            }
        } finally {
            if (!keep) {
                deleteTree(work);
            }
        }
        return 0;
    }

    private static void printRecordSizes(Context ctx, Database db, String codec) throws Exception {
        try (SqlSession session = db.reader(); Connection c = session.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(LENGTH(compressed_data)) FROM job_records")) {
            rs.next();
            long n = rs.getLong(1);
            long bytes = rs.getLong(2);
            ctx.out().printf("Raw records: %,d stored, %.0f bytes each on average (%s)%n", n,
                    n == 0 ? 0.0 : (double) bytes / n, codec);
        }
    }

    /** The jobs in a store (every machine). */
    static long countJobs(Database db) throws SQLException {
        try (SqlSession session = db.reader(); Statement st = session.getConnection().createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM jobs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** VmHWM from /proc: the process's peak resident set (Linux). */
    static String peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format("%.0f MiB", kb / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "unknown";
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
