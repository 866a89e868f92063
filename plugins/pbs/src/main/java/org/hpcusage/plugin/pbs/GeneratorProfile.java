package org.hpcusage.plugin.pbs;

import java.util.List;
import java.util.Locale;

/**
 * What a synthetic machine looks like to {@link PbsAccountingGenerator}: its job-id host, login
 * hosts, queues and their shapes. The two profiles copy what the NCAR samples show: Derecho (whole
 * 128-core nodes, energy counters, ~1.4 KB End records) and Casper (shared nodes, many small
 * high-throughput jobs, no priorities, ~0.8 KB End records).
 */
enum GeneratorProfile {
    DERECHO("desched1", true, new String[] {"derecho1.hsn.de.hpc.ucar.edu", "derecho4.hsn.de.hpc.ucar.edu", "derecho6.hsn.de.hpc.ucar.edu"},
            List.of(
                    // name, weight, routing, node prefix/count, cores, gpus, GB per node, exclusive, max walltime
                    QueueShape.exclusive("cpu", 46, "main", "dec", 2488, 128, 0, 235, 43200)
                            .priorities("regular", 52, "economy", 41, "premium", 7).preempt("QUEUE=pcpu"),
                    QueueShape.shared("cpudev", 38, "main", "dec", 2488, 128, 0, 21600,
                            new int[] {1, 2, 4, 8, 16, 32, 64, 128}, new int[] {30, 12, 10, 10, 10, 10, 8, 10},
                            new int[] {4, 10, 16, 32, 64, 100, 235})
                            .priorities("none", 1).preempt("None"),
                    QueueShape.exclusive("gpu", 6, "main", "deg", 82, 64, 4, 480, 43200)
                            .priorities("regular", 60, "economy", 25, "premium", 15).preempt("QUEUE=pgpu").mps(),
                    QueueShape.shared("gpudev", 3, "main", "deg", 82, 64, 4, 21600,
                            new int[] {4, 8, 16, 32, 64}, new int[] {20, 30, 20, 15, 15},
                            new int[] {30, 60, 120, 240, 480})
                            .priorities("none", 1).preempt("None").mps(),
                    QueueShape.exclusive("pcpu", 5, "main", "dec", 2488, 128, 0, 235, 86400)
                            .priorities("economy", 1).preempt("None"),
                    QueueShape.exclusive("pgpu", 2, "main", "deg", 82, 64, 4, 480, 86400)
                            .priorities("economy", 1).preempt("None").mps())),
    CASPER("casper-pbs", false, new String[] {"casper-login1.hpc.ucar.edu", "casper-login2.hpc.ucar.edu", "crhtc65.hpc.ucar.edu"},
            List.of(
                    QueueShape.shared("htc", 76, "cpu", "crhtc", 72, 62, 0, 86400,
                            new int[] {1, 2, 4, 8, 16, 36}, new int[] {55, 10, 12, 10, 6, 7},
                            new int[] {1, 4, 10, 20, 40, 80, 100}).place("free").mpsZero(),
                    QueueShape.shared("gdex", 6, "cpu", "casper", 99, 36, 0, 21600,
                            new int[] {1, 2}, new int[] {90, 10}, new int[] {1, 2, 4}),
                    QueueShape.shared("largemem", 4, "cpu", "casper", 99, 36, 0, 86400,
                            new int[] {1, 4, 8, 36}, new int[] {40, 20, 20, 20}, new int[] {200, 300, 500, 700}),
                    QueueShape.shared("vis", 2, "cpu", "casper", 99, 36, 0, 14400,
                            new int[] {1, 2, 4}, new int[] {50, 30, 20}, new int[] {10, 20, 40}),
                    QueueShape.shared("rda", 1, "cpu", "casper", 99, 36, 0, 86400,
                            new int[] {1}, new int[] {1}, new int[] {4, 10}),
                    QueueShape.shared("nvgpu", 3, "gpgpu", "casper", 99, 36, 4, 43200,
                            new int[] {1, 4, 8, 36}, new int[] {30, 30, 20, 20}, new int[] {40, 100, 360}),
                    QueueShape.shared("a100", 3, "gpgpu", "casper-a100-", 10, 64, 4, 43200,
                            new int[] {4, 16, 64}, new int[] {40, 40, 20}, new int[] {100, 240, 470}).gpuType("a100"),
                    QueueShape.shared("h100", 1, "gpgpu", "casper-h100-", 8, 128, 4, 43200,
                            new int[] {8, 32, 128}, new int[] {40, 40, 20}, new int[] {200, 480, 960}).gpuType("h100"),
                    QueueShape.shared("l40", 1, "gpgpu", "casper-l40-", 8, 48, 2, 43200,
                            new int[] {4, 16, 48}, new int[] {40, 40, 20}, new int[] {60, 240, 480}).gpuType("l40"),
                    QueueShape.shared("jhublogin", 3, "cpu", "crhtc", 72, 62, 0, 43200,
                            new int[] {1, 2, 4}, new int[] {70, 20, 10}, new int[] {4, 10, 20}).place("free")));

    final String host;
    /** Derecho writes per-node energy counters into every End record. */
    final boolean energy;
    final String[] loginHosts;
    final List<QueueShape> queues;
    final int totalWeight;

    GeneratorProfile(String host, boolean energy, String[] loginHosts, List<QueueShape> queues) {
        this.host = host;
        this.energy = energy;
        this.loginHosts = loginHosts;
        this.queues = queues;
        this.totalWeight = queues.stream().mapToInt(q -> q.weight).sum();
    }

    /** Casper-like for a machine whose name says casper, Derecho-like for any other. */
    static GeneratorProfile forMachine(String machine) {
        return machine != null && machine.toLowerCase(Locale.ROOT).contains("casper") ? CASPER : DERECHO;
    }

    /** The job-id suffix: the machine's PBS server. */
    String host(String machine) {
        if (machine == null || machine.isEmpty() || machine.equalsIgnoreCase("derecho") || machine.equalsIgnoreCase("casper")) {
            return host;
        }
        return machine.toLowerCase(Locale.ROOT) + "-pbs";
    }

    QueueShape pickQueue(int draw) {
        int r = draw;
        for (QueueShape q : queues) {
            r -= q.weight;
            if (r < 0) {
                return q;
            }
        }
        return queues.get(queues.size() - 1);
    }
}
