package org.hpcusage.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.report.output.Column;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.scan.DirectoryQuery;
import org.hpcusage.core.scan.HostAccounts;
import org.hpcusage.core.scan.ScanImporter;
import org.hpcusage.core.scan.ScanQueries;
import org.hpcusage.core.scan.ScanReader;
import org.hpcusage.core.scan.ScanTree;
import org.hpcusage.core.store.DatabaseTarget;
import org.hpcusage.spi.scan.ScanInput;
import org.hpcusage.spi.scan.ScanParser;

/**
 * {@code fs bench}: generate a scan, measure the parse-and-aggregate memory per directory, import
 * it end to end into SQLite (lines/s), then time unscoped and scoped queries. Generation is not
 * timed.
 */
final class FsBenchCommand extends LeafCommand {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "Benchmark scan import and queries on a generated scan: lines/s, bytes per directory, query ms.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("F", "scan-format", "NAME", "scan format (default gpfs)"))
                .addOption(opt(null, "lines", "N", "lines to generate (default 2000000)"))
                .addOption(opt(null, "work-dir", "DIR", "where to put the scan and the store (default: a temp dir, removed after)"))
                .addOption(opt(null, "store", "FILE", "only time the queries, on this existing SQLite scan store"));
    }

    @Override
    protected String examples() {
        return "hpcusage fs bench --lines 5000000\nhpcusage fs bench -F lustre --lines 1000000 --work-dir /scratch/bench\n"
                + "hpcusage fs bench --store $HPCUSAGE_HOME/data/fs/asp.db";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        if (line.hasOption("store")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            Path store = Path.of(line.getOptionValue("store"));
            queries(store, store.getFileName().toString().replaceFirst("\\.db$", ""), rows);
            FsQueryCommand.write(ctx, ctx.format(OutputFormat.TABLE), Report.builder("fs_bench")
                    .columns(List.of(new Column("measure", "Measure", 40, "s"), new Column("value", "Value", 14, ""),
                            new Column("note", "Note", 0, "s"))).rows(rows).build());
            return 0;
        }
        String format = line.getOptionValue("scan-format", "gpfs");
        long lines = intValue(line, "lines", 2_000_000, 1000);
        boolean temp = !line.hasOption("work-dir");
        Path work = temp ? Files.createTempDirectory("hpcusage-fs-bench") : Path.of(line.getOptionValue("work-dir"));
        Files.createDirectories(work);
        try {
            Path scan = work.resolve("20260115_bench_bench.scan");
            ScanParser parser = FsImportCommand.parser(ctx, format, scan);
            FsGenerateCommand.write(parser, "/gpfs/csfs1/bench", lines, 1, scan);
            long fileBytes = Files.size(scan);
            List<Map<String, Object>> rows = new ArrayList<>();

            // 1. parse and aggregate only, with the heap measured around it
            Runtime rt = Runtime.getRuntime();
            settle();
            long before = rt.totalMemory() - rt.freeMemory();
            ScanTree tree = new ScanTree(org.hpcusage.core.scan.ScanGenerator.defaultScanDate(), r -> { });
            long t0 = System.nanoTime();
            try (InputStream in = ScanImporter.open(scan)) {
                parser.parse(new ScanInput(scan.getFileName().toString(), in, ZoneOffset.UTC), tree);
            }
            double parseSeconds = (System.nanoTime() - t0) / 1e9;
            settle();
            long held = rt.totalMemory() - rt.freeMemory() - before;
            int paths = tree.pathsHeld();
            rows.add(row("lines", tree.entries() + tree.rejected(), "generated scan, " + fileBytes / (1 << 20) + " MiB"));
            rows.add(row("directories", tree.directoryCount(), ""));
            rows.add(row("parse + aggregate lines/s", Math.round((tree.entries() + tree.rejected()) / parseSeconds), "one thread"));
            rows.add(row("heap per directory (bytes)", paths == 0 ? 0 : held / paths, "live heap after the pass / paths held"));
            tree = null;

            // 2. end to end into SQLite; CPU time too, since the machine may be shared
            Path db = work.resolve("bench.db");
            long cpu0 = cpuNanos();
            ScanImporter.Result r = new ScanImporter().importFile(scan, parser, "bench", DatabaseTarget.sqlite(db),
                    ZoneOffset.UTC, HostAccounts.none(), x -> { });
            double total = r.parseSeconds() + r.writeSeconds();
            double cpu = (cpuNanos() - cpu0) / 1e9;
            rows.add(row("import lines/s (end to end)", Math.round(r.lines() / total),
                    String.format("%.2f s: read %.2f s, write %.2f s", total, r.parseSeconds(), r.writeSeconds())));
            rows.add(row("import lines per CPU second", Math.round(r.lines() / cpu),
                    String.format("%.2f s CPU, all threads (JIT and GC included)", cpu)));
            rows.add(row("store bytes per directory", Files.size(db) / Math.max(1, r.directories()), Files.size(db) / (1 << 20) + " MiB"));

            // 3. queries
            queries(db, "bench", rows);
            Report report = Report.builder("fs_bench").field("format", parser.format()).field("work_dir", work.toString())
                    .columns(List.of(new Column("measure", "Measure", 40, "s"), new Column("value", "Value", 14, ""),
                            new Column("note", "Note", 0, "s")))
                    .rows(rows).build();
            FsQueryCommand.write(ctx, ctx.format(OutputFormat.TABLE), report);
            return 0;
        } finally {
            if (temp) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Times unscoped and scoped queries (best of three) on a store. */
    private static void queries(Path db, String collection, List<Map<String, Object>> rows) throws Exception {
        try (ScanReader reader = ScanReader.sqlite(db, collection)) {
            ScanQueries q = new ScanQueries(reader);
            DirectoryQuery top = new DirectoryQuery(null, null, false, null, null, List.of(), List.of(), 50, "size", null,
                    null, false, false, List.of(), false, 0L, null, null, null, null, null);
            rows.add(row("query: top 50 by size (ms)", millis(() -> q.directories(top)), "unscoped"));
            rows.add(row("query: owner summary (ms)", millis(() -> q.ownerSummary(false, null, null, List.of(), 0, "size")), "unscoped, summary table"));
            rows.add(row("analyze: access histogram (ms)", millis(() -> q.histogram(false, null, List.of(), null, null)), "unscoped, histogram table"));
            DirectoryQuery big = new DirectoryQuery(null, null, false, null, null, List.of(), List.of(), 50, "files", null,
                    null, false, false, List.of(), false, 1L << 30, null, null, null, null, null);
            rows.add(row("query: top 50 by files, >= 1 GiB (ms)", millis(() -> q.directories(big)), "the default --min-size"));
            for (String sort : List.of("atime", "dirs_nr")) {
                DirectoryQuery rare = new DirectoryQuery(null, null, false, null, null, List.of(), List.of(), 50, sort, null,
                        null, false, false, List.of(), false, 1L << 30, null, null, null, null, null);
                long first = System.nanoTime();
                q.directories(rare);
                rows.add(row("query: top 50 by " + sort + ", first (ms)", (System.nanoTime() - first) / 1_000_000,
                        "builds its index when the store has none"));
                rows.add(row("query: top 50 by " + sort + " (ms)", millis(() -> q.directories(rare)), ">= 1 GiB"));
            }
            int level2 = reader.rootDepth() + 1; // the biggest directory just below the collection root
            String biggest = (String) q.directories(new DirectoryQuery(level2, level2, false, null, null, List.of(), List.of(), 1,
                    "size", null, null, false, false, List.of(), false, 0L, null, null, null, null, null)).get(0).get("path");
            List<String> scope = List.of(biggest);
            rows.add(row("query: top 50 in scope (ms)", millis(() -> q.directories(top.withPrefixes(scope))), biggest));
            rows.add(row("query: owner summary in scope (ms)", millis(() -> q.ownerSummary(false, null, null, scope, 0, "size")), biggest));
            rows.add(row("analyze: access histogram in scope (ms)", millis(() -> q.histogram(false, null, scope, null, null)), biggest));
            ScanQueries walk = new ScanQueries(reader, true);
            rows.add(row("same, recursive walk (ms)", millis(() -> walk.histogram(false, null, scope, null, null)), "no ancestor columns"));
        }
    }

    private interface Timed {
        Object run() throws Exception;
    }

    /** Best of three runs, in milliseconds (the first also warms the page cache). */
    private static long millis(Timed t) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long s = System.nanoTime();
            t.run();
            best = Math.min(best, (System.nanoTime() - s) / 1_000_000);
        }
        return best;
    }

    private static Map<String, Object> row(String measure, long value, String note) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measure", measure);
        row.put("value", value);
        row.put("note", note);
        return row;
    }

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }
}
