package org.hpcusage.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link JobFilter} made ready for SQL: names resolved to ids once (an unknown name becomes the
 * id {@code -1}, which no row has, so it matches nothing), the job-id spec split into its exact
 * and prefix forms, globs translated for the dialect, and the bounds as a list. This is the
 * parameter {@code f} of the {@code jobFilter} fragment in {@code JobQueryMapper.xml}; its
 * getters are what the fragment reads.
 */
public final class SqlFilter {

    static final long NO_SUCH_ID = -1L;

    /** One inclusive bound: {@code expression op value}, with op {@code >=} or {@code <=}. */
    public record Bound(String expression, String op, long value) {
        public String getExpression() { return expression; }
        public String getOp() { return op; }
        public long getValue() { return value; }
    }

    private final long machineId;
    private final Integer fromDay;
    private final Integer toDay;
    private final Long userId;
    private final List<Long> accountIds;
    private final Long queueId;
    private final Long qosId;
    private final String exitStatus;
    private final String jobId;
    private final String jobIdDot;
    private final String jobIdBracket;
    private final List<String> namePatterns;
    private final boolean ignoreCase;
    private final boolean nameRegex;
    private final Map<JobFilter.Range, JobFilter.Bounds> ranges;
    private final List<Bound> bounds;

    SqlFilter(long machineId, Integer fromDay, Integer toDay, Long userId, List<Long> accountIds, Long queueId,
              Long qosId, String exitStatus, String jobId, List<String> namePatterns, boolean ignoreCase,
              boolean nameRegex, Map<JobFilter.Range, JobFilter.Bounds> ranges) {
        this.machineId = machineId;
        this.fromDay = fromDay;
        this.toDay = toDay;
        this.userId = userId;
        this.accountIds = accountIds == null ? null : List.copyOf(accountIds);
        this.queueId = queueId;
        this.qosId = qosId;
        this.exitStatus = exitStatus;
        this.jobId = jobId;
        boolean prefix = jobId != null && jobId.indexOf('.') < 0;
        this.jobIdDot = prefix ? jobId + "." : null;
        this.jobIdBracket = prefix ? jobId + "[" : null;
        this.namePatterns = List.copyOf(namePatterns);
        this.ignoreCase = ignoreCase;
        this.nameRegex = nameRegex;
        this.ranges = ranges;
        List<Bound> b = new ArrayList<>();
        ranges.forEach((range, bounds) -> {
            if (bounds.min() != null) {
                b.add(new Bound(range.expression(), ">=", bounds.min()));
            }
            if (bounds.max() != null) {
                b.add(new Bound(range.expression(), "<=", bounds.max()));
            }
        });
        this.bounds = List.copyOf(b);
    }

    /** This filter without one identity dimension's own condition (facet self-exclusion). */
    SqlFilter without(Dimension dimension) {
        return new SqlFilter(machineId, fromDay, toDay,
                dimension == Dimension.USER ? null : userId,
                dimension == Dimension.ACCOUNT ? null : accountIds,
                dimension == Dimension.QUEUE ? null : queueId,
                dimension == Dimension.QOS ? null : qosId,
                dimension == Dimension.EXIT_STATUS ? null : exitStatus,
                jobId, namePatterns, ignoreCase, nameRegex, ranges);
    }

    /**
     * Whether a job whose {@code dimension} has {@code value} (an id, or the exit status text)
     * meets this filter's condition on that dimension; no condition admits everything.
     */
    boolean admits(Dimension dimension, Object value) {
        Object wanted = switch (dimension) {
            case USER -> userId;
            case QUEUE -> queueId;
            case QOS -> qosId;
            case EXIT_STATUS -> exitStatus;
            case ACCOUNT -> null;
        };
        if (dimension == Dimension.ACCOUNT && accountIds != null) {
            return value != null && accountIds.contains(value);
        }
        return wanted == null || wanted.equals(value);
    }

    public long getMachineId() { return machineId; }
    public Integer getFromDay() { return fromDay; }
    public Integer getToDay() { return toDay; }
    public Long getUserId() { return userId; }
    public List<Long> getAccountIds() { return accountIds; }
    public Long getQueueId() { return queueId; }
    public Long getQosId() { return qosId; }
    public String getExitStatus() { return exitStatus; }
    public String getJobId() { return jobId; }
    /** {@code id.} when the spec has no dot, else {@code null}. */
    public String getJobIdDot() { return jobIdDot; }
    public String getJobIdBracket() { return jobIdBracket; }
    /** The first id after every id starting with {@code id.}: the range's exclusive end. */
    public String getJobIdDotEnd() { return jobIdDot == null ? null : jobId + "/"; }
    public String getJobIdBracketEnd() { return jobIdBracket == null ? null : jobId + "\\"; }
    public int getJobIdPrefixLength() { return jobIdDot == null ? 0 : jobIdDot.length(); }
    public List<String> getNamePatterns() { return namePatterns; }
    public boolean isIgnoreCase() { return ignoreCase; }
    /** Case-sensitive globs on PostgreSQL are anchored regular expressions. */
    public boolean isNameRegex() { return nameRegex; }
    public List<Bound> getBounds() { return bounds; }
}
