package org.hpcusage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.scoreboard.BloomFilter;

/**
 * {@code scoreboard bloom stats}: a month's Bloom file of seen job ids, in the reference's format
 * and output (§3.6); like the reference, a missing file is created empty.
 */
final class ScoreboardBloomStatsCommand extends LeafCommand {

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String summary() {
        return "Show a cluster-month's Bloom filter of seen job ids (the reference's file format); creates it when missing.";
    }

    @Override
    protected Options options() {
        return new Options().addOption(ScoreboardSupport.rootOption())
                .addOption(opt("m", "cluster", "NAME", "cluster (required)"))
                .addOption(opt(null, "month", "YYYY-MM", "month (required)"))
                .addOption(opt(null, "expected-n", "N", "ids a new file is sized for (default 1000000)"))
                .addOption(opt(null, "p", "RATE", "target false-positive rate of a new file (default 0.0001)"));
    }

    @Override
    protected String examples() {
        return "hpcusage scoreboard bloom stats --root /depot/sb -m hammer --month 2025-08";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        Path root = ScoreboardSupport.root(ctx, line, true);
        String cluster = line.getOptionValue("cluster");
        String monthText = line.getOptionValue("month");
        if (cluster == null || monthText == null) {
            throw new UsageException("-m/--cluster and --month are required");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(monthText);
        } catch (DateTimeException e) {
            throw new UsageException("--month must be YYYY-MM, not '" + monthText + "'");
        }
        double p;
        try {
            p = Double.parseDouble(line.getOptionValue("p", "0.0001"));
        } catch (NumberFormatException e) {
            throw new UsageException("--p must be a number");
        }
        Path file = ScoreboardSupport.clusterState(root, cluster).resolve("seen").resolve(month + ".bloom");
        boolean created = !Files.exists(file);
        BloomFilter f;
        if (created) {
            f = BloomFilter.create(intValue(line, "expected-n", 1_000_000, 1), p);
            f.save(file);
        } else {
            f = BloomFilter.load(file);
        }
        Map<String, Object> out = new TreeMap<>();
        out.put("bytes", (f.m() + 7) / 8);
        out.put("created", created);
        out.put("fill_ratio", (double) f.filledBits() / f.m());
        out.put("filled_bits", f.filledBits());
        out.put("k", f.k());
        out.put("m", f.m());
        out.put("n", f.n());
        out.put("p_estimate", f.estimatedFalsePositiveRate());
        out.put("p_target", f.p());
        out.put("path", file.toAbsolutePath().toString());
        ctx.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        return 0;
    }
}
