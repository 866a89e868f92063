package org.hpcusage.plugin.pbs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one day of synthetic PBS activity: exactly {@code jobs} End records whose end falls in
 * the day, plus the records a real day file carries beside them, and puts every record in time
 * order.
 *
 * <p>To get the real mix of record types without simulating several days, each job that was
 * queued before the day gets a twin shifted by one day length: the twin is queued (and maybe
 * started) today and ends tomorrow, standing for the jobs of the steady state that today's file
 * sees begin but not end. So a day holds about two Q records and one S record per E record, as the
 * samples do. A few jobs never run (queued, then deleted: D, or A for a failed dependency) and a
 * few get their priority altered (a).
 */
final class DayPlanner {
    static final byte Q_ROUTE = 0;
    static final byte Q_EXEC = 1;
    static final byte START = 2;
    static final byte END = 3;
    static final byte DELETE = 4;
    static final byte ABORT = 5;
    static final byte ALTER = 6;

    private static final int[] WALLTIMES = {300, 600, 900, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 43200, 86400};
    private static final int[] WALLTIME_WEIGHTS = {4, 8, 6, 6, 10, 16, 12, 8, 8, 8, 10, 4};
    private static final String[] STATUSES = {"0", "-29", "1", "265", "143", "255", "2", "137", "174"};
    private static final int[] STATUS_WEIGHTS = {8600, 450, 300, 250, 60, 30, 50, 20, 10};

    private final GeneratorProfile profile;
    private final SitePopulation people;
    private final SplittableRandom r;
    private final long dayStart;
    private final long dayLength;

    final List<SyntheticJob> jobs = new ArrayList<>();
    /** Record schedule, sorted: (seconds into the day << 32) | record number. */
    long[] order;
    byte[] kinds;
    int[] jobOf;
    private int records;

    DayPlanner(GeneratorProfile profile, SitePopulation people, long seed, long dayStart, long dayLength) {
        this.profile = profile;
        this.people = people;
        this.r = new SplittableRandom(seed);
        this.dayStart = dayStart;
        this.dayLength = dayLength;
    }

    void plan(int endRecords, long firstId) {
        List<SyntheticJob> idHolders = new ArrayList<>();
        int remaining = endRecords;
        while (remaining > 0) {
            if (remaining >= 3 && r.nextInt(1000) < 4) {
                remaining -= array(Math.min(remaining - 1, 2 + r.nextInt(15)), idHolders);
            } else {
                SyntheticJob j = draw(dayStart + (long) (r.nextDouble() * dayLength));
                jobs.add(j);
                idHolders.add(j);
                remaining--;
            }
        }
        int finished = idHolders.size();
        for (int i = 0; i < finished; i++) {
            SyntheticJob j = idHolders.get(i);
            if (j.arrayIndex == SyntheticJob.SCALAR && j.ctime < dayStart) {
                SyntheticJob twin = j.shifted(dayLength);
                jobs.add(twin);
                idHolders.add(twin);
            }
        }
        int ghosts = (int) Math.round(endRecords * 0.02);
        for (int g = 0; g < ghosts; g++) {
            SyntheticJob j = draw(dayStart + (long) (r.nextDouble() * dayLength));
            long queuedAt = dayStart + (long) (r.nextDouble() * dayLength * 0.97);
            j.ctime = j.qtime = j.etime = queuedAt;
            j.start = Math.min(dayStart + dayLength - 1, queuedAt + 1 + (long) logUniform(10, 7200));
            j.ends = false;
            j.arrayIndex = SyntheticJob.SCALAR;
            j.status = profile == GeneratorProfile.DERECHO && r.nextInt(3) == 0 ? "A" : "D";
            jobs.add(j);
            idHolders.add(j);
        }
        assignIds(idHolders, firstId);
        // Records of the same second then come out in id order, as the server wrote them.
        jobs.sort(Comparator.comparingLong((SyntheticJob j) -> j.id).thenComparingInt(j -> j.arrayIndex));
        schedule();
    }

    /** An array of {@code elements} sub-jobs and its parent; returns the End records it adds. */
    private int array(int elements, List<SyntheticJob> idHolders) {
        long lastEnd = dayStart + (long) (r.nextDouble() * dayLength);
        SyntheticJob parent = draw(lastEnd);
        parent.arrayIndex = SyntheticJob.ARRAY_PARENT;
        long firstStart = Long.MAX_VALUE;
        long latestEnd = Long.MIN_VALUE;
        // Elements end spread over up to two hours before the last one, never before the day or
        // before the array became eligible; each runs for its own share of the parent's length.
        long earliest = Math.max(dayStart, lastEnd - Math.min(7200, lastEnd - parent.etime));
        for (int i = 0; i < elements; i++) {
            SyntheticJob e = parent.shifted(0);
            e.ends = true;
            e.arrayIndex = i;
            e.parent = parent;
            e.end = earliest + (long) (r.nextDouble() * (lastEnd - earliest + 1));
            e.elapsed = Math.max(1, Math.round(parent.elapsed * (0.3 + 0.9 * r.nextDouble())));
            e.start = Math.max(parent.etime, e.end - e.elapsed);
            e.elapsed = e.end - e.start;
            e.session = r.nextInt(1000, 999_999);
            e.firstNode = 1 + r.nextInt(Math.max(1, e.queue.nodeCount - e.nodes));
            usage(e);
            firstStart = Math.min(firstStart, e.start);
            latestEnd = Math.max(latestEnd, e.end);
            jobs.add(e);
        }
        parent.end = latestEnd;
        parent.start = firstStart;
        parent.elapsed = parent.end - parent.start;
        parent.eligibleSecs = parent.start - parent.etime;
        usage(parent);
        jobs.add(parent);
        idHolders.add(parent);
        return elements + 1;
    }

    /** A finished job ending at {@code end}. */
    private SyntheticJob draw(long end) {
        SyntheticJob j = new SyntheticJob();
        j.ends = true;
        QueueShape q = profile.pickQueue(r.nextInt(profile.totalWeight));
        j.queue = q;
        j.user = people.pickUser(r.nextDouble());
        String[] accounts = people.accounts[j.user];
        j.account = accounts[r.nextInt(10) < 7 ? 0 : r.nextInt(accounts.length)];
        String[] names = people.jobNames[j.user];
        j.name = names[r.nextInt(names.length)];
        j.priority = q.priorities == null ? null : q.priorities[weighted(q.priorityWeights)];
        resources(j, q);
        times(j, q, end);
        usage(j);
        return j;
    }

    private void resources(SyntheticJob j, QueueShape q) {
        if (q.exclusive) {
            j.nodes = nodeCount(q.gpu() ? 16 : 2000);
            j.chunkCpus = q.coresPerNode;
            j.chunkGpus = q.gpusPerNode;
            j.chunkMemGb = r.nextInt(4) == 0 ? 0 : q.gbPerNode;
            j.memKb = (long) q.gbPerNode * j.nodes << 20;
            j.mem = (q.gbPerNode * j.nodes) + "gb";
            int[] ranks = q.gpu() ? new int[] {4, 4, 4, 1, 0} : new int[] {128, 128, 128, 64, 32, 16, 4, 1, 0};
            j.mpiprocs = ranks[r.nextInt(ranks.length)];
            j.ompthreads = j.mpiprocs == 0 ? 1 : Math.max(1, r.nextInt(4) == 0 ? q.coresPerNode / j.mpiprocs : 1);
        } else {
            j.nodes = 1;
            j.chunkCpus = q.cpuChoices[weighted(q.cpuWeights)];
            j.chunkGpus = q.gpu() ? 1 + r.nextInt(q.gpusPerNode) : 0;
            int gb = q.memChoices[r.nextInt(q.memChoices.length)];
            if (profile == GeneratorProfile.CASPER && r.nextInt(200) == 0) {
                // Casper users sometimes ask in MB, which the reference cannot read (reqmem NULL).
                j.chunkMemGb = -200;
                j.mem = "200mb";
                j.memKb = 200 << 10;
            } else {
                j.chunkMemGb = gb;
                j.mem = gb + "gb";
                j.memKb = (long) gb << 20;
            }
            j.mpiprocs = r.nextInt(5) < 2 ? j.chunkCpus : 0;
            j.ompthreads = r.nextInt(5) < 4 ? 1 : 0;
        }
        j.ncpus = j.chunkCpus * j.nodes;
        j.ngpus = j.chunkGpus * j.nodes;
        j.firstNode = 1 + r.nextInt(Math.max(1, q.nodeCount - j.nodes));
        j.slot = q.exclusive ? 0 : r.nextInt(Math.max(1, q.coresPerNode - j.chunkCpus + 1));
        j.select = select(j, q);
    }

    private String select(SyntheticJob j, QueueShape q) {
        StringBuilder s = new StringBuilder(64);
        s.append(j.nodes).append(":ncpus=").append(j.chunkCpus);
        if (j.mpiprocs > 0) {
            s.append(":mpiprocs=").append(j.mpiprocs);
        }
        boolean casper = profile == GeneratorProfile.CASPER;
        if (!casper && j.ompthreads > 0) {
            s.append(":ompthreads=").append(j.ompthreads);
        }
        if (j.chunkMemGb > 0) {
            s.append(":mem=").append(j.chunkMemGb).append(casper && r.nextBoolean() ? "gb" : "GB");
        } else if (j.chunkMemGb < 0) {
            s.append(":mem=").append(-j.chunkMemGb).append("mb");
        }
        if (casper && j.ompthreads > 0) {
            s.append(":ompthreads=").append(j.ompthreads);
        }
        if (j.chunkGpus > 0) {
            s.append(":ngpus=").append(j.chunkGpus);
            if (q.mps) {
                s.append(":mps=1");
            }
            if (q.gpuType != null && r.nextInt(4) > 0) {
                s.append(":gpu_type=").append(q.gpuType);
            }
        } else if (!casper && r.nextInt(200) == 0) {
            s.append(":cpu_type=milan");
        }
        return s.toString();
    }

    private void times(SyntheticJob j, QueueShape q, long end) {
        j.walltime = walltime(q.maxWalltime);
        j.status = STATUSES[weighted(STATUS_WEIGHTS)];
        if (r.nextInt(100) < 4) {
            j.elapsed = j.walltime + 1 + r.nextInt(40);
            j.status = "271";
        } else {
            j.elapsed = Math.max(1, Math.round(logUniform(2, j.walltime)));
        }
        j.end = end;
        j.start = end - j.elapsed;
        int w = r.nextInt(100);
        long wait = w < 55 ? r.nextInt(61) : w < 90 ? Math.round(logUniform(60, 3600)) : Math.round(logUniform(3600, 129600));
        j.eligibleSecs = wait;
        j.etime = j.start - wait;
        j.ctime = j.etime;
        if (r.nextInt(100) < 5) {
            j.ctime -= Math.round(logUniform(60, 20000));
            j.dependsBack = 1 + r.nextInt(40);
        }
        j.qtime = profile == GeneratorProfile.CASPER && r.nextInt(5) == 0 ? Math.min(j.etime, j.ctime + r.nextInt(6)) : j.ctime;
        j.runCount = r.nextInt(1000) < 970 ? 1 : r.nextInt(1000) < 800 ? 2 : 3;
        j.startZero = r.nextInt(10_000) < 3;
        j.session = r.nextInt(1000, 999_999);
    }

    private void usage(SyntheticJob j) {
        long reqKb = Math.max(1024, j.memKb);
        double u = r.nextDouble();
        double share = r.nextInt(300) == 0 ? 1.0 + 0.2 * u : 0.95 * u * Math.sqrt(u);
        j.usedMemKb = Math.max(1000 + r.nextInt(40_000), (long) (reqKb * share));
        j.usedVmemKb = r.nextInt(20) == 0 ? 0 : (long) (j.usedMemKb * (0.8 + 2.2 * r.nextDouble()));
        int activeCores = Math.min(j.ncpus, j.queue.coresPerNode);
        j.cpupercent = (int) (activeCores * 100 * r.nextDouble());
        j.cput = j.elapsed * j.cpupercent / 100 * j.nodes;
        if (profile.energy) {
            long[] e = new long[14];
            long seconds = Math.max(1, j.elapsed);
            long cpu = seconds * j.nodes * (60 + r.nextInt(300));
            long memory = seconds * j.nodes * (20 + r.nextInt(80));
            long total = cpu + memory + seconds * j.nodes * (40 + r.nextInt(120));
            e[0] = cpu;
            e[4 + 8] = memory;
            for (int g = 0; g < 4; g++) {
                long gpu = g < j.chunkGpus ? seconds * j.nodes * (50 + r.nextInt(300)) : 0;
                e[4 + 2 * g] = gpu;
                e[5 + 2 * g] = gpu == 0 ? 0 : 100_000_000L + r.nextInt(900_000_000);
                total += gpu;
            }
            e[1] = 100_000_000L + r.nextInt(2_000_000_000);
            e[2] = total;
            e[3] = 300_000_000L + r.nextInt(2_100_000_000);
            e[13] = 50_000_000L + r.nextInt(900_000_000);
            j.energy = e;
        }
    }

    private int nodeCount(int max) {
        int u = r.nextInt(1000);
        int n;
        if (u < 720) {
            n = 1;
        } else if (u < 880) {
            n = 2 + r.nextInt(3);
        } else if (u < 960) {
            n = 5 + r.nextInt(16);
        } else if (u < 993) {
            n = 21 + r.nextInt(108);
        } else if (u < 999) {
            n = 129 + r.nextInt(384);
        } else {
            n = 513 + r.nextInt(1500);
        }
        return Math.min(n, max);
    }

    private long walltime(int max) {
        while (true) {
            int w = WALLTIMES[weighted(WALLTIME_WEIGHTS)];
            if (w <= max) {
                return w;
            }
        }
    }

    private double logUniform(double lo, double hi) {
        if (hi <= lo) {
            return lo;
        }
        return StrictMath.exp(StrictMath.log(lo) + r.nextDouble() * (StrictMath.log(hi) - StrictMath.log(lo)));
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Ids rise with submission time, with small gaps for jobs this day file never shows. */
    private void assignIds(List<SyntheticJob> holders, long firstId) {
        long[] keys = new long[holders.size()];
        for (int i = 0; i < keys.length; i++) {
            // ctime is within days of the day: a 2^38 s bias keeps the key positive and inside 63 bits.
            keys[i] = ((holders.get(i).ctime - dayStart + (1L << 38)) << 24) | i;
        }
        Arrays.sort(keys);
        long id = firstId;
        for (long key : keys) {
            holders.get((int) (key & 0xFFFFFF)).id = id;
            id += r.nextInt(10) < 8 ? 1 : 2 + r.nextInt(4);
        }
        for (SyntheticJob j : jobs) {
            if (j.parent != null) {
                j.id = j.parent.id;
            }
        }
    }

    private void schedule() {
        int capacity = jobs.size() * 5 + 16;
        order = new long[capacity];
        kinds = new byte[capacity];
        jobOf = new int[capacity];
        for (int i = 0; i < jobs.size(); i++) {
            SyntheticJob j = jobs.get(i);
            if (j.arrayIndex < 0) {
                add(j.ctime, Q_ROUTE, i);
                add(j.ctime, Q_EXEC, i);
            }
            if ("D".equals(j.status) || "A".equals(j.status)) {
                add(j.start, "D".equals(j.status) ? DELETE : ABORT, i);
                continue;
            }
            if (j.arrayIndex != SyntheticJob.ARRAY_PARENT) {
                add(j.start, START, i);
            }
            if (j.ends) {
                add(j.end, END, i);
            }
            if (r.nextInt(100) == 0 && j.start > j.ctime + 2) {
                add(j.ctime + 1 + r.nextLong(j.start - j.ctime - 1), ALTER, i);
            }
        }
        Arrays.sort(order, 0, records);
    }

    /** Adds a record if its time falls in the day; the record number keeps same-second records in order. */
    private void add(long at, byte kind, int job) {
        long t = at - dayStart;
        if (t < 0 || t >= dayLength) {
            return;
        }
        int n = records++;
        order[n] = (t << 32) | n;
        kinds[n] = kind;
        jobOf[n] = job;
    }

    int records() {
        return records;
    }
}
