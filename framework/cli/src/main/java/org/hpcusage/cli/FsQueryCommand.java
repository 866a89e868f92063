package org.hpcusage.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.report.output.Column;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.scan.DirectoryQuery;
import org.hpcusage.core.scan.HostAccounts;
import org.hpcusage.core.scan.ScanArguments;
import org.hpcusage.core.scan.ScanQueries;
import org.hpcusage.core.scan.ScanReader;

/** {@code fs query [FILESYSTEM]}: directory listings, owner/group summaries, collection summaries. */
final class FsQueryCommand extends LeafCommand {
    @Override
    public String name() {
        return "query";
    }

    @Override
    public String summary() {
        return "List directories by size, files or age; or summarise per owner or group.";
    }

    @Override
    protected String arguments() {
        return "[FILESYSTEM|all]";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("d", "min-depth", "N", "depth >= N (absolute: number of '/' in the on-disk path)"))
                .addOption(opt(null, "max-depth", "N", "depth <= N"))
                .addOption(opt("s", "single-owner", null, "only directories whose whole subtree has one owner"))
                .addOption(opt("u", "owner", "UID|NAME", "only subtrees wholly owned by this user"))
                .addOption(opt(null, "mine", null, "owner = you"))
                .addOption(opt("g", "group", "GID|NAME", "only subtrees wholly in this group"))
                .addOption(opt(null, "mygroup", null, "group = your primary group"))
                .addOption(opt("P", "path-prefix", "PATH", "only this subtree (repeatable: any of them)"))
                .addOption(opt("E", "exclude", "PATH", "leave out this subtree (repeatable)"))
                .addOption(opt("n", "limit", "N", "at most N rows, 0 = all (default 50)"))
                .addOption(opt(null, "sort-by", "KEY", "size (default), size_nr, files, files_nr, dirs, dirs_nr, atime, path, depth"))
                .addOption(opt("o", "output", "FILE", "write the listing as TSV to FILE"))
                .addOption(opt(null, "accessed-before", "DATE", "newest access before DATE (YYYY-MM-DD, 3yrs, 6mo)"))
                .addOption(opt(null, "accessed-after", "DATE", "newest access after DATE"))
                .addOption(opt(null, "atime-non-recursive", null, "the date filters look at direct files only"))
                .addOption(opt("v", "verbose", null, "add the Depth column"))
                .addOption(opt(null, "leaves-only", null, "only directories without sub-directories"))
                .addOption(opt(null, "data-dir", "DIR", "folder of <collection>.db stores"))
                .addOption(opt(null, "summary", null, "per-collection totals only"))
                .addOption(opt("N", "name-pattern", "GLOB", "directory name matches GLOB (repeatable)"))
                .addOption(opt("i", "ignore-case", null, "name patterns ignore case"))
                .addOption(opt(null, "min-size", "SIZE", "total size >= SIZE (default 1GiB; 0 = any)"))
                .addOption(opt(null, "max-size", "SIZE", "total size <= SIZE"))
                .addOption(opt(null, "min-files", "COUNT", "files below >= COUNT"))
                .addOption(opt(null, "max-files", "COUNT", "files below <= COUNT"))
                .addOption(opt(null, "min-avg-size", "SIZE", "average size of direct files >= SIZE"))
                .addOption(opt(null, "max-avg-size", "SIZE", "average size of direct files < SIZE"))
                .addOption(opt(null, "group-by", "owner|group", "summarise per owner or group instead of listing"))
                .addOption(opt(null, "show-total", null, "add a totals row"))
                .addOption(opt(null, "dir-counts", null, "add the Dirs columns"));
    }

    @Override
    protected String examples() {
        return """
                hpcusage fs query asp --min-size 10TiB -d 4
                hpcusage fs query --min-size 0 -P /gpfs/csfs1/asp/userA --format json
                hpcusage fs query --group-by owner -n 20
                hpcusage fs query cisl --accessed-before 3yrs --sort-by atime -o stale.tsv
                hpcusage fs query --summary""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        HostAccounts host = HostAccounts.system();
        DirectoryQuery q = query(line, host);
        List<ScanReader> readers = FsCollections.open(ctx, line);
        try {
            FsNames names = new FsNames(readers, host);
            OutputFormat format = ctx.format(OutputFormat.TABLE);
            if (line.hasOption("summary")) {
                return summary(ctx, readers, format);
            }
            if (line.hasOption("group-by")) {
                return groupBy(ctx, line, readers, q, names, format);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ScanReader r : readers) {
                for (Map<String, Object> row : new ScanQueries(r).directories(q)) {
                    row.put("filesystem", r.collection());
                    rows.add(row);
                }
            }
            if (readers.size() > 1) {
                rows.sort(order(q.sortBy()));
                if (q.limit() > 0 && rows.size() > q.limit()) {
                    rows = new ArrayList<>(rows.subList(0, q.limit()));
                }
            }
            boolean dirCounts = line.hasOption("dir-counts");
            if (line.hasOption("output")) {
                writeTsv(Path.of(line.getOptionValue("output")), rows, dirCounts);
                ctx.out().println("Results written to " + line.getOptionValue("output"));
                return 0;
            }
            if (format == OutputFormat.TABLE) {
                header(ctx, readers);
                if (rows.isEmpty()) {
                    ctx.out().println("No directories found matching criteria.");
                    return 0;
                }
            }
            write(ctx, format, listing(rows, readers, names, format, line.hasOption("verbose"), dirCounts,
                    line.hasOption("leaves-only"), line.hasOption("show-total")));
            return 0;
        } finally {
            FsCollections.closeAll(readers);
        }
    }

    static DirectoryQuery query(CommandLine line, HostAccounts host) {
        try {
            Long owner = line.hasOption("mine") ? Long.valueOf(FsAnalyzeCommand.currentUid())
                    : line.hasOption("owner") ? FsNames.uidOf(line.getOptionValue("owner"), host) : null;
            Long group = line.hasOption("mygroup") ? Long.valueOf(FsAnalyzeCommand.currentGid())
                    : line.hasOption("group") ? FsNames.gidOf(line.getOptionValue("group"), host) : null;
            String sort = line.getOptionValue("sort-by", "size");
            if (!line.hasOption("group-by") && DirectoryQuery.orderBy(sort) == null) {
                throw new UsageException("--sort-by: unknown key '" + sort + "' (choose from "
                        + String.join(", ", DirectoryQuery.SORT_KEYS) + ")");
            }
            LocalDateTime now = LocalDateTime.now();
            return new DirectoryQuery(depth(line, "min-depth"), depth(line, "max-depth"), line.hasOption("single-owner"),
                    owner, group, values(line, "path-prefix"), values(line, "exclude"), intValue(line, "limit", 50, 0), sort,
                    line.hasOption("accessed-before") ? ScanArguments.date(line.getOptionValue("accessed-before"), now) : null,
                    line.hasOption("accessed-after") ? ScanArguments.date(line.getOptionValue("accessed-after"), now) : null,
                    line.hasOption("atime-non-recursive"), line.hasOption("leaves-only"), values(line, "name-pattern"),
                    line.hasOption("ignore-case"), ScanArguments.size(line.getOptionValue("min-size", "1GiB")),
                    size(line, "max-size"), count(line, "min-files"), count(line, "max-files"), size(line, "min-avg-size"),
                    size(line, "max-avg-size"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid value: " + e.getMessage());
        }
    }

    static Integer depth(CommandLine line, String option) {
        return line.hasOption(option) ? intValue(line, option, 0, 0) : null;
    }

    static List<String> values(CommandLine line, String option) {
        String[] v = line.getOptionValues(option);
        return v == null ? List.of() : List.of(v);
    }

    private static Long size(CommandLine line, String option) {
        return line.hasOption(option) ? ScanArguments.size(line.getOptionValue(option)) : null;
    }

    private static Long count(CommandLine line, String option) {
        return line.hasOption(option) ? ScanArguments.count(line.getOptionValue(option)) : null;
    }

    /** In-memory order for rows merged from several collections; the same keys as the SQL. */
    private static Comparator<Map<String, Object>> order(String key) {
        Comparator<Map<String, Object>> c = switch (key) {
            case "size_nr" -> desc("total_size_nr");
            case "files", "files_r" -> desc("file_count_r");
            case "files_nr" -> desc("file_count_nr");
            case "dirs", "dirs_r" -> desc("dir_count_r");
            case "dirs_nr" -> desc("dir_count_nr");
            // newest first, rows without a time last (D5: the reference sorts these by size)
            case "atime", "atime_r" -> Comparator.comparing((Map<String, Object> r) -> (String) r.get("max_atime_r"),
                    Comparator.nullsLast(Comparator.<String>reverseOrder()));
            case "path" -> Comparator.comparing((Map<String, Object> r) -> (Integer) r.get("depth"))
                    .thenComparing(r -> (String) r.get("path"));
            case "depth" -> Comparator.comparing((Map<String, Object> r) -> (Integer) r.get("depth")).reversed();
            default -> desc("total_size_r");
        };
        return c.thenComparing(r -> (String) r.get("filesystem")).thenComparing(r -> (Long) r.get("dir_id"));
    }

    private static Comparator<Map<String, Object>> desc(String key) {
        return Comparator.comparing((Map<String, Object> r) -> (Long) r.get(key)).reversed();
    }

    private static void header(Context ctx, List<ScanReader> readers) throws Exception {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (ScanReader r : readers) {
            if (r.scanDate() != null) {
                dates.add(r.scanDate());
            }
        }
        ctx.out().println("Filesystem Scan Database Query");
        ctx.out().println("Databases: " + String.join(", ", readers.stream().map(ScanReader::collection).toList()));
        if (dates.size() == 1) {
            ctx.out().println("Data from scan: " + dates.first());
        } else if (dates.size() > 1) {
            ctx.out().println("Scans from " + dates.first() + " to " + dates.last());
        }
        ctx.out().println("Note: this information is NOT real-time");
        ctx.out().println();
    }

    static List<String> scanDates(List<ScanReader> readers) throws Exception {
        TreeSet<String> dates = new TreeSet<>();
        for (ScanReader r : readers) {
            if (r.scanDate() != null) {
                dates.add(r.scanDate().toString());
            }
        }
        return List.copyOf(dates);
    }

    private static Report listing(List<Map<String, Object>> rows, List<ScanReader> readers, FsNames names, OutputFormat format,
                                  boolean verbose, boolean dirCounts, boolean leaves, boolean showTotal) throws Exception {
        boolean human = format == OutputFormat.TABLE || format == OutputFormat.MD || format == OutputFormat.DAT;
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("path", "Directory", 40, "s"));
        if (verbose || !human) {
            columns.add(new Column("depth", "Depth", 6, ""));
        }
        columns.add(new Column("total_size_r", "Size", 12, ""));
        if (!leaves || !human) {
            columns.add(new Column("total_size_nr", "Size (NR)", 12, ""));
        }
        columns.add(new Column("file_count_r", "Files", 10, ""));
        if (!leaves || !human) {
            columns.add(new Column("file_count_nr", "Files (NR)", 10, ""));
        }
        if (dirCounts || !human) {
            if (!leaves || !human) {
                columns.add(new Column("dir_count_r", "Dirs", 8, ""));
            }
            columns.add(new Column("dir_count_nr", "Dirs (NR)", 8, ""));
        }
        columns.add(new Column("max_atime_r", "Atime", 11, ""));
        if (!leaves || !human) {
            columns.add(new Column("max_atime_nr", "Atime (NR)", 11, ""));
        }
        columns.add(new Column("owner_uid", "Owner", 0, ""));
        List<Map<String, Object>> out = rows;
        if (human) {
            out = new ArrayList<>();
            for (Map<String, Object> r : rows) {
                Map<String, Object> h = new LinkedHashMap<>(r);
                h.put("total_size_r", ScanArguments.humanSize((Long) r.get("total_size_r")));
                h.put("total_size_nr", ScanArguments.humanSize((Long) r.get("total_size_nr")));
                h.put("file_count_r", String.format(Locale.ROOT, "%,d", (Long) r.get("file_count_r")));
                h.put("file_count_nr", String.format(Locale.ROOT, "%,d", (Long) r.get("file_count_nr")));
                h.put("max_atime_r", day((String) r.get("max_atime_r")));
                h.put("max_atime_nr", day((String) r.get("max_atime_nr")));
                h.put("owner_uid", names.owner((Long) r.get("owner_uid")));
                out.add(h);
            }
            if (showTotal && rows.size() > 1) {
                Map<String, Object> total = new LinkedHashMap<>();
                total.put("path", "Total:");
                total.put("total_size_r", ScanArguments.humanSize(sum(rows, "total_size_r")));
                total.put("total_size_nr", ScanArguments.humanSize(sum(rows, "total_size_nr")));
                total.put("file_count_r", String.format(Locale.ROOT, "%,d", sum(rows, "file_count_r")));
                total.put("file_count_nr", String.format(Locale.ROOT, "%,d", sum(rows, "file_count_nr")));
                out.add(total);
            }
        }
        return Report.builder("fs_directories")
                .field("filesystems", readers.stream().map(ScanReader::collection).toList())
                .field("scan_dates", scanDates(readers))
                .columns(columns).rows(out).build();
    }

    private static long sum(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToLong(r -> (Long) r.get(key)).sum();
    }

    private static String day(String stored) {
        return stored == null || stored.length() < 10 ? "N/A" : stored.substring(0, 10);
    }

    private static void writeTsv(Path file, List<Map<String, Object>> rows, boolean dirCounts) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("directory\tdepth\ttotal_size_r\ttotal_size_nr\tfile_count_r\tfile_count_nr\t"
                    + (dirCounts ? "dir_count_r\tdir_count_nr\t" : "") + "max_atime_r\tmax_atime_nr\towner_uid\n");
            for (Map<String, Object> r : rows) {
                StringBuilder sb = new StringBuilder();
                sb.append(r.get("path")).append('\t').append(r.get("depth")).append('\t').append(r.get("total_size_r"))
                        .append('\t').append(r.get("total_size_nr")).append('\t').append(r.get("file_count_r")).append('\t')
                        .append(r.get("file_count_nr")).append('\t');
                if (dirCounts) {
                    sb.append(r.get("dir_count_r")).append('\t').append(r.get("dir_count_nr")).append('\t');
                }
                Object owner = r.get("owner_uid");
                sb.append(day((String) r.get("max_atime_r"))).append('\t').append(day((String) r.get("max_atime_nr")))
                        .append('\t').append(owner == null ? "None" : owner).append('\n');
                w.write(sb.toString());
            }
        }
    }

    private static int groupBy(Context ctx, CommandLine line, List<ScanReader> readers, DirectoryQuery q, FsNames names,
                               OutputFormat format) throws Exception {
        String by = line.getOptionValue("group-by");
        if (!by.equals("owner") && !by.equals("group")) {
            throw new UsageException("--group-by: choose owner or group, not '" + by + "'");
        }
        boolean groups = by.equals("group");
        String sort = q.sortBy();
        if (!List.of("size", "files", "dirs").contains(sort)) {
            ctx.err().println("Warning: --sort-by '" + sort + "' not valid with --group-by " + by
                    + ". Using 'size' instead. Valid options: size, files, dirs");
            sort = "size";
        }
        if (line.hasOption("dir-counts")) {
            ctx.err().println("Warning: --dir-counts ignored with --group-by " + by);
        }
        boolean perCollection = line.hasOption("verbose") && readers.size() > 1;
        Map<String, long[]> merged = new LinkedHashMap<>();
        Map<String, Object[]> keys = new LinkedHashMap<>();
        for (ScanReader r : readers) {
            for (ScanQueries.OwnerRow row : new ScanQueries(r).ownerSummary(groups, q.minDepth(), q.maxDepth(),
                    q.pathPrefixes(), readers.size() > 1 ? 0 : q.limit(), sort)) {
                String key = perCollection ? row.id() + "\u0000" + r.collection() : Long.toString(row.id());
                long[] v = merged.computeIfAbsent(key, k -> new long[3]);
                v[0] += row.totalSize();
                v[1] += row.totalFiles();
                v[2] += row.directoryCount();
                keys.putIfAbsent(key, new Object[] {row.id(), readers.size() == 1 || perCollection ? r.collection() : null});
            }
        }
        int metric = switch (sort) {
            case "files" -> 1;
            case "dirs" -> 2;
            default -> 0;
        };
        List<String> order = new ArrayList<>(merged.keySet());
        order.sort(Comparator.comparing((String k) -> -merged.get(k)[metric]).thenComparing(k -> (Long) keys.get(k)[0])
                .thenComparing(k -> String.valueOf(keys.get(k)[1])));
        if (q.limit() > 0 && order.size() > q.limit()) {
            order = order.subList(0, q.limit());
        }
        boolean human = format == OutputFormat.TABLE || format == OutputFormat.MD || format == OutputFormat.DAT;
        String idKey = groups ? "owner_gid" : "owner_uid";
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, String> nameMap = new TreeMap<>();
        for (String k : order) {
            long id = (Long) keys.get(k)[0];
            long[] v = merged.get(k);
            Map<String, Object> row = new LinkedHashMap<>();
            String name = groups ? names.group(id) : names.user(id);
            nameMap.put(Long.toString(id), name);
            row.put(idKey, human ? name : id);
            row.put("total_size", human ? ScanArguments.humanSize(v[0]) : v[0]);
            row.put("total_files", human ? String.format(Locale.ROOT, "%,d", v[1]) : v[1]);
            row.put("directory_count", human ? String.format(Locale.ROOT, "%,d", v[2]) : v[2]);
            if (keys.get(k)[1] != null) {
                row.put("filesystem", keys.get(k)[1]);
            }
            rows.add(row);
        }
        if (format == OutputFormat.TABLE && rows.isEmpty()) {
            ctx.out().println(groups ? "No group data found." : "No owner data found.");
            return 0;
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(idKey, groups ? "Group" : "Owner", 16, "s"));
        if (perCollection) {
            columns.add(new Column("filesystem", "Filesystem", 12, "s"));
        }
        columns.add(new Column("total_size", "Total Size", 12, ""));
        columns.add(new Column("total_files", "Total Files", 12, ""));
        columns.add(new Column("directory_count", "Directories", 0, ""));
        write(ctx, format, Report.builder(groups ? "fs_group_summary" : "fs_owner_summary")
                .field("filesystems", readers.stream().map(ScanReader::collection).toList())
                .field("scan_dates", scanDates(readers))
                .field("name_map", nameMap)
                .columns(columns).rows(rows).build());
        return 0;
    }

    private static int summary(Context ctx, List<ScanReader> readers, OutputFormat format) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScanReader r : readers) {
            ScanQueries.Summary s = new ScanQueries(r).summary();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("filesystem", r.collection());
            row.put("total_directories", s.directories());
            row.put("root_directories", s.roots());
            row.put("total_files", s.files());
            row.put("total_size", s.size());
            row.put("max_depth", s.maxDepth());
            rows.add(row);
        }
        if (format == OutputFormat.TABLE) {
            for (Map<String, Object> row : rows) {
                ctx.out().println(row.get("filesystem") + ":");
                ctx.out().printf(Locale.ROOT, "  Total directories: %,d%n", (Long) row.get("total_directories"));
                ctx.out().printf(Locale.ROOT, "  Root directories: %,d%n", (Long) row.get("root_directories"));
                ctx.out().printf(Locale.ROOT, "  Total files (root): %,d%n", (Long) row.get("total_files"));
                ctx.out().println("  Total size (root): " + ScanArguments.humanSize((Long) row.get("total_size")));
                ctx.out().println("  Maximum depth: " + row.get("max_depth"));
            }
            return 0;
        }
        write(ctx, format, Report.builder("fs_summary").columns(List.of(new Column("filesystem", "Filesystem", 12, "s"),
                new Column("total_directories", "Directories", 12, ""), new Column("root_directories", "Roots", 6, ""),
                new Column("total_files", "Files", 12, ""), new Column("total_size", "Size", 16, ""),
                new Column("max_depth", "Max depth", 0, ""))).rows(rows).build());
        return 0;
    }

    static void write(Context ctx, OutputFormat format, Report report) throws Exception {
        ctx.reports().write(report, format, Path.of("."), report.kind());
    }
}
