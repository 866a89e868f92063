package org.hpcusage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.util.UserException;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingSource;

/**
 * {@code scoreboard sacct} (slurm-scoreboard.md §7.6, a debug command): one sacct call through the
 * sacct source, with its flags, rate limit, timeout and retries, printing sacct's lines. Step
 * rows and blank lines are dropped unless {@code --include-steps}. stdout holds sacct's lines
 * only; the one log line goes to stderr. Exit 1 when sacct fails after its retries.
 */
final class ScoreboardSacctCommand extends LeafCommand {
    // The sacct source's parameter names (plugins/slurm SacctSource).
    private static final String FIELDS = "sacct-fields";
    private static final String TIMEOUT = "sacct-timeout-seconds";
    private static final String RETRIES = "sacct-retries";

    @Override
    public String name() {
        return "sacct";
    }

    @Override
    public String summary() {
        return "Run sacct once as poll does (sacct -a -n -P -S -E -o [-u], rate-limited, with retries) and print its lines.";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("m", "cluster", "NAME", "the cluster (machine) to ask, on its login node (required)"))
                .addOption(opt(null, "since", "YYYY-MM-DD", "first day, inclusive (required)"))
                .addOption(opt(null, "until", "YYYY-MM-DD", "last day, exclusive (required)"))
                .addOption(opt(null, "include-steps", null, "keep step rows (123.batch, 123.0) and blank lines"))
                .addOption(opt(null, "header", null, "print the field names first (as sacct without -n), so parse and reduce "
                        + "read any --fields order"))
                .addOption(opt(null, "user", "NAME", "only this user's jobs (sacct -u)"))
                .addOption(opt(null, "fields", "A,B", "sacct -o field list (default: the site file's sacct-fields, else "
                        + "the reference's 13 fields)"))
                .addOption(ScoreboardRate.option())
                .addOption(opt(null, "timeout", "SECONDS", "per attempt (default: the site file's, else 120)"))
                .addOption(opt(null, "retries", "N", "attempts in all (default: the site file's, else 3)"))
                .addOption(opt(null, "root", "DIR", "scoreboard folder: the call takes its token from the rate-limit bucket "
                        + "poll uses, clusters/NAME/state/ratelimit (default: $SLURM_SB_ROOT; none: a bucket of this run only)"))
                .addOption(opt(null, "print", null, "accepted for the reference's scripts; the lines are always printed"));
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard sacct -m hammer --since 2025-08-01 --until 2025-09-01\n"
                + "slurm-sb sacct -m hammer --since 2025-08-01 --until 2025-08-02 --user alice --include-steps\n"
                + "slurm-sb sacct -m hammer --since 2025-08-01 --until 2025-09-01 | slurm-sb reduce -m hammer -";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        String cluster = line.getOptionValue("cluster");
        if (cluster == null) {
            throw new UsageException("-m/--cluster is required");
        }
        LocalDate since = day(line, "since");
        LocalDate until = day(line, "until");
        if (!until.isAfter(since)) {
            throw new UsageException("--until must be after --since");
        }
        Map<String, Object> overrides = new HashMap<>();
        if (line.hasOption("fields")) {
            String fields = line.getOptionValue("fields").strip();
            if (fields.isEmpty() || fields.contains(" ")) {
                throw new UsageException("--fields must be a comma-separated list of sacct fields, not '" + fields + "'");
            }
            overrides.put(FIELDS, fields);
        }
        if (line.hasOption("timeout")) {
            overrides.put(TIMEOUT, seconds(line.getOptionValue("timeout")));
        }
        if (line.hasOption("retries")) {
            overrides.put(RETRIES, intValue(line, "retries", 3, 1));
        }
        String user = line.getOptionValue("user");
        if (user != null && user.isBlank()) {
            throw new UsageException("--user must name a user");
        }
        Settings site = ctx.machines().names().contains(cluster) ? ctx.machines().definition(cluster).parser() : Settings.empty();
        Settings settings = ScoreboardRate.apply(line.getOptionValue("rate-per-min"), site, cluster, System::getenv)
                .overriddenBy(Settings.of(overrides));
        Path root = ScoreboardSupport.root(ctx, line, false);
        Path state = root == null ? null : ScoreboardSupport.clusterState(root, cluster);
        AccountingSource source = ctx.extensions().sources().get("slurm");

        Path target = Files.createTempFile("hpcusage-sacct", ".txt");
        try {
            long started = System.nanoTime();
            try {
                source.fetch(new AccountingSource.Request(cluster, since, until, user == null ? null : user.strip(), settings,
                        state), target);
            } catch (IOException e) {
                throw new UserException(e.getMessage());
            }
            String fields = settings.string(FIELDS, "JobID");
            int rows = print(ctx, target, line.hasOption("header"), line.hasOption("include-steps"), startsWithJobId(fields));
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("level", "INFO");
            log.put("phase", "sacct");
            log.put("cluster", cluster);
            log.put("start", since.toString());
            log.put("end", until.toString());
            log.put("rows", rows);
            log.put("duration_s", Math.round((System.nanoTime() - started) / 1e6) / 1e3);
            ctx.err().println(new ObjectMapper().writeValueAsString(log));
            return 0;
        } finally {
            Files.deleteIfExists(target);
        }
    }

    /**
     * Copies the fetched file to stdout, its first line (the source's header: the field names)
     * only when asked; unless {@code all}, without blank lines and, when the first field is the
     * job id, without step rows (a '.' in it), as the reference's adapter.
     */
    private static int print(Context ctx, Path file, boolean header, boolean all, boolean jobIdFirst) throws IOException {
        int rows = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String l = in.readLine();
            if (header && l != null) {
                ctx.out().println(l);
            }
            while ((l = in.readLine()) != null) {
                if (!all) {
                    int bar = l.indexOf('|');
                    if (l.isEmpty() || (jobIdFirst && (bar < 0 ? l : l.substring(0, bar)).indexOf('.') >= 0)) {
                        continue;
                    }
                }
                ctx.out().println(l);
                rows++;
            }
        }
        ctx.out().flush();
        return rows;
    }

    /**
     * Whether the first field is the job id: only then is a '.' in it a step. (The reference
     * filtered every output, so user names with a dot vanished from {@code -o User}, D15.)
     */
    private static boolean startsWithJobId(String fields) {
        int comma = fields.indexOf(',');
        String first = (comma < 0 ? fields : fields.substring(0, comma)).strip().toLowerCase(Locale.ROOT);
        return first.equals("jobid") || first.equals("jobidraw");
    }

    private static LocalDate day(CommandLine line, String option) {
        String v = line.getOptionValue(option);
        if (v == null) {
            throw new UsageException("--" + option + " YYYY-MM-DD is required");
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (java.time.DateTimeException e) {
            throw new UsageException("--" + option + " must be YYYY-MM-DD, not '" + v + "'");
        }
    }

    private static double seconds(String v) {
        try {
            double s = Double.parseDouble(v.strip());
            if (s > 0 && s <= 86_400 && !v.strip().chars().anyMatch(Character::isLetter)) {
                return s;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--timeout must be a number of seconds above 0 (at most 86400), not '" + v + "'");
    }
}
