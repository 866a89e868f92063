package org.hpcusage.cli;

import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.query.JobFilter;
import org.hpcusage.core.query.SearchColumn;
import org.hpcusage.core.query.SearchOptions;
import org.hpcusage.core.report.JobQueryReports;
import org.hpcusage.core.report.output.Report;

/**
 * {@code jobs search} (reference §7.5): one row per job, newest end first. {@code --display}
 * beats {@code -v}, which beats the default columns. Beyond the reference: {@code --offset},
 * {@code --sort-by}, {@code --sort-dir} (the API's paging and sorting) and {@code --count}.
 */
final class SearchCommand extends JobQueryCommand {
    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "List jobs matching filters, one row per job (or just count them with --count).";
    }

    @Override
    protected void addOptions(Options o) {
        o.addOption(opt("v", "verbose", null, "show all columns"))
                .addOption(opt(null, "display", "KEYS", "comma-separated column keys (overrides -v)"))
                .addOption(opt(null, "limit", "N", "at most N rows"))
                .addOption(opt(null, "offset", "N", "skip the first N rows"))
                .addOption(opt(null, "sort-by", "KEY", "sort by this column key (default: end, newest first)"))
                .addOption(opt(null, "sort-dir", "DIR", "asc or desc (default desc; with --sort-by)"))
                .addOption(opt(null, "count", null, "print only the number of matching jobs"));
    }

    @Override
    protected String examples() {
        return """
                hpcusage jobs search -m derecho --user alice --start-date 2026-01-01 --end-date 2026-01-31
                hpcusage jobs search --job-id 6049117 -v            (the job, its array parent and every element)
                hpcusage jobs search -N 'wrf*' -i --min-gpus 1 --display job_id,user,numgpus,gpu_hours,gpu_charges
                hpcusage jobs search --queue main --max-memory-wasted-gb=-1 --sort-by memory --limit 20 --format csv
                jobhist-search --project UCSD0047 --count""";
    }

    @Override
    protected Report report(JobQueryReports reports, JobFilter filter, CommandLine line) {
        if (line.hasOption("count")) {
            return reports.count(filter);
        }
        SearchOptions options = SearchOptions.defaults();
        if (line.hasOption("display")) {
            options = options.withColumns(SearchColumn.parseList(line.getOptionValue("display")));
        } else if (line.hasOption("verbose")) {
            options = options.withColumns(SearchColumn.all());
        }
        Integer limit = positive(line, "limit");
        Integer offset = line.hasOption("offset") ? intValue(line, "offset", 0, 0) : null;
        options = options.withPage(limit, offset);
        String sortBy = line.getOptionValue("sort-by");
        String dir = line.getOptionValue("sort-dir");
        if (sortBy != null) {
            SearchColumn column = SearchColumn.byKey(sortBy.trim().toLowerCase(Locale.ROOT));
            if (column == null) {
                throw new UsageException("--sort-by: unknown column '" + sortBy + "'");
            }
            String d = dir == null ? "desc" : dir.trim().toLowerCase(Locale.ROOT);
            if (!d.equals("asc") && !d.equals("desc")) {
                throw new UsageException("--sort-dir must be asc or desc, not '" + dir + "'");
            }
            options = options.sortedBy(column, d.equals("asc"));
        } else if (dir != null) {
            throw new UsageException("--sort-dir needs --sort-by");
        }
        return reports.search(filter, options);
    }
}
