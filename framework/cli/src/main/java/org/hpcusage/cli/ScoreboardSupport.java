package org.hpcusage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.hpcusage.core.scoreboard.Leaderboards;
import org.hpcusage.core.scoreboard.Privacy;
import org.hpcusage.spi.accounting.AccountingParser;

/** What the scoreboard commands share: the scoreboard root, privacy, failure tests. */
final class ScoreboardSupport {
    static Option rootOption() {
        return LeafCommand.opt(null, "root", "DIR",
                "scoreboard folder: published leaderboards, per-cluster state, config/optout.txt (default: $SLURM_SB_ROOT, "
                        + "then scoreboard.root of the site file)");
    }

    static Option machinesOption() {
        return LeafCommand.opt(null, "machines", "A,B", "machines to merge (default: every machine in the store)");
    }

    static Option minJobsOption() {
        return LeafCommand.opt(null, "min-jobs", "N", "hide users with fewer jobs in all time (default 3)");
    }

    private ScoreboardSupport() {
    }

    /** The root folder: --root, else $SLURM_SB_ROOT, else the site file's {@code scoreboard.root}. */
    static Path root(Context ctx, CommandLine line, boolean required) {
        String r = line.getOptionValue("root", System.getenv("SLURM_SB_ROOT"));
        if (r == null || r.isBlank()) {
            r = ctx.site().scoreboardRoot();
        }
        if (r == null || r.isBlank()) {
            if (required) {
                throw new UsageException("--root DIR is required (or set SLURM_SB_ROOT, or scoreboard.root in the site file)");
            }
            return null;
        }
        return Path.of(r);
    }

    static List<String> machines(CommandLine line) {
        String v = line.getOptionValue("machines");
        return v == null ? null : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The opt-out list ({@code <root>/config/optout.txt}) and the minimum job count. */
    static Privacy privacy(CommandLine line, Path root) {
        Set<String> optOut = root == null ? Set.of() : Privacy.readOptOut(root.resolve("config/optout.txt"));
        return new Privacy(optOut, LeafCommand.intValue(line, "min-jobs", Privacy.DEFAULT_MIN_JOBS, 0));
    }

    static Leaderboards compute(Context ctx, CommandLine line, Path root, Instant now) {
        return Leaderboards.compute(ctx.store().jobs(), now, machines(line), failures(ctx, root), privacy(line, root));
    }

    /**
     * Whether a status is a failure is the machine's parser's call. A machine's scheduler comes from
     * the site file, or from the scoreboard root where poll recorded it; for a machine known to
     * neither, failures are not counted and a warning says so once.
     */
    static BiPredicate<String, String> failures(Context ctx, Path root) {
        return failures(ctx, root, warning -> ctx.err().println("hpcusage: " + warning));
    }

    /** @param warn told once per machine whose scheduler is unknown */
    static BiPredicate<String, String> failures(Context ctx, Path root, Consumer<String> warn) {
        Map<String, AccountingParser> parsers = new HashMap<>();
        Set<String> warned = new HashSet<>();
        return (machine, status) -> {
            AccountingParser p = parsers.computeIfAbsent(machine, m -> parserOf(ctx, root, m));
            if (p == null) {
                if (warned.add(machine)) {
                    warn.accept("machine '" + machine + "' has no known scheduler (add it to the site file); "
                            + "its failed jobs are not counted");
                }
                return false;
            }
            return p.isFailure(status);
        };
    }

    private static AccountingParser parserOf(Context ctx, Path root, String machine) {
        String scheduler = ctx.machines().names().contains(machine) ? ctx.machines().definition(machine).scheduler() : null;
        if (scheduler == null && root != null) {
            scheduler = recordedScheduler(root, machine);
        }
        return scheduler == null || !ctx.extensions().parsers().has(scheduler) ? null : ctx.extensions().parsers().get(scheduler);
    }

    /** {@code <root>/clusters/<machine>/state/cluster.json}, written by poll: {"scheduler": "..."}. */
    static String recordedScheduler(Path root, String machine) {
        Path file = clusterState(root, machine).resolve("cluster.json");
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readString(file));
            return n.path("scheduler").isTextual() ? n.path("scheduler").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    static Option stdinOption() {
        return LeafCommand.opt(null, "stdin", null, "read standard input (the same as '-' or no FILE; the reference's flag)");
    }

    /** The input of parse and reduce: {@code [FILE|-]} or {@code --stdin}; null for standard input. */
    static Path input(CommandLine line) {
        var args = line.getArgList();
        if (args.size() > 1) {
            throw new UsageException("give one FILE, or '-' for standard input");
        }
        String a = args.isEmpty() ? "-" : args.get(0);
        if (line.hasOption("stdin") && !a.equals("-")) {
            throw new UsageException("--stdin and FILE '" + a + "' are both given");
        }
        return a.equals("-") ? null : Path.of(a);
    }

    static Path clusterState(Path root, String machine) {
        return root.resolve("clusters").resolve(machine).resolve("state");
    }
}
