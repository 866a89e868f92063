package org.hpcusage.plugin.slurm;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.hpcusage.spi.Settings;
import org.hpcusage.spi.accounting.AccountingGenerator;
import org.pf4j.Extension;

/**
 * Synthetic {@code sacct -P} output for one day (header, then each ended job's row followed by
 * its {@code .batch} and {@code .extern} steps), for benchmarks and examples. Skewed like a real
 * cluster: a Zipf law over 400 users, mostly small CPU jobs, one in ten with GPUs listed typed and
 * untyped, a mix of end states, ReqMem per CPU or per node, and a few pending and running rows
 * the parser must leave out. Times are UTC, as the sacct source asks for.
 */
@Extension
public final class SlurmAccountingGenerator implements AccountingGenerator {
    static final String HEADER = "JobID|JobName|User|Account|Partition|QOS|State|ElapsedRaw|AllocCPUS|NNodes|ReqMem"
            + "|MaxRSS|AveRSS|AllocTRES|Submit|Start|End";
    private static final int USERS = 400;
    private static final String[] STATES = {"COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED",
        "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED",
        "FAILED", "FAILED", "CANCELLED by 1001", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL"};
    private static final int[] CPUS = {1, 1, 1, 2, 4, 4, 8, 16, 32, 64, 128};
    private static final String[] NAMES = {"python", "train", "sim", "bash", "wrf", "lammps", "gromacs", "R", "matlab", "job"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Override
    public String scheduler() {
        return "slurm";
    }

    @Override
    public void writeUnit(String machine, LocalDate day, int jobs, long seed, Settings settings, Writer out) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        double[] zipf = zipf(USERS);
        long dayStart = day.toEpochDay() * 86_400;
        long firstId = day.toEpochDay() * 2_000_000L % 90_000_000L + 1_000_000L;
        StringBuilder b = new StringBuilder(512);
        out.write(HEADER);
        out.write('\n');
        for (int i = 0; i < jobs; i++) {
            long id = firstId + i;
            int u = pick(zipf, r.nextDouble());
            String user = "u" + Integer.toString(u * 7919 % 100_000, 36);
            String account = "acct" + (u % 37);
            int cpus = CPUS[r.nextInt(CPUS.length)];
            int nodes = cpus >= 64 && r.nextInt(3) == 0 ? 2 : 1;
            boolean gpu = r.nextInt(10) == 0;
            int gpus = gpu ? 1 << r.nextInt(3) : 0;
            long elapsed = (long) Math.min(86_400 * 2, Math.exp(r.nextDouble() * 11)); // 1 s .. ~17 h, skewed short
            long end = dayStart + r.nextLong(86_400);
            long start = end - elapsed;
            long submit = start - r.nextLong(3600);
            String state = STATES[r.nextInt(STATES.length)];
            boolean perCpu = r.nextBoolean();
            String reqMem = perCpu ? (1000 * (1 + r.nextInt(4))) + "Mc" : (4 << r.nextInt(5)) + "Gn";
            String tres = "billing=" + cpus + ",cpu=" + cpus + (gpu ? ",gres/gpu:a100=" + gpus + ",gres/gpu=" + gpus : "")
                    + ",mem=" + (cpus * 4) + "G,node=" + nodes;
            String partition = gpu ? "gpu" : cpus >= 64 ? "wide" : "cpu";
            String name = NAMES[u % NAMES.length];
            long rss = (long) (r.nextDouble() * cpus * 3_500);
            b.setLength(0);
            b.append(id).append('|').append(name).append('|').append(user).append('|').append(account).append('|')
                    .append(partition).append("|normal|").append(state).append('|').append(elapsed).append('|')
                    .append(cpus).append('|').append(nodes).append('|').append(reqMem).append("|||").append(tres).append('|')
                    .append(time(submit)).append('|').append(time(start)).append('|').append(time(end)).append('\n');
            for (String step : new String[] {"batch", "extern"}) {
                b.append(id).append('.').append(step).append('|').append(step).append("||").append(account).append("|||")
                        .append(state).append('|').append(elapsed).append('|').append(cpus).append('|').append(nodes)
                        .append("||").append(step.equals("batch") ? rss + "M" : "0").append('|')
                        .append(step.equals("batch") ? rss / 2 + "M" : "0").append("|cpu=").append(cpus).append('|')
                        .append(time(start)).append('|').append(time(start)).append('|').append(time(end)).append('\n');
            }
            out.append(b);
            if (i % 997 == 0) {
                // A job still pending and one running: sacct lists them, the parser leaves them out.
                out.write((id + 50_000_000L) + "|wait|" + user + "|" + account + "|cpu|normal|PENDING|0|1|1|1Gn|||cpu=1|"
                        + time(submit) + "|Unknown|Unknown\n");
                out.write((id + 60_000_000L) + "|live|" + user + "|" + account + "|cpu|normal|RUNNING|60|1|1|1Gn|||cpu=1|"
                        + time(submit) + "|" + time(start) + "|Unknown\n");
            }
        }
    }

    private static String time(long epoch) {
        return TIME.format(LocalDateTime.ofEpochSecond(epoch, 0, ZoneOffset.UTC));
    }

    private static double[] zipf(int n) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static int pick(double[] cumulative, double x) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
