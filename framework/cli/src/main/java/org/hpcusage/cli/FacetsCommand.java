package org.hpcusage.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.query.Dimension;
import org.hpcusage.core.query.JobFilter;
import org.hpcusage.core.report.JobQueryReports;
import org.hpcusage.core.report.output.Report;

/** {@code jobs facets} (reference §8.4): job counts per value of queue, QoS, exit status, user, project. */
final class FacetsCommand extends JobQueryCommand {
    @Override
    public String name() {
        return "facets";
    }

    @Override
    public String summary() {
        return "Job counts per value of queue, qos, exit_status, user or account (a filter does not narrow its own facet).";
    }

    @Override
    protected void addOptions(Options o) {
        o.addOption(opt(null, "facets", "DIMS", "comma-separated: queue, qos, exit_status, user, account (default queue,qos,exit_status)"))
                .addOption(opt(null, "no-self-exclude", null, "let each dimension's own filter narrow its counts too"))
                .addOption(opt(null, "limit", "N", "keep the top N values per facet"));
    }

    @Override
    protected String examples() {
        return """
                hpcusage jobs facets -m derecho --start-date 2026-01-01 --end-date 2026-01-31
                hpcusage jobs facets --queue gpu --facets queue,user --limit 10 --format json""";
    }

    @Override
    protected Report report(JobQueryReports reports, JobFilter filter, CommandLine line) {
        List<Dimension> dims = new ArrayList<>();
        for (String name : line.getOptionValue("facets", "queue,qos,exit_status").split(",")) {
            if (!name.isBlank()) {
                Dimension d = Dimension.parse(name);
                if (!dims.contains(d)) {
                    dims.add(d);
                }
            }
        }
        return reports.facets(filter, dims, !line.hasOption("no-self-exclude"), positive(line, "limit"));
    }
}
