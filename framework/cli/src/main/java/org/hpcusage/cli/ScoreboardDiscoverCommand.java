package org.hpcusage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.config.Machine;
import org.hpcusage.core.scoreboard.Discovery;
import org.hpcusage.spi.accounting.AccountingSource;

/**
 * {@code scoreboard discover}: new-user discovery and user-scoped back-fill for one cluster
 * (slurm-scoreboard.md §5.4), under the cluster's poll lock. Exit 0 when done or when nothing is
 * back-filled yet, 3 when a poll holds the lock.
 */
final class ScoreboardDiscoverCommand extends LeafCommand {
    @Override
    public String name() {
        return "discover";
    }

    @Override
    public String summary() {
        return "Find users in /home or the scheduler's user list that the store lacks, and back-fill their months.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "cluster", "NAME", "the cluster (machine), on its login node (required)"))
                .addOption(ScoreboardSupport.rootOption())
                .addOption(opt(null, "home", "DIR", "folder whose entries name users (default /home; 'none' to skip)"))
                .addOption(opt(null, "limit-users", "N", "new users to back-fill in this run (default 5)"))
                .addOption(opt(null, "scheduler", "NAME", "the cluster's scheduler when the site file does not say"))
                .addOption(ScoreboardRate.option());
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard discover -m hammer --root /depot/sb\n"
                + "17 3 * * * slurm-sb discover -m hammer --root /depot/sb --limit-users 20";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        String cluster = line.getOptionValue("cluster");
        if (cluster == null) {
            throw new UsageException("-m/--cluster is required");
        }
        Path root = ScoreboardSupport.root(ctx, line, true);
        int limit = intValue(line, "limit-users", 5, 1);
        String homeOption = line.getOptionValue("home", "/home");
        Path home = homeOption.equals("none") ? null : Path.of(homeOption);
        Machine machine = ScoreboardRate.apply(line,
                ctx.machines().resolveForImport(cluster, ScoreboardPollCommand.scheduler(ctx, line, cluster)));
        AccountingSource source = ctx.extensions().sources().get(machine.parser().scheduler());
        Discovery.Result r = new Discovery(ctx.store().jobs(), machine, source, root, home).run(limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status());
        out.put("cluster", cluster);
        out.put("known_user_count", r.knownUsers());
        out.put("home_users", r.homeUsers());
        out.put("sacct_users", r.schedulerUsers());
        out.put("new_users_found", r.newUsersFound());
        List<Map<String, Object>> processed = new ArrayList<>();
        r.processed().forEach((user, months) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("user", user);
            p.put("months_changed", months);
            processed.add(p);
        });
        out.put("new_users_processed", processed);
        (r.exitCode() == 0 ? ctx.out() : ctx.err()).println(new ObjectMapper().writeValueAsString(out));
        return r.exitCode();
    }
}
