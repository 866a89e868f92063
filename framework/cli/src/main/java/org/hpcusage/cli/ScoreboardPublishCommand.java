package org.hpcusage.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.scoreboard.Publisher;

/** {@code scoreboard publish}: every leaderboard as JSON under the root, for readers without the store. */
final class ScoreboardPublishCommand extends LeafCommand {

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public String summary() {
        return "Write every leaderboard (3 windows x 6 metrics) as JSON under ROOT/leaderboards, atomically and world-readable.";
    }

    @Override
    protected Options options() {
        return new Options().addOption(ScoreboardSupport.rootOption()).addOption(ScoreboardSupport.machinesOption())
                .addOption(ScoreboardSupport.minJobsOption());
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard publish --root /depot/cms/top/awildrid/SlurmScoreboard";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        Path root = ScoreboardSupport.root(ctx, line, true);
        Instant now = Instant.now();
        List<Path> files = Publisher.publish(ScoreboardSupport.compute(ctx, line, root, now), root, now);
        ctx.out().println("Published " + files.size() + " leaderboard files under " + root.resolve("leaderboards"));
        return 0;
    }
}
