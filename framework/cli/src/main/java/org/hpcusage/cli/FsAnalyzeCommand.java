package org.hpcusage.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.report.output.Column;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.scan.Buckets;
import org.hpcusage.core.scan.HostAccounts;
import org.hpcusage.core.scan.ScanArguments;
import org.hpcusage.core.scan.ScanQueries;
import org.hpcusage.core.scan.ScanReader;

/** {@code fs analyze [FILESYSTEM]}: access-age and file-size histograms with the top users per bucket. */
final class FsAnalyzeCommand extends LeafCommand {
    private static final String RULE = "=".repeat(80);

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "Access-age and file-size histograms, with the top users of each bucket.";
    }

    @Override
    protected String arguments() {
        return "[FILESYSTEM|all]";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt(null, "access-history", null, "histogram of access age"))
                .addOption(opt(null, "file-size", null, "histogram of file size"))
                .addOption(opt("u", "owner", "UID|NAME", "only this user's files"))
                .addOption(opt(null, "mine", null, "only your files"))
                .addOption(opt("P", "path-prefix", "PATH", "only this subtree (repeatable); computed per directory"))
                .addOption(opt("d", "min-depth", "N", "only directories at depth >= N; computed per directory"))
                .addOption(opt(null, "max-depth", "N", "only directories at depth <= N"))
                .addOption(opt(null, "data-dir", "DIR", "folder of <collection>.db stores"))
                .addOption(opt(null, "top-n", "N", "users listed per bucket (default 10)"));
    }

    @Override
    protected String examples() {
        return """
                hpcusage fs analyze --access-history
                hpcusage fs analyze asp --file-size -u alice
                hpcusage fs analyze --access-history -P /gpfs/csfs1/asp/projectX --format json""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        boolean access = line.hasOption("access-history");
        boolean size = line.hasOption("file-size");
        if (!access && !size) {
            ctx.out().println("No analysis option specified.");
            ctx.out().println("Try: hpcusage fs analyze --access-history");
            ctx.out().println("     hpcusage fs analyze --file-size");
            ctx.out().println("Use --help for more options");
            return 0;
        }
        HostAccounts host = HostAccounts.system();
        Long owner = line.hasOption("mine") ? Long.valueOf(currentUid())
                : line.hasOption("owner") ? FsNames.uidOf(line.getOptionValue("owner"), host) : null;
        List<String> prefixes = FsQueryCommand.values(line, "path-prefix");
        Integer minDepth = FsQueryCommand.depth(line, "min-depth");
        Integer maxDepth = FsQueryCommand.depth(line, "max-depth");
        int topN = intValue(line, "top-n", 10, 1);
        List<ScanReader> readers = FsCollections.open(ctx, line);
        try {
            FsNames names = new FsNames(readers, host);
            OutputFormat format = ctx.format(OutputFormat.TABLE);
            String directory = readers.size() > 1 ? "All filesystems" : prefixes.size() > 1 ? "Multiple paths"
                    : prefixes.size() == 1 ? prefixes.get(0) : "/" + readers.get(0).collection();
            for (boolean bySize : access && size ? new boolean[] {false, true} : new boolean[] {size}) {
                ScanQueries.Histogram total = null;
                LocalDate reference = null;
                for (ScanReader r : readers) {
                    ScanQueries.Histogram h = new ScanQueries(r).histogram(bySize, owner, prefixes, minDepth, maxDepth);
                    if (r.scanDate() != null && (reference == null || r.scanDate().isAfter(reference))) {
                        reference = r.scanDate();
                    }
                    if (h == null) {
                        continue;
                    }
                    if (total == null) {
                        total = h;
                    } else {
                        total.addAll(h);
                    }
                }
                if (total == null) {
                    ctx.out().println("Warning: No scan dates found in any database");
                    return 0;
                }
                if (format == OutputFormat.TABLE) {
                    render(ctx.out(), total, bySize, reference, directory, names, topN);
                } else {
                    FsQueryCommand.write(ctx, format, report(total, bySize, reference, directory, names, topN, readers));
                }
            }
            return 0;
        } finally {
            FsCollections.closeAll(readers);
        }
    }

    private static Report report(ScanQueries.Histogram h, boolean bySize, LocalDate scanDate, String directory,
                                 FsNames names, int topN, List<ScanReader> readers) {
        List<String> labels = bySize ? Buckets.SIZE_LABELS : Buckets.ACCESS_LABELS;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < Buckets.COUNT; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("bucket_index", i);
            row.put("bucket", labels.get(i));
            row.put("data", h.bytes[i]);
            row.put("files", h.files[i]);
            List<Map<String, Object>> owners = new ArrayList<>();
            for (Map.Entry<Long, long[]> e : topOwners(h.owners.get(i), topN)) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("uid", e.getKey());
                o.put("user", names.user(e.getKey()));
                o.put("data", e.getValue()[1]);
                o.put("files", e.getValue()[0]);
                owners.add(o);
            }
            row.put("owners", owners);
            rows.add(row);
        }
        return Report.builder(bySize ? "fs_file_size" : "fs_access_history")
                .field("filesystems", readers.stream().map(ScanReader::collection).toList())
                .field("scan_date", scanDate == null ? null : scanDate.toString())
                .field("directory", directory)
                .field("fast_path", h.fast)
                .field("approximate", h.approximate)
                .field("total_data", sum(h.bytes))
                .field("total_files", sum(h.files))
                .field("top_n", topN)
                .columns(List.of(new Column("bucket", "Bucket", 20, "s"), new Column("data", "Data", 16, ""),
                        new Column("files", "# Files", 0, "")))
                .rows(rows).build();
    }

    private static List<Map.Entry<Long, long[]>> topOwners(Map<Long, long[]> owners, int topN) {
        List<Map.Entry<Long, long[]>> list = new ArrayList<>(owners.entrySet());
        list.sort((a, b) -> a.getValue()[1] != b.getValue()[1] ? Long.compare(b.getValue()[1], a.getValue()[1])
                : Long.compare(a.getKey(), b.getKey()));
        return list.size() > topN ? list.subList(0, topN) : list;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    /** The reference's text layout (§6.6): totals per bucket, then the top users of each. */
    private static void render(PrintStream out, ScanQueries.Histogram h, boolean bySize, LocalDate scanDate,
                               String directory, FsNames names, int topN) {
        List<String> labels = bySize ? Buckets.SIZE_LABELS : Buckets.ACCESS_LABELS;
        long totalBytes = sum(h.bytes);
        long totalFiles = sum(h.files);
        out.println(RULE);
        out.println(bySize ? (h.approximate ? "File Size Distribution (Approximate)" : "File Size Distribution")
                : "Access Time Distribution");
        out.println("Scan date: " + (scanDate == null ? "N/A" : scanDate));
        out.println("Directory: " + directory);
        out.println("Total Files: " + count(totalFiles));
        out.println("Total Data: " + ScanArguments.humanSize(totalBytes));
        if (!h.fast && !bySize) {
            out.println("Note: computed per directory from the newest file of each (path or depth filter)");
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-20s%15s%9s%15s", "Bucket", "Data", "", "# Files"));
        out.println(RULE);
        for (int i = 0; i < Buckets.COUNT; i++) {
            out.println(String.format(Locale.ROOT, "%-20s%15s (%5.2f%%)%15s (%5.2f%%)", labels.get(i),
                    ScanArguments.humanSize(h.bytes[i]), pct(h.bytes[i], totalBytes), count(h.files[i]), pct(h.files[i], totalFiles)));
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-20s%15s%9s%15s", "User Data per Bucket", "Data", "", "# Files"));
        out.println(RULE);
        boolean first = true;
        for (int i = 0; i < Buckets.COUNT; i++) {
            if (h.bytes[i] == 0) {
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            out.println(String.format(Locale.ROOT, "%-20s%15s%9s%15s", labels.get(i) + ":", ScanArguments.humanSize(h.bytes[i]),
                    "", count(h.files[i])));
            List<Map.Entry<Long, long[]>> top = topOwners(h.owners.get(i), topN);
            int rank = 1;
            for (Map.Entry<Long, long[]> e : top) {
                out.println(String.format(Locale.ROOT, "  %2d. %-14s%15s (%5.2f%%)%15s (%5.2f%%)", rank++, names.user(e.getKey()),
                        ScanArguments.humanSize(e.getValue()[1]), pct(e.getValue()[1], h.bytes[i]), count(e.getValue()[0]),
                        pct(e.getValue()[0], h.files[i])));
            }
            if (h.owners.get(i).size() > top.size()) {
                out.println("  [..." + (h.owners.get(i).size() - top.size()) + " more users...]");
            }
        }
        out.println(RULE);
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0.0 : 100.0 * part / whole;
    }

    /** 1000 → "1.0 K", 2500000 → "2.5 M", below 1000 the plain number. */
    static String count(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", n / 1e6);
        }
        if (n >= 1000) {
            return String.format(Locale.ROOT, "%.1f K", n / 1e3);
        }
        return String.format(Locale.ROOT, "%,d", n);
    }

    static long currentUid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }

    static long currentGid() {
        return new com.sun.security.auth.module.UnixSystem().getGid();
    }
}
