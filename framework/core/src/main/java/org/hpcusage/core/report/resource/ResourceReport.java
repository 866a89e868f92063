package org.hpcusage.core.report.resource;

import static org.hpcusage.core.report.resource.QueueSet.ALL;
import static org.hpcusage.core.report.resource.QueueSet.CPU;
import static org.hpcusage.core.report.resource.QueueSet.GPU;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hpcusage.core.report.output.Column;

/**
 * The 21 resource reports of the reference (job-history §7.4), one entry each: command name,
 * file-name stem, help line, query shape, the jobs it looks at, what it buckets by and its
 * label header. The columns follow from the shape. Adding a report is adding a line here.
 */
public enum ResourceReport {
    PIE_PROJ_CPU("pie-proj-cpu", "pie_proj_cpu", "CPU usage by project (account)", Shape.BY_ACCOUNT, CPU, null, "Accounts"),
    PIE_USER_GPU("pie-user-gpu", "pie_user_gpu", "GPU usage by user", Shape.BY_USER, GPU, null, "User-ids"),
    PIE_USER_CPU("pie-user-cpu", "pie_user_cpu", "CPU usage by user", Shape.BY_USER, CPU, null, "User-ids"),
    PIE_PROJ_GPU("pie-proj-gpu", "pie_proj_gpu", "GPU usage by project (account)", Shape.BY_ACCOUNT, GPU, null, "Accounts"),
    PIE_GROUP_GPU("pie-group-gpu", "pie_group_gpu", "GPU usage by account", Shape.BY_ACCOUNT, GPU, null, "Accounts"),
    PIE_GROUP_CPU("pie-group-cpu", "pie_group_cpu", "CPU usage by account", Shape.BY_ACCOUNT, CPU, null, "Accounts"),
    PIE_FACILITY_CPU("pie-facility-cpu", "pie_facility_cpu", "CPU usage by facility (the machine's account-prefix map)", Shape.BY_FACILITY, CPU, null, "Facility"),
    PIE_FACILITY_GPU("pie-facility-gpu", "pie_facility_gpu", "GPU usage by facility (the machine's account-prefix map)", Shape.BY_FACILITY, GPU, null, "Facility"),
    GPU_JOB_DURATIONS("gpu-job-durations", "gpu_job_durations", "GPU hours by job duration, per period", Shape.PER_PERIOD, GPU, Dimension.DURATION, "Date"),
    CPU_JOB_DURATIONS("cpu-job-durations", "cpu_job_durations", "CPU hours by job duration, per period", Shape.PER_PERIOD, CPU, Dimension.DURATION, "Date"),
    CPU_JOB_MEMORY_PER_RANK("cpu-job-memory-per-rank", "cpu_job_memory_per_rank", "CPU hours by used memory per rank, per period", Shape.PER_PERIOD, CPU, Dimension.MEMORY_PER_RANK, "Date"),
    GPU_JOB_MEMORY_PER_RANK("gpu-job-memory-per-rank", "gpu_job_memory_per_rank", "GPU hours by used memory per rank, per period", Shape.PER_PERIOD, GPU, Dimension.MEMORY_PER_RANK, "Date"),
    GPU_JOB_WAITS("gpu-job-waits", "gpu_job_waits", "GPU job waits by GPU count", Shape.WAITS, GPU, Dimension.GPUS, "GPUs"),
    CPU_JOB_WAITS("cpu-job-waits", "cpu_job_waits", "CPU job waits by node count", Shape.WAITS, CPU, Dimension.NODES, "Nodes"),
    JOB_WAITS("job-waits", "bycore_job_waits", "Job waits by core count", Shape.WAITS, ALL, Dimension.CORES, "Cores"),
    GPU_JOB_SIZES("gpu-job-sizes", "gpu_job_sizes", "GPU job sizes by GPU count", Shape.SIZES, GPU, Dimension.GPUS, "GPUs"),
    CPU_JOB_SIZES("cpu-job-sizes", "cpu_job_sizes", "CPU job sizes by node count", Shape.SIZES, CPU, Dimension.NODES, "Nodes"),
    JOB_SIZES("job-sizes", "bycore_job_sizes", "Job sizes by core count", Shape.SIZES, ALL, Dimension.CORES, "Cores"),
    USAGE_HISTORY("usage-history", "usage_history", "Usage history by period", Shape.HISTORY, ALL, null, "Date"),
    MEMORY_JOB_WAITS("memory-job-waits", "memory_job_waits", "Job waits by memory requirement", Shape.WAITS, ALL, Dimension.MEMORY, "Memory(GB)"),
    MEMORY_JOB_SIZES("memory-job-sizes", "memory_job_sizes", "Job sizes by memory requirement", Shape.SIZES, ALL, Dimension.MEMORY, "Memory(GB)");

    /** The query shapes (reference §7.4 "Report semantics"). */
    public enum Shape {
        /** Σ hours and jobs per user, largest first. */
        BY_USER,
        /** Σ hours and jobs per account, largest first. */
        BY_ACCOUNT,
        /** By account, then summed per facility. */
        BY_FACILITY,
        /** Average eligible wait and jobs per bucket. */
        WAITS,
        /** Jobs, distinct users and Σ hours per bucket. */
        SIZES,
        /** Σ hours per period and bucket, one row per period. */
        PER_PERIOD,
        /** Users, projects, jobs and hours per period, all / CPU / GPU. */
        HISTORY
    }

    private final String command;
    private final String fileBase;
    private final String help;
    private final Shape shape;
    private final QueueSet queues;
    private final Dimension dimension;
    private final String label;

    ResourceReport(String command, String fileBase, String help, Shape shape, QueueSet queues,
                   Dimension dimension, String label) {
        this.command = command;
        this.fileBase = fileBase;
        this.help = help;
        this.shape = shape;
        this.queues = queues;
        this.dimension = dimension;
        this.label = label;
    }

    /** The report named {@code command} (e.g. {@code pie-user-cpu}), or an error naming the choices. */
    public static ResourceReport parse(String command) {
        for (ResourceReport r : values()) {
            if (r.command.equals(command)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown resource report '" + command + "'");
    }

    public String command() { return command; }
    public String fileBase() { return fileBase; }
    public String help() { return help; }
    public Shape shape() { return shape; }
    public QueueSet queues() { return queues; }
    public Dimension dimension() { return dimension; }

    /** The envelope kind: the command with {@code -} turned into {@code _}. */
    public String kind() {
        return command.replace('-', '_');
    }

    /** Whether {@code --group-by} applies (the reference's three periodic methods). */
    public boolean periodic() {
        return shape == Shape.PER_PERIOD || shape == Shape.HISTORY;
    }

    /** The columns: the reference's column sets usage(L), waits(L), sizes(L), durations, ... */
    public List<Column> columns() {
        return switch (shape) {
            case BY_USER, BY_ACCOUNT, BY_FACILITY -> List.of(new Column("label", label, 15, "s"),
                    new Column("usage_hours", "Usage", 15, ".1f"), new Column("job_count", "Counts", 0, ""));
            case WAITS -> List.of(new Column("range_label", label, 20, "s"),
                    new Column("avg_wait_hours", "AveWait-hrs", 12, ".4f"), new Column("job_count", "#-Jobs", 0, ""));
            case SIZES -> List.of(new Column("range_label", label, 20, "s"), new Column("job_count", "#-Jobs", 12, ""),
                    new Column("user_count", "#-Users", 12, ""), new Column("hours", "Cr-hrs", 0, ".1f"));
            case PER_PERIOD -> periodColumns();
            case HISTORY -> List.of(new Column("Date", "Date", 18, "s"), count("#-Users", 12), count("#-Proj", 8),
                    count("#-CPU-Users", 13), count("#-CPU-Proj", 13), count("#-CPU-Jobs", 13),
                    new Column("#-CPU-Hrs", "#-CPU-Hrs", 12, ".1f"), count("#-GPU-Users", 13), count("#-GPU-Proj", 13),
                    count("#-GPU-Jobs", 13), new Column("#-GPU-Hrs", "#-GPU-Hrs", 0, ".1f"));
        };
    }

    /** date, then one column per bucket (keys equal headers); the mem-per-rank widths of §7.4. */
    private List<Column> periodColumns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("date", "Date", 20, "s"));
        List<Bucket> buckets = dimension.buckets();
        for (int i = 0; i < buckets.size(); i++) {
            String key = buckets.get(i).label();
            int width = i == buckets.size() - 1 ? 0 : key.equals("128MB-512MB") ? 14 : 12;
            columns.add(new Column(key, key, width, ".1f"));
        }
        return columns;
    }

    private static Column count(String key, int width) {
        return new Column(key, key, width, "");
    }

    @Override
    public String toString() {
        return command.toLowerCase(Locale.ROOT);
    }
}
