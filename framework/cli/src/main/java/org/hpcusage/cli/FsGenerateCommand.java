package org.hpcusage.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.hpcusage.core.scan.ScanGenerator;
import org.hpcusage.spi.scan.ScanParser;

/** {@code fs generate}: a synthetic scan file in any writable scan format, for tests and benchmarks. */
final class FsGenerateCommand extends LeafCommand {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "Write a synthetic scan file (deep trees, skewed owners, realistic sizes and ages).";
    }

    @Override
    protected Options options() {
        return new Options()
                .addOption(opt("F", "scan-format", "NAME", "scan format to write (default gpfs)"))
                .addOption(opt(null, "lines", "N", "about N lines (default 1000000)"))
                .addOption(opt(null, "root", "PATH", "collection root (default /gpfs/csfs1/<collection>)"))
                .addOption(opt(null, "seed", "N", "random seed (default 1)"))
                .addOption(opt("o", "output", "FILE", "file to write (default 20260115_gen_synthetic.<format>.scan)"));
    }

    @Override
    protected String examples() {
        return "hpcusage fs generate --lines 20000000 -o /scratch/20260115_gen_big.list\n"
                + "hpcusage fs generate -F lustre --lines 100000 -o 20260115_desc1_demo.lfs-scan";
    }

    @Override
    protected int execute(Context ctx, CommandLine line) throws Exception {
        String format = line.getOptionValue("scan-format", "gpfs");
        Path out = Path.of(line.getOptionValue("output", "20260115_gen_synthetic." + format + ".scan"));
        long lines = intValue(line, "lines", 1_000_000, 1);
        long seed = intValue(line, "seed", 1, 0);
        String collection = org.hpcusage.core.scan.ScanNaming.collection(out.getFileName().toString());
        String root = line.getOptionValue("root", "/gpfs/csfs1/" + (collection == null ? "synthetic" : collection));
        ScanParser parser = FsImportCommand.parser(ctx, format, out);
        long n = write(parser, root, lines, seed, out);
        ctx.out().printf("Wrote %,d lines (%s) to %s%n", n, parser.format(), out);
        return 0;
    }

    static long write(ScanParser parser, String root, long lines, long seed, Path out) throws IOException {
        long[] count = {0};
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
            new ScanGenerator(root, ScanGenerator.defaultScanDate(), lines, seed).generate(e -> {
                try {
                    parser.write(e, w);
                    count[0]++;
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        } catch (UnsupportedOperationException e) {
            throw new UsageException(e.getMessage());
        }
        return count[0];
    }
}
