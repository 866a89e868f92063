package org.hpcusage.cli;

import java.nio.file.Path;
import java.time.Instant;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.report.output.OutputFormat;
import org.hpcusage.core.report.output.Report;
import org.hpcusage.core.scoreboard.LeaderboardReport;
import org.hpcusage.core.scoreboard.Leaderboards;
import org.hpcusage.core.scoreboard.Metric;
import org.hpcusage.core.scoreboard.Window;
import org.hpcusage.core.util.UserException;

/** {@code scoreboard show}: one leaderboard from the store, as a table or any --format. */
final class ScoreboardShowCommand extends LeafCommand {

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String summary() {
        return "Show a leaderboard merged across every machine: rank, user and every metric, sorted by one.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt(null, "window", "W", "alltime (default), 30d or 365d: jobs that ended in the last 30 or 365 days"))
                .addOption(opt(null, "metric", "M", "clock_hours (default), elapsed_hours, gpu_clock_hours, gpu_elapsed_hours, "
                        + "failed_jobs or jobs"))
                .addOption(ScoreboardSupport.machinesOption())
                .addOption(ScoreboardSupport.rootOption())
                .addOption(ScoreboardSupport.minJobsOption());
    }

    @Override
    protected String examples() {
        return """
                hpcusage scoreboard show --window 30d --metric gpu_clock_hours
                hpcusage scoreboard show --machines hammer,negishi,derecho --root /depot/sb --format json""";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        Window window;
        Metric metric;
        try {
            window = Window.of(line.getOptionValue("window", "alltime"));
            metric = Metric.of(line.getOptionValue("metric", "clock_hours"));
        } catch (UserException e) {
            throw new UsageException(e.getMessage()); // a bad option value: exit 2 and the help hint
        }
        Path root = ScoreboardSupport.root(ctx, line, false);
        Leaderboards boards = ScoreboardSupport.compute(ctx, line, root, Instant.now());
        Report report = LeaderboardReport.of(boards, window, metric);
        ctx.reports().write(report, ctx.format(OutputFormat.TABLE), Path.of("."), "leaderboard_" + window.key() + "_" + metric.key());
        return 0;
    }
}
