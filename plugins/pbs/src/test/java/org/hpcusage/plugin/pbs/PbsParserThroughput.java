package org.hpcusage.plugin.pbs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingInput;
import org.hpcusage.spi.accounting.JobRecord;
import org.hpcusage.spi.accounting.JobSink;

/**
 * A rough throughput check, not a test (no timing assertions anywhere): writes generated day
 * files to a temporary directory, then parses them from disk (UTF-8 decoding included) several
 * times and prints End records per second. Run:
 * {@code java -cp target/classes:target/test-classes:<spi jar>:<pf4j jar> org.hpcusage.plugin.pbs.PbsParserThroughput [jobs] [rounds]}.
 */
public final class PbsParserThroughput {
    /** CPU time of this thread: wall time alone misleads on a machine shared with builds. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private PbsParserThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("pbs-throughput");
        Path[] files = new Path[2];
        String[] machines = {"derecho", "casper"};
        for (int i = 0; i < files.length; i++) {
            files[i] = dir.resolve(machines[i]);
            long t0 = System.nanoTime();
            try (Writer w = Files.newBufferedWriter(files[i], StandardCharsets.UTF_8)) {
                new PbsAccountingGenerator().writeUnit(machines[i], LocalDate.of(2026, 1, 29), jobs, 1, Settings.empty(), w);
            }
            System.out.printf("generated %s: %d E records, %.1f MB, %.0f ms%n", machines[i], jobs,
                    Files.size(files[i]) / 1e6, (System.nanoTime() - t0) / 1e6);
        }
        Settings settings = new NcarMachineCatalog().machines().get(0).parser();
        for (int round = 0; round < rounds; round++) {
            for (Path file : files) {
                long[] counts = new long[2];
                long cpu0 = CPU.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    new PbsAccountingParser().parse(new AccountingInput("x", file.toString(), reader, settings), new JobSink() {
                        @Override
                        public void accept(JobRecord job) {
                            counts[0]++;
                        }

                        @Override
                        public void reject(long line, String reason) {
                            counts[1]++;
                        }
                    });
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
                System.out.printf("round %d %-8s %d jobs, %d rejects: %.0f ms wall (%.0f E records/s, %.0f MB/s),"
                                + " %.0f ms cpu (%.0f E records/s)%n", round, file.getFileName(), counts[0], counts[1],
                        seconds * 1e3, counts[0] / seconds, Files.size(file) / 1e6 / seconds,
                        cpuSeconds * 1e3, counts[0] / cpuSeconds);
            }
        }
        for (Path file : files) {
            Files.delete(file);
        }
        Files.delete(dir);
    }
}
