package org.hpcusage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingSource;

/**
 * {@code scoreboard probe}: can a poller run here? The scheduler command is found and executable
 * (never run), the root is writable. Exit 0 ok, 2 a source cannot run, 3 the root is not
 * writable (the reference's codes, §7.6).
 */
final class ScoreboardProbeCommand extends LeafCommand {

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "Check that a poller can run here: the scheduler's command (e.g. sacct) and a writable root.";
    }

    @Override
    protected Options options() {
        return new Options().addOption(ScoreboardSupport.rootOption())
                .addOption(opt("m", "cluster", "NAME", "check this cluster's source settings from the site file"))
                .addOption(opt(null, "json", null, "print the report as JSON"));
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard probe --root /depot/sb\nslurm-sb probe --root /depot/sb --json";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) {
        Path root = ScoreboardSupport.root(ctx, line, true);
        String cluster = line.getOptionValue("cluster");
        Settings settings = cluster != null && ctx.machines().names().contains(cluster)
                ? ctx.machines().definition(cluster).parser() : Settings.empty();
        Map<String, Object> sources = new LinkedHashMap<>();
        boolean sourcesOk = true;
        for (Map.Entry<String, AccountingSource> e : ctx.extensions().sources().all().entrySet()) {
            List<String> problems = e.getValue().problems(settings);
            sources.put(e.getKey(), problems.isEmpty() ? "ok" : String.join("; ", problems));
            sourcesOk &= problems.isEmpty();
        }
        String rootProblem = writable(root);
        int exit = !sourcesOk ? 2 : rootProblem != null ? 3 : 0;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("root", root.toAbsolutePath().toString());
        report.put("root_writable", rootProblem == null ? "ok" : rootProblem);
        report.put("sources", sources);
        report.put("user", System.getProperty("user.name")); // the JVM knows the account even without $USER (D16)
        report.put("exit_code", exit);
        if (line.hasOption("json")) {
            try {
                ctx.out().println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            ctx.out().println("Scoreboard probe");
            report.forEach((k, v) -> ctx.out().println("  " + k + ": " + v));
        }
        return exit;
    }

    private static String writable(Path root) {
        try {
            Files.createDirectories(root);
            Path test = Files.createTempFile(root, ".probe_write_test", "");
            Files.delete(test);
            return null;
        } catch (IOException | SecurityException e) {
            return "not writable: " + e.getMessage();
        }
    }
}
