package org.hpcusage.core.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which jobs a query looks at (reference §7.5, §8.2): the one filter that search, count and every
 * aggregation share, so a total can never disagree with its rows. Values are in API units
 * (seconds, bytes, counts); the CLI converts hours and GB. Immutable; build with {@link #builder()}.
 *
 * <ul>
 *   <li>{@code start}/{@code end}: machine-local days of the job's end, inclusive; {@code null} =
 *       unbounded.</li>
 *   <li>Identity filters ({@code user}, {@code accounts}, {@code queue}, {@code qos},
 *       {@code exitStatus}): exact; an empty string means no filter; an unknown name matches no
 *       job. {@code accounts} is a list (IN): {@code null} = no filter, an empty list = no jobs,
 *       unknown members are ignored.</li>
 *   <li>{@code jobId}: with a dot, the exact id; otherwise the id before its host part, so
 *       {@code 6049117} matches the scalar job, the array parent {@code 6049117[]} and every
 *       element {@code 6049117[28]}, but not {@code 60491170}.</li>
 *   <li>{@code names}: shell globs ({@code *}, {@code ?}, {@code [abc]}), OR'd; NULL names never
 *       match; {@code ignoreCase} matches case-insensitively with {@code [} taken literally.</li>
 *   <li>{@link Range} bounds: inclusive, and a NULL value never satisfies a bound.</li>
 * </ul>
 */
public final class JobFilter {

    /** The ranged quantities, with the column expression they bound and their API parameter names. */
    public enum Range {
        WAIT("j.eligible_secs", "min_eligible_secs", "max_eligible_secs"),
        NODES("j.numnodes", "min_nodes", "max_nodes"),
        CPUS("j.numcpus", "min_cpus", "max_cpus"),
        GPUS("j.numgpus", "min_gpus", "max_gpus"),
        ELAPSED("j.elapsed", "min_elapsed", "max_elapsed"),
        REQMEM("j.reqmem", "min_reqmem", "max_reqmem"),
        MEMORY_USED("j.memory", "min_memory_used", "max_memory_used"),
        /** Requested minus used memory; negative when a job used more than it asked for. */
        MEMORY_WASTED("(j.reqmem - j.memory)", "min_memory_wasted", "max_memory_wasted");

        private final String expression;
        private final String minParam;
        private final String maxParam;

        Range(String expression, String minParam, String maxParam) {
            this.expression = expression;
            this.minParam = minParam;
            this.maxParam = maxParam;
        }

        /** SQL over the jobs alias {@code j}; a constant, never input. NULL when the value is unknown. */
        public String expression() {
            return expression;
        }

        public String minParam() {
            return minParam;
        }

        public String maxParam() {
            return maxParam;
        }
    }

    /** An inclusive bound pair; either side may be {@code null}. */
    public record Bounds(Long min, Long max) {
        static final Bounds NONE = new Bounds(null, null);

        public boolean isEmpty() {
            return min == null && max == null;
        }
    }

    private static final JobFilter ALL = builder().build();

    private final LocalDate start;
    private final LocalDate end;
    private final String user;
    private final List<String> accounts;
    private final String queue;
    private final String qos;
    private final String exitStatus;
    private final String jobId;
    private final List<String> names;
    private final boolean ignoreCase;
    private final Map<Range, Bounds> ranges;

    private JobFilter(Builder b) {
        this.start = b.start;
        this.end = b.end;
        this.user = blankToNull(b.user);
        this.accounts = b.accounts == null ? null : List.copyOf(b.accounts);
        this.queue = blankToNull(b.queue);
        this.qos = blankToNull(b.qos);
        this.exitStatus = blankToNull(b.exitStatus);
        this.jobId = blankToNull(b.jobId == null ? null : b.jobId.trim());
        this.names = b.names == null || b.names.isEmpty() ? List.of() : List.copyOf(b.names);
        this.ignoreCase = b.ignoreCase;
        Map<Range, Bounds> r = new EnumMap<>(Range.class);
        b.ranges.forEach((range, bounds) -> {
            if (!bounds.isEmpty()) {
                r.put(range, bounds);
            }
        });
        this.ranges = Collections.unmodifiableMap(r);
    }

    /** Every job of the machine. */
    public static JobFilter all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this filter's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder().start(start).end(end).user(user).accounts(accounts).queue(queue).qos(qos)
                .exitStatus(exitStatus).jobId(jobId).names(names).ignoreCase(ignoreCase);
        ranges.forEach(b::range);
        return b;
    }

    public LocalDate start() { return start; }
    public LocalDate end() { return end; }
    public String user() { return user; }
    /** {@code null} = no account filter; an empty list = no jobs. */
    public List<String> accounts() { return accounts; }
    public String queue() { return queue; }
    public String qos() { return qos; }
    public String exitStatus() { return exitStatus; }
    public String jobId() { return jobId; }
    public List<String> names() { return names; }
    public boolean ignoreCase() { return ignoreCase; }

    public Bounds bounds(Range range) {
        return ranges.getOrDefault(range, Bounds.NONE);
    }

    /** The active bounds, in {@link Range} order. */
    public Map<Range, Bounds> ranges() {
        return ranges;
    }

    /**
     * The reference's {@code filters} object of the search envelope: every key, in its order,
     * API units, {@code null} when unset ({@code limit} is the search's page size).
     */
    public Map<String, Object> toEnvelope(Integer limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", user);
        m.put("account", accounts == null ? null : accounts.size() == 1 ? accounts.get(0) : accounts);
        m.put("queue", queue);
        m.put("qos", qos);
        m.put("exit_status", exitStatus);
        m.put("job_id", jobId);
        m.put("name", names.isEmpty() ? null : names);
        m.put("ignore_case", ignoreCase);
        for (Range range : Range.values()) {
            Bounds bounds = bounds(range);
            m.put(range.minParam(), bounds.min());
            m.put(range.maxParam(), bounds.max());
        }
        m.put("limit", limit);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobFilter f && Objects.equals(start, f.start) && Objects.equals(end, f.end)
                && Objects.equals(user, f.user) && Objects.equals(accounts, f.accounts)
                && Objects.equals(queue, f.queue) && Objects.equals(qos, f.qos)
                && Objects.equals(exitStatus, f.exitStatus) && Objects.equals(jobId, f.jobId)
                && names.equals(f.names) && ignoreCase == f.ignoreCase && ranges.equals(f.ranges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, user, accounts, queue, qos, exitStatus, jobId, names, ignoreCase, ranges);
    }

    @Override
    public String toString() {
        Map<String, Object> m = toEnvelope(null);
        m.remove("limit");
        m.values().removeIf(v -> v == null || Boolean.FALSE.equals(v));
        return "JobFilter" + (start == null && end == null ? "" : "[" + start + ".." + end + "]") + m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Builds a {@link JobFilter}; every setter accepts {@code null} for "no filter". */
    public static final class Builder {
        private LocalDate start;
        private LocalDate end;
        private String user;
        private List<String> accounts;
        private String queue;
        private String qos;
        private String exitStatus;
        private String jobId;
        private List<String> names;
        private boolean ignoreCase;
        private final Map<Range, Bounds> ranges = new EnumMap<>(Range.class);

        private Builder() {
        }

        public Builder start(LocalDate v) { start = v; return this; }
        public Builder end(LocalDate v) { end = v; return this; }
        public Builder user(String v) { user = v; return this; }
        /** One account; an empty string means no filter. */
        public Builder account(String v) {
            accounts = v == null || v.isEmpty() ? null : List.of(v);
            return this;
        }
        /** Any of these accounts; {@code null} = no filter, empty = no jobs. */
        public Builder accounts(List<String> v) {
            accounts = v == null ? null : new ArrayList<>(v);
            return this;
        }
        public Builder queue(String v) { queue = v; return this; }
        public Builder qos(String v) { qos = v; return this; }
        public Builder exitStatus(String v) { exitStatus = v; return this; }
        public Builder jobId(String v) { jobId = v; return this; }
        public Builder names(List<String> v) { names = v == null ? null : new ArrayList<>(v); return this; }
        public Builder ignoreCase(boolean v) { ignoreCase = v; return this; }

        public Builder range(Range range, Bounds bounds) {
            ranges.put(Objects.requireNonNull(range, "range"), bounds == null ? Bounds.NONE : bounds);
            return this;
        }

        public Builder range(Range range, Long min, Long max) {
            return range(range, new Bounds(min, max));
        }

        public Builder min(Range range, Long min) {
            return range(range, min, bounds(range).max());
        }

        public Builder max(Range range, Long max) {
            return range(range, bounds(range).min(), max);
        }

        private Bounds bounds(Range range) {
            return ranges.getOrDefault(range, Bounds.NONE);
        }

        public JobFilter build() {
            return new JobFilter(this);
        }
    }
}
