package org.hpcusage.core.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hpcusage.core.report.output.Column;

/**
 * The search columns (reference §7.5), in table order: key, header, width, format, the SQL it
 * sorts by and where its value comes from. The keys and headers are a public contract. Width is
 * raised to at least the header length.
 */
public enum SearchColumn {
    JOB_ID("job_id", "Job ID", 22, "s", true, "j.job_id", SearchRow::getJobId),
    USER("user", "User", 12, "s", true, "u.username", SearchRow::getUsername),
    ACCOUNT("account", "Project", 12, "s", true, "a.account_name", SearchRow::getAccountName),
    QUEUE("queue", "Queue", 10, "s", true, "q.queue_name", SearchRow::getQueueName),
    QOS("qos", "QoS", 9, "s", false, "s.name", SearchRow::getQosName),
    EXIT_STATUS("exit_status", "Exit", 8, "s", false, "j.status", SearchRow::getStatus),
    NUMNODES("numnodes", "Nodes", 6, "d", true, "j.numnodes", SearchRow::getNumnodes),
    NUMCPUS("numcpus", "CPUs", 6, "d", true, "j.numcpus", SearchRow::getNumcpus),
    NUMGPUS("numgpus", "GPUs", 6, "d", true, "j.numgpus", SearchRow::getNumgpus),
    START("start", "Start", 19, "s", true, "j.start", r -> instant(r.getStart())),
    END("end", "End", 19, "s", true, "j.\"end\"", r -> instant(r.getEnd())),
    ELAPSED("elapsed", "Elapsed", 9, "d", true, "j.elapsed", SearchRow::getElapsed),
    CPU_HOURS("cpu_hours", "CPU-h", 10, ".2f", true, "c.cpu_hours", SearchRow::getCpuHours),
    GPU_HOURS("gpu_hours", "GPU-h", 10, ".2f", true, "c.gpu_hours", SearchRow::getGpuHours),
    SHORT_ID("short_id", "Short ID", 10, "d", false, "j.short_id", SearchRow::getShortId),
    NAME("name", "Name", 20, "s", false, "j.name", SearchRow::getName),
    PRIORITY("priority", "Pri", 6, "s", false, "j.priority", SearchRow::getPriority),
    SUBMIT("submit", "Submit", 19, "s", false, "j.submit", r -> instant(r.getSubmit())),
    QUEUED("queued", "Queued", 19, "s", false, "j.queued", r -> instant(r.getQueued())),
    ELIGIBLE("eligible", "Eligible", 19, "s", false, "j.eligible", r -> instant(r.getEligible())),
    ELIGIBLE_SECS("eligible_secs", "EligWait", 9, "d", false, "j.eligible_secs", SearchRow::getEligibleSecs),
    RUN_COUNT("run_count", "Runs", 5, "d", false, "j.run_count", SearchRow::getRunCount),
    WALLTIME("walltime", "Walltime", 9, "d", false, "j.walltime", SearchRow::getWalltime),
    MPIPROCS("mpiprocs", "Ranks per Node", 14, "d", false, "j.mpiprocs", SearchRow::getMpiprocs),
    OMPTHREADS("ompthreads", "OMP Threads", 11, "d", false, "j.ompthreads", SearchRow::getOmpthreads),
    REQMEM("reqmem", "ReqMem", 14, "d", false, "j.reqmem", SearchRow::getReqmem),
    MEMORY("memory", "Mem", 14, "d", false, "j.memory", SearchRow::getMemory),
    VMEMORY("vmemory", "VMem", 14, "d", false, "j.vmemory", SearchRow::getVmemory),
    CPUTYPE("cputype", "CPU type", 12, "s", false, "j.cputype", SearchRow::getCputype),
    GPUTYPE("gputype", "GPU type", 12, "s", false, "j.gputype", SearchRow::getGputype),
    RESOURCES("resources", "Resources", 30, "s", false, "j.resources", SearchRow::getResources),
    MEMORY_HOURS("memory_hours", "Mem-h", 10, ".2f", false, "c.memory_hours", SearchRow::getMemoryHours),
    QOS_FACTOR("qos_factor", "Factor", 6, ".2f", false, "c.qos_factor", SearchRow::getQosFactor),
    CHARGE_VERSION("charge_version", "Chg ver", 7, "d", false, "c.charge_version", SearchRow::getChargeVersion),
    CPU_CHARGES("cpu_charges", "CPU chg", 10, ".2f", false, "c.cpu_hours * COALESCE(c.qos_factor, 1)",
            r -> r.charges(r.getCpuHours())),
    GPU_CHARGES("gpu_charges", "GPU chg", 10, ".2f", false, "c.gpu_hours * COALESCE(c.qos_factor, 1)",
            r -> r.charges(r.getGpuHours())),
    MEMORY_CHARGES("memory_charges", "Mem chg", 10, ".2f", false, "c.memory_hours * COALESCE(c.qos_factor, 1)",
            r -> r.charges(r.getMemoryHours()));

    private final String key;
    private final Column column;
    private final boolean byDefault;
    private final String sortExpression;
    private final Function<SearchRow, Object> value;

    SearchColumn(String key, String header, int width, String format, boolean byDefault, String sortExpression,
                 Function<SearchRow, Object> value) {
        this.key = key;
        this.column = Column.fitted(key, header, width, format);
        this.byDefault = byDefault;
        this.sortExpression = sortExpression;
        this.value = value;
    }

    public String key() { return key; }
    public Column column() { return column; }
    public boolean byDefault() { return byDefault; }

    /** SQL over the search statement's aliases; a constant, never input. */
    String sortExpression() { return sortExpression; }

    Object valueOf(SearchRow row) {
        return value.apply(row);
    }

    /** The default columns, in order. */
    public static List<SearchColumn> defaults() {
        return Arrays.stream(values()).filter(SearchColumn::byDefault).toList();
    }

    /** Every column, in table order. */
    public static List<SearchColumn> all() {
        return List.of(values());
    }

    public static SearchColumn byKey(String key) {
        for (SearchColumn c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Column keys as {@code --display} gives them (comma-separated, spaces trimmed, empty items
     * dropped, duplicates kept once). Unknown keys fail with the reference's message.
     */
    public static List<SearchColumn> parseList(String keys) {
        Set<SearchColumn> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : keys.split(",")) {
            String k = raw.trim().toLowerCase(Locale.ROOT);
            if (k.isEmpty()) {
                continue;
            }
            SearchColumn c = byKey(k);
            if (c == null) {
                unknown.add(raw.trim());
            } else {
                out.add(c);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown column(s): " + String.join(", ", unknown) + ". Valid columns: "
                    + Arrays.stream(values()).map(SearchColumn::key).collect(Collectors.joining(", ")));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no columns given. Valid columns: "
                    + Arrays.stream(values()).map(SearchColumn::key).collect(Collectors.joining(", ")));
        }
        return List.copyOf(out);
    }

    private static Instant instant(Long epochSecond) {
        return epochSecond == null ? null : Instant.ofEpochSecond(epochSecond);
    }
}
